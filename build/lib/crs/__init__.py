"""The Comprehensive Ranking System of Express Entry, as pure Python (standard library only).

    >>> import crs
    >>> crs.score({"marital_status": "never_married", "age": 29, "education": "bachelors",
    ...            "first_language": {"test": "clb", "speaking": 9, "listening": 9,
    ...                               "reading": 9, "writing": 9},
    ...            "foreign_work_years": 3}, as_of="2026-11-23")["total"]
    429

The contract is docs/api.md; the profile format is shared/profile-format.md. Nothing here
raises for bad input: `score` returns {"errors": [...]} instead.
"""

import json as _json

from . import rules  # noqa: F401  (crs.rules is public)
from .clb import to_clb
from .problems import MAX_ERRORS
from .reading import (MAX_BATCH, MAX_DEPTH, MAX_DOCUMENT_BYTES, MAX_FILE_BYTES,  # noqa: F401
                      MAX_NODES_PER_PROFILE, MAX_POOL, Reading, load_json, read)
from .result import age_drop

__all__ = ["score", "score_json", "to_clb", "validate", "load_json", "age_drop", "read",
           "Reading", "evaluate", "plan"]


def score(doc, as_of=None, rules=None, lang="en"):
    """Validate and score one profile (a dict, JSON text or a Reading). Returns the result dict
    or {"errors": [...]}."""
    reading, errors = read(doc, as_of, rules, lang)
    return {"errors": errors} if errors else reading.score()


def validate(doc, as_of=None, lang="en"):
    """The list of errors of a document (empty when it is valid)."""
    return score(doc, as_of=as_of, lang=lang).get("errors", [])


def score_json(text, as_of=None, rules=None, lang="en"):
    """JSON text in, JSON text out."""
    return _json.dumps(score(text, as_of=as_of, rules=rules, lang=lang), ensure_ascii=False)


def plan(doc, as_of=None, rules=None, lang="en"):
    """The language-test planner (crs.planner, docs/planner.md)."""
    from .planner import plan as planner
    return planner(doc, as_of=as_of, rules=rules, lang=lang)


PARTS = ("score", "eligibility", "what_ifs", "timeline")


def evaluate(doc, as_of=None, rules=None, lang="en", parts=PARTS):
    """Everything the page shows for one document, read once: {"score", "eligibility",
    "what_ifs", "timeline"} (the parts asked for; each as its own function returns it), or
    {"errors": [...]} when the document does not read."""
    reading, errors = read(doc, as_of, rules, lang)
    if errors:
        return {"errors": errors}
    from .eligibility import eligibility
    from .timeline import timeline
    from .whatif import what_ifs
    tools = {"score": lambda r: r.score(), "eligibility": eligibility, "what_ifs": what_ifs,
             "timeline": timeline}
    return {part: tools[part](reading) for part in parts}
