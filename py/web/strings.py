"""The page's own words, in English and French (labels, hints, options, result rows, the
charts' words): one catalogue file per language, words/en.json and words/fr.json, so a
translator reviews each language whole (the core's words are its own: crs/words/*.json).

One catalogue for both the build (which writes the static HTML from it) and the running page
(which writes result rows and messages from it). The modules read it as {key: (en, fr)}, as
they always have (`S`, `URLS`, `pairs`). The two files hold the same groups, keys and
placeholders (tests/e2e/test_form_unit.py).
French follows IRCC's terms: Système de classement global (SCG), NCLC, conjoint de fait,
ronde d'invitations, diplôme canadien, certificat de compétence, désignation provinciale,
évaluation des diplômes d'études (EDE).

Notes for translators that JSON cannot hold: `page.loading_detail` names the first visit's
bytes as served (brotli), rounded (test_offline.py checks it against dist/).
`page.scen_sec_transferability` holds a soft hyphen (U+00AD), where the word may break in the
scenarios table's narrow first column on a phone.
"""

import json
import os

LANGS = ("en", "fr")


def read_catalogue(directory, lang):
    """words/<lang>.json under `directory`, read through this module's loader: in the page this
    package is inside py/app.zip (zipimport), where open() cannot reach it."""
    return json.loads(__loader__.get_data(os.path.join(directory, lang + ".json")))


def pairs_of(catalogues, group):
    """{key: (en, fr)} for one group of a catalogue ({lang: document})."""
    en, fr = catalogues["en"][group], catalogues["fr"][group]
    if set(en) != set(fr):
        raise KeyError("words/en.json and words/fr.json differ in %r" % group)
    return {key: (en[key], fr[key]) for key in en}


WORDS = {lang: read_catalogue(os.path.join(os.path.dirname(os.path.abspath(__file__)), "words"),
                              lang) for lang in LANGS}


def pairs(group):
    return pairs_of(WORDS, group)


S = pairs("page")
URLS = pairs("urls")


def t(key, lang, **values):
    """The text of `key` in `lang` ("en" or "fr"), with {placeholders} filled."""
    text = S[key][1 if lang == "fr" else 0]
    return text.format(**values) if values else text


def url(key, lang):
    return URLS[key][1 if lang == "fr" else 0]


# Numbers, dates and the colon are written per language in one place: the core's formats.py.
from crs.formats import integer as number  # noqa: E402,F401
