"""The NOC 2021 finder's search, in plain Python (no `js`: tested under CPython, and the
maintainer's step that writes the search asset imports it too).

The asset, static/noc2021.json (made by `python build.py noc DIR`, from Statistics Canada's
NOC 2021 / CNP 2021 files in shared/data; its provenance in static/noc2021.PROVENANCE.md), is
an index computed ahead: the 516 unit groups (code, TEER, English and French titles) and a
sorted vocabulary of normalised words (accents and case ignored, a plural's "s" dropped), each
with the unit groups whose titles hold it, how (in the official title, or in how many example
titles). The page fetches it once, after the first score (web/work.py), and never again; every
keystroke is searched here, locally:

* five digits, or the start of a code: the codes that begin so (the exact code first);
* words: every word of the query must match, its start (the last word is usually being
  typed); a group matches a word in its official title (ranked above) or in its example titles
  (the more examples hold it, the higher); a word of the official title in "(except ...)" does
  not count. A word that matches nothing is looked up at one edit (a letter deleted, added,
  changed, or two swapped: "electricain", "sofware"), and, when every word together matches
  nothing, the groups matching most of them are shown.

Standard library only.
"""

import bisect
import json
import re
import unicodedata

ASSET = "static/noc2021.json"        # relative to the site's root (offline.py precaches it)
FORMAT = 1
LIMIT = 8
MIN_LETTERS = 2                      # a query of one letter shows nothing yet
OFFICIAL = 1 << 7                    # a posting: group << 8 | OFFICIAL | examples (0-127)
STOP = frozenset("""a an and or of the in for to with on at by from
de des du la le les l d et ou en au aux pour sur dans par avec un une""".split())
_EXCEPT = re.compile(r"\((?:except|sauf)[^)]*\)", re.I)
_NON_WORD = re.compile(r"[^0-9a-z]+")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def fold(text):
    """Lower case, without accents or ligatures: "Infirmière" -> "infirmiere"."""
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES).lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def stem(word):
    """A plural's final "s" (or "x" after "eau") dropped, so "nurses" finds "nurse"."""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    if len(word) > 4 and word.endswith("eaux"):
        return word[:-1]
    return word


def words(text):
    """The normalised words of a title or a query, in order, without small words."""
    return [stem(w) for w in _NON_WORD.split(fold(text)) if w and w not in STOP]


def official_words(title):
    """The words of an official title that describe it ("(except ...)" left out)."""
    return words(_EXCEPT.sub(" ", title))


# ---------------------------------------------------------------------------------------------
# The asset (the maintainer's step: build.py noc)

def build_asset(unit_groups, examples, source):
    """The search asset's document from noc2021.json's `unit_groups` and
    noc2021_examples.json's `examples` ({code: {"en": [...], "fr": [...]}})."""
    groups = sorted(unit_groups, key=lambda g: g["code"])
    found = {}                                  # word -> {group index: [official, examples]}
    for gi, g in enumerate(groups):
        for w in set(official_words(g["title_en"])) | set(official_words(g["title_fr"])):
            found.setdefault(w, {}).setdefault(gi, [0, 0])[0] = 1
        titles = examples.get(g["code"], {})
        for title in list(titles.get("en", ())) + list(titles.get("fr", ())):
            for w in set(words(title)):
                found.setdefault(w, {}).setdefault(gi, [0, 0])[1] += 1
    vocabulary = sorted(found)
    postings = [[gi << 8 | (OFFICIAL if o else 0) | min(n, 127)
                 for gi, (o, n) in sorted(found[w].items())] for w in vocabulary]
    return {
        "format": FORMAT,
        "source": source,
        "groups": [[g["code"], g["teer"], g["title_en"], g["title_fr"]] for g in groups],
        "words": " ".join(vocabulary),
        "postings": postings,
    }


def dump_asset(doc):
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


# ---------------------------------------------------------------------------------------------
# The search

