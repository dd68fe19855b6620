"""Either spouse as principal applicant: the couple scored as filed and swapped.

The swapped document is the spouse's profile with the candidate as the accompanying spouse,
made field by field as docs/profile-format-extensions.md ("Either spouse as principal
applicant") says: each person's facts move with the person (a nomination, a certificate and
work belong to who holds them; the candidate's education, first official language result and
Canadian work years become the spouse factors, MI ss.17-19); the couple's stay (a sibling in
Canada counts for either, MI s.31(1)). The swapped document is read like any other, so its
score, eligibility and round types are those of crs.score, crs.eligibility and
crs.categories.
"""

from . import catalogue as _catalogue
from .reading import read as _read

WORDS = _catalogue.pairs("couple")

# (the candidate's field, the same fact under `spouse`): each moves to the other side.
PAIRS = (("age", "age"), ("date_of_birth", "date_of_birth"), ("education", "education"),
         ("eca_date", "eca_date"), ("canadian_education", "canadian_education"),
         ("first_language", "language"), ("second_language", "second_language"),
         ("canadian_work_years", "canadian_work_years"),
         ("foreign_work_years", "foreign_work_years"),
         ("certificate_of_qualification", "certificate_of_qualification"),
         ("provincial_nomination", "provincial_nomination"),
         ("work_history", "work_history"), ("studied_in_canada", "studied_in_canada"))
# The couple's: the same whoever is the principal applicant.
COUPLES = ("marital_status", "sibling_in_canada", "relative_in_canada", "settlement_funds",
           "family_size", "intends_to_live_in_quebec")
# Left out of the swapped profile (the candidate's own, with no spouse field; or the filed
# profile's own: a swapped profile would be submitted anew).
LEFT_OUT = ("job_offer", "job_offer_details", "authorized_to_work_in_canada", "submitted_at")
# What a principal applicant must have (profile-format.md's required fields), as the spouse's
# paths: age stands for age or date of birth.
NEEDED = (("spouse.age", ("age", "date_of_birth")), ("spouse.education", ("education",)),
          ("spouse.language", ("language",)))

_TO_SPOUSE = {top: "spouse." + theirs for top, theirs in PAIRS}
_TO_TOP = {"spouse." + theirs: top for top, theirs in PAIRS}


def swapped_document(doc):
    """The couple's document with the spouse as principal applicant (no check: `doc` is one
    that reads, with a spouse object)."""
    spouse = doc["spouse"]
    out = {key: doc[key] for key in COUPLES if key in doc}
    other = {"canadian_citizen_or_pr": False, "accompanying": True}
    for top, theirs in PAIRS:
        if spouse.get(theirs) is not None:
            out[top] = spouse[theirs]
        if doc.get(top) is not None:
            other[theirs] = doc[top]
    out["spouse"] = other
    return out


def original_field(field):
    """A field path of the swapped document, as the path of the same fact in the original
    (an error in the swapped profile names what the person typed)."""
    for mapping in (_TO_TOP, _TO_SPOUSE):
        for head, there in mapping.items():
            if field == head or field.startswith(head + "."):
                return there + field[len(head):]
    return field


def not_applicable(reading):
    """The reason there is no swap (a code), or None when the couple can be swapped."""
    p = reading.profile
    if type(reading.doc.get("spouse")) is not dict:
        return "no_spouse"
    if p.spouse_status == "citizen":
        return "spouse_citizen_or_pr"
    if p.spouse_status == "not_coming":
        return "spouse_not_accompanying"
    return None


def missing(reading):
    """The spouse's facts a principal applicant must have and the document lacks."""
    spouse = reading.doc["spouse"]
    return [path for path, keys in NEEDED
            if all(spouse.get(key) is None for key in keys)]


def swap(reading):
    """(the swapped Reading or None, what there is instead or None): {"not_applicable": code,
    "message"}, {"missing": [paths], "message"}, or {"errors": [...]} (paths of the original).
    Computed once per reading."""
    return reading.part("couple.swap", _swap)


def _swap(reading):
    i = 1 if reading.lang == "fr" else 0
    code = not_applicable(reading)
    if code is not None:
        return None, {"not_applicable": code, "message": WORDS[code][i]}
    lacking = missing(reading)
    if lacking:
        from .messages import field_label
        names = ", ".join(field_label(path, reading.lang) for path in lacking)
        return None, {"missing": lacking, "message": WORDS["missing"][i].format(fields=names)}
    swapped, errors = _read(swapped_document(reading.doc), reading.day, reading.rules,
                            reading.lang)
    if errors:
        return None, {"errors": [dict(e, field=original_field(e["field"])) for e in errors]}
    return swapped, None


def couple(doc, as_of=None, rules=None, lang="en"):
    """{"as_filed": score result, "swapped": score result or what there is instead (swap)},
    or {"errors": [...]} when the document does not read. `doc` may be a crs.Reading."""
    reading, errors = _read(doc, as_of, rules, lang)
    if errors:
        return {"errors": errors}
    as_filed = reading.score()
    if "errors" in as_filed:         # no rule set in force that day
        return {"errors": as_filed["errors"]}
    swapped, instead = swap(reading)
    return {"as_filed": as_filed, "swapped": instead if swapped is None else swapped.score()}


def differences(*results):
    """The lines whose points differ between score results (the first is the reference):
    [{"id", "ref", "max", "points": [points in each result]}], in the first result's order;
    with the sections and totals in {"sections": {name: [...]}, "total": [...]}. Results
    with errors are skipped by the caller."""
    by_id = [{line["id"]: line for line in r["lines"]} for r in results]
    lines = []
    for line in results[0]["lines"]:
        points = [lines_of.get(line["id"], {}).get("points") for lines_of in by_id]
        if len(set(points)) > 1:
            lines.append({"id": line["id"], "ref": line.get("ref"), "max": line.get("max"),
                          "points": points})
    sections = {name: [r["sections"][name] for r in results] for name in results[0]["sections"]}
    return {"lines": lines, "sections": sections, "total": [r["total"] for r in results]}
