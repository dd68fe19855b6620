"""web/charts.py under CPython: the inline SVG of the rounds chart and the timeline (well
formed, accessible, escaped, readable colours and shapes)."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from crs import rounds as R
from crs.timeline import timeline
from web import charts

SVG = "{http://www.w3.org/2000/svg}"
# A profile whose timeline has events close together (birthday, ECA and test dates).
DATED = {"marital_status": "never_married", "date_of_birth": "1996-05-10",
         "education": "bachelors", "eca_date": "2024-01-15",
         "first_language": {"test": "ielts_gt", "speaking": 7, "listening": 8, "reading": 7,
                            "writing": 6.5, "test_date": "2025-04-02"},
         "foreign_work_years": 2, "submitted_at": "2026-02-28T14:05:00-05:00"}


@pytest.fixture(scope="module")
def snap():
    return R.load_snapshot()


HOSTILE = '<script type="py">import js; js.alert(1)</script>'


def parse_svg(text):
    root = ET.fromstring(text)
    assert root.tag == SVG + "svg" and root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    ids = {e.get("id"): e for e in root.iter() if e.get("id")}
    assert ids[title_id].tag == SVG + "title" and ids[title_id].text
    assert ids[desc_id].tag == SVG + "desc" and ids[desc_id].text
    assert not [e for e in root.iter() if e.tag.split("}")[-1] in ("script", "foreignObject",
                                                                    "a", "image", "use")]
    for e in root.iter():
        assert not [k for k in e.attrib if k.lower().startswith("on") or "href" in k.lower()]
    return root, ids[title_id].text, ids[desc_id].text


def texts(root):
    return [e.text for e in root.iter() if e.text]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_cutoff_chart_is_well_formed_and_accessible(snap, lang):
    pts = R.last_12_months(snap["rounds"], "2026-08-07")
    out = charts.cutoff_chart(pts, lang, start="2025-08-08", end="2026-08-07")
    root, title, desc = parse_svg(out)
    words = texts(root)
    if lang == "en":
        assert "CRS score" in words and "Date of the round" in words and "Sep" in words
        assert "Canadian Experience Class 516 (August 5, 2026)" in desc
        assert desc.startswith("75 rounds of invitations from August 8, 2025 to August 7, 2026")
    else:
        assert "Note SCG" in words and "Date de la ronde" in words and "sept." in words
        assert "Catégorie de l'expérience canadienne 516 (5 août 2026)" in desc
        assert "Type de ronde" in words
    # Every point has a tooltip naming its type, date and score; one marker per round.
    tips = [e.text for e in root.iter(SVG + "title")][1:]
    assert len(tips) == 75
    # The legend names every type present, each with its marker shape.
    present = {p["category"] for p in pts}
    for key in present:
        assert R.category_label(key, lang) in words


def test_cutoff_chart_escapes_hostile_text():
    pts = [{"date": "2026-01-05", "crs": 500, "category": HOSTILE, "number": HOSTILE,
            "label": HOSTILE + "\x00\x1b\ud800"},
           {"date": "2026-02-05", "crs": 510, "category": "x'\"&<>", "size": 7}]
    out = charts.cutoff_chart(pts, "en", title=HOSTILE, id_prefix='"><script>alert(1)</script>')
    assert "<script" not in out and "\x00" not in out
    root, title, desc = parse_svg(out)
    assert title == HOSTILE
    assert HOSTILE + "\ufffd\ufffd\ufffd" in texts(root)             # shown as text, in the legend
    assert "x'\"&<>" in texts(root)
    assert root.get("aria-labelledby") == "scriptalert1script-title scriptalert1script-desc"


def test_timeline_is_well_formed_and_escapes():
    events = [{"date": "2015-01-01", "label": "Express Entry opens"},
              ("2025-03-25", HOSTILE), {"date": dt.date(2017, 6, 6), "label": "a & b < c"},
              ("2020-10-27", "x" * 200)]
    for lang in ("en", "fr"):
        out = charts.timeline(events, lang, title=HOSTILE)
        assert "<script" not in out
        root, title, desc = parse_svg(out)
        assert title == HOSTILE
        assert HOSTILE in desc and "a & b < c" in desc and "x" * 200 in desc
        words = texts(root)
        assert any(w.endswith("\u2026") and len(w) <= 38 for w in words)   # shortened on the line
    fr = charts.timeline(events, "fr")
    assert "1er janvier 2015" in fr and "25 mars 2025" in fr
    ET.fromstring(charts.timeline([], "en"))


def test_empty_chart_says_so():
    root, title, desc = parse_svg(charts.cutoff_chart([], "fr"))
    assert desc == "Aucune ronde pendant cette période."


def test_chart_refuses_malformed_numbers_and_dates():
    good = {"date": "2026-01-05", "crs": 500, "category": "french"}
    for bad in (dict(good, crs="500"), dict(good, crs=None), dict(good, date="soon"),
                dict(good, date=None)):
        with pytest.raises(ValueError):
            charts.cutoff_chart([bad], "en")
    for size in ("100; x", float("nan"), float("inf"), -5, None):
        with pytest.raises(ValueError):
            charts.cutoff_chart([good], "en", width=size)
    with pytest.raises(ValueError):
        charts.timeline([("2026-13-01", "x")], "en")


def contrast(hex_colour, background=(1.0, 1.0, 1.0)):
    def lum(rgb):
        def ch(c):
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b = (ch(c) for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    rgb = tuple(int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    a, b = lum(rgb), lum(background)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def test_colours_contrast_and_markers_are_distinct():
    assert set(charts.STYLES) == set(R.CATEGORIES)
    for key, (colour, shape) in charts.STYLES.items():
        assert contrast(colour) >= 3.0, (key, colour, contrast(colour))      # WCAG 1.4.11
    shapes = [shape for _, shape in charts.STYLES.values()]
    assert len(set(shapes)) == len(shapes)           # never colour alone (WCAG 1.4.1)
    for colour in (charts.INK, charts.AXIS):
        assert contrast(colour) >= 4.5
    for shape in shapes:
        ET.fromstring('<svg xmlns="%s">%s</svg>' % (charts.SVG_NS, charts.marker(shape, 10, 10, "#000")))


def test_timeline_svg_labels_never_share_a_row_where_they_would_overlap():
    events = timeline(DATED, as_of="2026-11-23")["events"]
    root = ET.fromstring(charts.timeline(events, "en"))
    rows = {}
    for t in root.iter("{http://www.w3.org/2000/svg}text"):
        if t.get("font-weight") == "bold" or t.get("x") is None:
            continue
        x, width = float(t.get("x")), len(t.text) * 6.2
        x0 = {"start": x, "end": x - width}.get(t.get("text-anchor"), x - width / 2)
        rows.setdefault(t.get("y"), []).append((x0, x0 + width))
    assert len(rows) >= 3
    for spans in rows.values():
        assert all(0 <= a and b <= float(root.get("width", 720)) for a, b in spans), spans
        spans.sort()
        for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
            assert a1 <= b0, spans