class Index:
    """The asset read once; `search(query)` gives the best unit groups for a query."""

    def __init__(self, doc):
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ValueError("not a NOC search asset of format %d" % FORMAT)
        self.groups = [tuple(g) for g in doc["groups"]]
        self.codes = [g[0] for g in self.groups]
        self.by_code = {g[0]: g for g in self.groups}
        self.vocabulary = doc["words"].split(" ")
        self.postings = doc["postings"]
        self.known = {w: i for i, w in enumerate(self.vocabulary)}
        self._cache = {}
        # Each official title's words, once at load: computing them on a group's first
        # appearance made the first keystrokes of a new prefix the slowest (the 95th percentile).
        self._official = [[set(official_words(t)) for t in g[2:4]] for g in self.groups]

    @classmethod
    def from_text(cls, text):
        return cls(json.loads(text))

    def _range(self, prefix):
        lo = bisect.bisect_left(self.vocabulary, prefix)
        hi = bisect.bisect_left(self.vocabulary, prefix + "\uffff", lo)
        return lo, hi

    def _score_words(self, entries):
        """{group: score} over vocabulary entries [(index, exact)]."""
        out = {}
        postings = self.postings
        for i, exact in entries:
            for p in postings[i]:
                n = p & 127
                if p & OFFICIAL:
                    s = 8.0 if exact else 6.0
                else:
                    s = 3.0 if exact else 2.0
                s += min(n, 20) / 10.0
                g = p >> 8
                if s > out.get(g, 0.0):
                    out[g] = s
        return out

    def _edits(self, word):
        """Words of the vocabulary one edit away from `word`."""
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        candidates = set()
        for a, b in splits:
            if b:
                candidates.add(a + b[1:])
                if len(b) > 1:
                    candidates.add(a + b[1] + b[0] + b[2:])
                for c in ALPHABET:
                    candidates.add(a + c + b[1:])
            for c in ALPHABET:
                candidates.add(a + c + b)
        candidates.discard(word)
        known = self.known
        return [known[c] for c in candidates if c in known]

    def word_scores(self, word):
        """{group: score} for one word of a query: its prefix, else one edit away (fuzzy)."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        lo, hi = self._range(word)
        if hi - lo > 400:       # a short prefix: the words it starts, the most frequent first
            entries = sorted(range(lo, hi), key=lambda i: -len(self.postings[i]))[:400]
        else:
            entries = range(lo, hi)
        scores = self._score_words([(i, self.vocabulary[i] == word) for i in entries])
        if not scores and len(word) >= 4:
            scores = {g: s - 1.5 for g, s in self._score_words(
                [(i, True) for i in self._edits(word)]).items()}
        if len(self._cache) > 512:
            self._cache.clear()
        self._cache[word] = scores
        return scores

    def search(self, query, limit=LIMIT):
        """The best unit groups for `query`, as (code, teer, title_en, title_fr) tuples."""
        text = fold(query).strip()
        digits = text.replace(" ", "")
        if digits.isdigit():
            lo = bisect.bisect_left(self.codes, digits)
            hi = bisect.bisect_left(self.codes, digits + ":", lo)
            return [self.by_code[c] for c in self.codes[lo:hi][:limit]]
        query_words = []
        for w in words(query):
            if w not in query_words:
                query_words.append(w)
        if not query_words or len("".join(query_words)) < MIN_LETTERS:
            return []
        per_word = [self.word_scores(w) for w in query_words]
        totals = {}
        matched = {}
        for scores in per_word:
            for g, s in scores.items():
                totals[g] = totals.get(g, 0.0) + s
                matched[g] = matched.get(g, 0) + 1
        if not totals:
            return []
        most = max(matched.values())
        ranked = sorted((g for g in totals if matched[g] == most),
                        key=lambda g: (-totals[g], self.codes[g]))
        # The first few again, a title the query covers more of first ("electrician":
        # "Electricians (except ...)" before "Industrial electricians").
        head = sorted(ranked[:3 * limit], key=lambda g: (
            -totals[g] - 2.0 * self.coverage(g, query_words), self.codes[g]))
        return [self.groups[g] for g in (head + ranked[3 * limit:])[:limit]]

    def coverage(self, g, query_words):
        """The largest share of an official title's words (English or French) that a query
        word begins."""
        titles = self._official[g]
        best = 0.0
        for title in titles:
            if title:
                hit = sum(1 for w in title if any(w.startswith(q) for q in query_words))
                best = max(best, hit / len(title))
        return best
