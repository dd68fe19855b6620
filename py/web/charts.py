"""Inline SVG charts drawn from Python, for the page (no libraries; CPython and Pyodide).

* `cutoff_chart(points, lang)`: the cutoff score of each round over time, one series per
  round type, each with its own colour *and* marker shape (WCAG 1.4.1: not colour alone),
  colours at least 3:1 against white (WCAG 1.4.11), a legend, axis labels, and `role="img"`
  with `<title>` and `<desc>` (the desc states the figures, for screen readers). Points come
  from `crs.rounds.last_12_months`.
* `timeline(events, lang)`: dated events on a horizontal line.

The page writes the result as markup, so every piece of text that reaches the SVG goes
through `esc()` (XML escaping plus removal of characters XML 1.0 forbids): a label such as
`<script type="py">` arrives as text, never as an element. Nothing from the input is used as
an element name, attribute name, id or URL.
"""

import datetime as _dt
import math
import re

from crs.rounds import CATEGORIES, category_label
from crs.formats import date as fmt_date, integer as fmt_int

from web import strings

SVG_NS = "http://www.w3.org/2000/svg"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
INK = "#1a1a1a"        # text: 17:1 on white
AXIS = "#595959"       # axis lines and ticks: 7:1
GRID = "#d9d9d9"       # decorative only

# (colour, marker) per round type. Every colour is >= 3:1 on white (tests check it); every
# type has its own marker shape, so the legend works in greyscale and for colour-blind readers.
STYLES = {
    "canadian_experience_class": ("#0072B2", "circle"),
    "provincial_nominee_program": ("#B34700", "square"),
    "french": ("#6A3D9A", "triangle"),
    "healthcare": ("#007A5E", "diamond"),
    "physicians": ("#AA3377", "triangle_down"),
    "senior_managers": ("#8C510A", "plus"),
    "military": ("#555555", "cross"),
    "trades": ("#0072B2", "star"),
    "transport": ("#B34700", "hexagon"),
    "education": ("#007A5E", "pentagon"),
    "general": ("#000000", "open_square"),
    "stem": ("#6A3D9A", "open_diamond"),
    "agriculture": ("#8C510A", "open_hexagon"),
    "federal_skilled_worker": ("#AA3377", "open_triangle"),
    "federal_skilled_trades": ("#555555", "open_pentagon"),
    "other": ("#555555", "open_circle"),
}
_ORDER = {key: i for i, key in enumerate(CATEGORIES)}

# The charts' words are in the page's catalogue (web/words/*.json), group "charts".
WORDS = strings.pairs("charts")
# Short month names on the time axis (OQLF abbreviations in French).
MONTHS_SHORT = tuple(tuple(strings.WORDS[lang]["months_short"]) for lang in strings.LANGS)
# Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF): one would
# make the whole SVG unreadable, so they are replaced.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def esc(value):
    """Text for XML content or a double- or single-quoted attribute value."""
    text = _NOT_XML.sub("\ufffd", str(value))
    # By hand rather than xml.sax.saxutils.escape: importing xml.sax pulls in urllib.request,
    # http.client and email (~30 modules the page would download and import for four replaces).
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def _w(key, lang):
    return WORDS[key][1 if lang == "fr" else 0]


def _id(prefix):
    # Ids are written unescaped into attributes and ARIA references: allow only safe letters.
    clean = re.sub(r"[^A-Za-z0-9_-]", "", str(prefix))
    return clean if clean and clean[0].isalpha() else "crs-" + clean


def _num(x):
    """A coordinate: short, and never "nan" or "inf" in the markup."""
    if not math.isfinite(x):
        raise ValueError("coordinate %r" % (x,))
    text = "%.1f" % x
    return text[:-2] if text.endswith(".0") else text


def _size(value, name, low):
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError("%s must be a number, got %r" % (name, value)) from None
    if not math.isfinite(number) or number < low:
        raise ValueError("%s must be at least %d, got %r" % (name, low, value))
    return number


def _date(value):
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError("expected a YYYY-MM-DD date, got %r" % (value,)) from None


# ---------------------------------------------------------------------------------------------
# Markers

def _polygon(cx, cy, r, sides, rotation=-90.0, inner=None):
    pts = []
    count = sides * 2 if inner else sides
    for i in range(count):
        angle = math.radians(rotation + 360.0 * i / count)
        radius = inner if inner and i % 2 else r
        pts.append("%s,%s" % (_num(cx + radius * math.cos(angle)),
                              _num(cy + radius * math.sin(angle))))
    return " ".join(pts)


def _bars(cx, cy, r, angle):
    """A plus (angle 0) or a cross (45) as one closed outline, so it fills like the others."""
    t = r * 0.38
    base = [(-t, -r), (t, -r), (t, -t), (r, -t), (r, t), (t, t), (t, r), (-t, r), (-t, t),
            (-r, t), (-r, -t), (-t, -t)]
    a = math.radians(angle)
    return " ".join("%s,%s" % (_num(cx + x * math.cos(a) - y * math.sin(a)),
                               _num(cy + x * math.sin(a) + y * math.cos(a))) for x, y in base)


def marker(shape, cx, cy, colour, r=5.0):
    """One marker element. Open shapes are white inside with a 2 px outline."""
    hollow = shape.startswith("open_")
    base = shape[5:] if hollow else shape
    paint = ('fill="#ffffff" stroke="%s" stroke-width="2"' % colour if hollow
             else 'fill="%s" stroke="%s" stroke-width="1"' % (colour, colour))
    if base == "circle":
        return '<circle cx="%s" cy="%s" r="%s" %s/>' % (_num(cx), _num(cy), _num(r), paint)
    if base == "square":
        s = r * 0.9
        return '<rect x="%s" y="%s" width="%s" height="%s" %s/>' % (
            _num(cx - s), _num(cy - s), _num(2 * s), _num(2 * s), paint)
    shapes = {
        "triangle": lambda: _polygon(cx, cy + r * 0.2, r * 1.2, 3),
        "triangle_down": lambda: _polygon(cx, cy - r * 0.2, r * 1.2, 3, rotation=90),
        "diamond": lambda: _polygon(cx, cy, r * 1.2, 4),
        "pentagon": lambda: _polygon(cx, cy, r * 1.05, 5),
        "hexagon": lambda: _polygon(cx, cy, r * 1.05, 6, rotation=0),
        "star": lambda: _polygon(cx, cy, r * 1.3, 5, inner=r * 0.55),
        "plus": lambda: _bars(cx, cy, r * 1.1, 0),
        "cross": lambda: _bars(cx, cy, r * 1.1, 45),
    }
    points = shapes.get(base, shapes["diamond"])()
    return '<polygon points="%s" %s/>' % (points, paint)


def style(category):
    return STYLES.get(category, STYLES["other"])


# ---------------------------------------------------------------------------------------------
# Cutoff chart

def _ticks(low, high):
    span = high - low
    step = 50 if span <= 400 else 100 if span <= 800 else 200
    lo = int(math.floor(low / step) * step)
    hi = int(math.ceil(high / step) * step)
    if hi == lo:
        hi = lo + step
    return lo, hi, list(range(lo, hi + 1, step))


def _months(start, end):
    """The first day of each month within [start, end]."""
    out = []
    y, m = start.year, start.month
    day = _dt.date(y, m, 1)
    if day < start:
        m += 1
    while True:
        if m > 12:
            y, m = y + 1, 1
        day = _dt.date(y, m, 1)
        if day > end:
            return out
        out.append(day)
        m += 1


def _read_points(points):
    out = []
    for p in points:
        score = p["crs"]
        if type(score) is not int:
            raise ValueError("crs must be an integer, got %r" % (score,))
        out.append({"date": _date(p["date"]), "crs": score,
                    "category": str(p.get("category") or "other"),
                    "size": p.get("size") if type(p.get("size")) is int else None,
                    "number": p.get("number"), "label": p.get("label")})
    return out


def _label(p, lang):
    """A point's series name: a known category's label, else the text the caller gave."""
    if p["category"] in CATEGORIES:
        return category_label(p["category"], lang)
    label = p.get("label")
    if isinstance(label, dict):
        label = label.get(lang)
    return str(label or p["category"])


def _describe(series, pts, lang):
    low = min(p["crs"] for p in pts)
    high = max(p["crs"] for p in pts)
    text = _w("summary", lang) % {
        "n": fmt_int(len(pts), lang), "start": fmt_date(pts[0]["date"], lang),
        "end": fmt_date(pts[-1]["date"], lang), "low": fmt_int(low, lang),
        "high": fmt_int(high, lang)}
    latest = []
    for name, items in series:
        last = items[-1]
        latest.append("%s %s (%s)" % (name, fmt_int(last["crs"], lang),
                                      fmt_date(last["date"], lang)))
    return text + " " + _w("latest", lang) + "; ".join(latest) + "."


def _point_title(p, name, lang):
    text = _w("point", lang) % {"label": name, "date": fmt_date(p["date"], lang),
                                "score": fmt_int(p["crs"], lang)}
    if p["size"] is not None:
        text += _w("point_size", lang) % {"size": fmt_int(p["size"], lang)}
    if p["number"]:
        text += _w("round", lang) % p["number"]
    return text


def cutoff_chart(points, lang="en", width=720, height=420, title=None, id_prefix="crs-cutoffs",
                 start=None, end=None):
    """An SVG string: one line and marker series per round type. `points` are dicts with
    "date" (YYYY-MM-DD), "crs" (int), "category" (key of crs.rounds.CATEGORIES; another value
    is shown as text), optionally "size", "number", "label". `height` is the plot with its
    axes; the legend adds a row per one to three round types below it. `start`/`end` widen
    the time axis (e.g. to the full 12 months). Raises ValueError for malformed points or
    sizes, never for text."""
    lang = "fr" if lang == "fr" else "en"
    width = _size(width, "width", 240)
    height = _size(height, "height", 160)
    ident = _id(id_prefix)
    pts = sorted(_read_points(points), key=lambda p: (p["date"], p["crs"]))
    title = _w("chart_title", lang) if title is None else title

    groups = {}
    for p in pts:
        groups.setdefault(p["category"], []).append(p)
    keys = sorted(groups, key=lambda k: (_ORDER.get(k, len(_ORDER)), k))
    series = [(_label(groups[k][0], lang), groups[k]) for k in keys]

    # Layout first: `height` holds the plot and its axes; the legend goes below and adds
    # its own rows (as many columns as the longest label allows, ~0.52 em per character).
    legend_font = 12
    left, right, top, axis_h = 58.0, 16.0, 14.0, 50.0
    plot_w = width - left - right
    plot_h = height - top - axis_h
    longest = max((len(name) for name, _ in series), default=0)
    item_w = 30 + longest * legend_font * 0.52
    cols = max(1, min(len(series), int(plot_w // item_w))) if series else 1
    legend_h = 30 + (-(-len(series) // cols)) * 20 if series else 0
    height += legend_h

    out = [_open(ident, width, height)]
    out.append('<title id="%s-title">%s</title>' % (ident, esc(title)))
    desc = _describe(series, pts, lang) if pts else _w("empty", lang)
    out.append('<desc id="%s-desc">%s</desc>' % (ident, esc(desc)))
    out.append('<rect width="100%" height="100%" fill="#ffffff"/>')
    if not pts:
        out.append('<text x="%s" y="%s" text-anchor="middle" font-size="14" fill="%s">%s</text>'
                   % (_num(width / 2), _num(height / 2), INK, esc(_w("empty", lang))))
        out.append("</svg>")
        return "".join(out)

    first = _date(start) if start is not None else pts[0]["date"]
    last = _date(end) if end is not None else pts[-1]["date"]
    first, last = min(first, pts[0]["date"]), max(last, pts[-1]["date"])
    if first == last:
        first, last = first - _dt.timedelta(days=15), last + _dt.timedelta(days=15)
    days = (last - first).days
    lo, hi, yticks = _ticks(min(p["crs"] for p in pts) - 10, max(p["crs"] for p in pts) + 10)
    lo, hi = max(lo, 0), min(hi, 1200)
    yticks = [t for t in yticks if lo <= t <= hi]

    def x(day):
        return left + plot_w * (day - first).days / days

    def y(score):
        return top + plot_h * (hi - score) / (hi - lo)

    out.append(_axes(lang, left, top, plot_w, plot_h, yticks, y, first, last, x))
    for name, items in series:
        colour, shape = style(items[0]["category"])
        out.append('<g>')
        if len(items) > 1:
            out.append('<polyline fill="none" stroke="%s" stroke-width="1.5" '
                       'stroke-linejoin="round" points="%s"/>'
                       % (colour, " ".join("%s,%s" % (_num(x(p["date"])), _num(y(p["crs"])))
                                           for p in items)))
        for p in items:
            out.append('<g>%s<title>%s</title></g>'
                       % (marker(shape, x(p["date"]), y(p["crs"]), colour),
                          esc(_point_title(p, name, lang))))
        out.append('</g>')
    out.append(_legend(series, lang, left, top + plot_h + axis_h, cols, item_w, legend_font))
    out.append("</svg>")
    return "".join(out)


def _open(ident, width, height):
    return ('<svg xmlns="%s" role="img" aria-labelledby="%s-title %s-desc" '
            'viewBox="0 0 %s %s" width="%s" height="%s" font-family="%s" '
            'style="max-width:100%%;height:auto">'
            % (SVG_NS, ident, ident, _num(width), _num(height), _num(width), _num(height),
               esc(FONT)))


def _axes(lang, left, top, plot_w, plot_h, yticks, y, first, last, x):
    i = 1 if lang == "fr" else 0
    bottom = top + plot_h
    out = ['<g font-size="11" fill="%s">' % INK]
    for t in yticks:
        out.append('<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="1"/>'
                   % (_num(left), _num(left + plot_w), _num(y(t)), _num(y(t)), GRID))
        out.append('<text x="%s" y="%s" text-anchor="end">%s</text>'
                   % (_num(left - 6), _num(y(t) + 4), esc(fmt_int(t, lang))))
    out.append('<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s"/>'
               % (_num(left), _num(left + plot_w), _num(bottom), _num(bottom), AXIS))
    out.append('<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s"/>'
               % (_num(left), _num(left), _num(top), _num(bottom), AXIS))
    months = _months(first, last)
    every = max(1, -(-len(months) * 44 // int(max(plot_w, 1))))   # keep labels >= 44 px apart
    for n, day in enumerate(months):
        px = x(day)
        out.append('<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s"/>'
                   % (_num(px), _num(px), _num(bottom), _num(bottom + 4), AXIS))
        if n % every:
            continue
        out.append('<text x="%s" y="%s" text-anchor="middle">%s</text>'
                   % (_num(px), _num(bottom + 16), esc(MONTHS_SHORT[i][day.month - 1])))
        if n == 0 or day.month <= every:
            out.append('<text x="%s" y="%s" text-anchor="middle">%d</text>'
                       % (_num(px), _num(bottom + 29), day.year))
    out.append('<text x="%s" y="%s" text-anchor="middle" font-size="12">%s</text>'
               % (_num(left + plot_w / 2), _num(bottom + 44), esc(_w("x_axis", lang))))
    out.append('<text transform="translate(%s %s) rotate(-90)" text-anchor="middle" '
               'font-size="12">%s</text>'
               % (_num(14), _num(top + plot_h / 2), esc(_w("y_axis", lang))))
    out.append("</g>")
    return "".join(out)


def _legend(series, lang, left, top, cols, item_w, font):
    out = ['<g font-size="%d" fill="%s">' % (font, INK)]
    out.append('<text x="%s" y="%s" font-weight="bold">%s</text>'
               % (_num(left), _num(top + 10), esc(_w("legend", lang))))
    for n, (name, items) in enumerate(series):
        colour, shape = style(items[0]["category"])
        cx = left + (n % cols) * item_w + 8
        cy = top + 28 + (n // cols) * 20
        out.append(marker(shape, cx, cy - 4, colour))
        out.append('<text x="%s" y="%s">%s</text>' % (_num(cx + 12), _num(cy), esc(name)))
    out.append("</g>")
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Timeline

def _read_events(events):
    out = []
    for e in events:
        if isinstance(e, dict):
            day, label = e.get("date"), e.get("label", "")
        else:
            day, label = e
        out.append((_date(day), "" if label is None else str(label)))
    return sorted(out, key=lambda e: e[0])


def timeline(events, lang="en", width=720, title=None, id_prefix="crs-timeline",
             max_label=38):
    """An SVG string: `events` ({"date": "YYYY-MM-DD", "label": text} or (date, label)) as
    marks on a horizontal line, each label in the first row above or below the line where it
    does not run into another (rows are added as needed). A label longer than
    `max_label` characters is shortened on the line; its full text is in the mark's <title>
    and in the <desc>."""
    lang = "fr" if lang == "fr" else "en"
    width = _size(width, "width", 240)
    ident = _id(id_prefix)
    items = _read_events(events)
    title = _w("timeline_title", lang) if title is None else title
    left, right = 24.0, 24.0
    span = width - left - right
    if items:
        first, last = items[0][0], items[-1][0]
        days = max((last - first).days, 1)
    colon = " : " if lang == "fr" else ": "

    def x(day):
        return left + span / 2 if first == last else left + span * (day - first).days / days

    # Place each label in the first row (above, below, then further out) where its text does
    # not run into a label already there. Widths are estimated (font-size 11: ~6.2 px a
    # character, bold dates a little wider); rows are added as needed and size the drawing.
    placed, row_end = [], {}
    for day, label in items:
        px = x(day)
        shown = label if len(label) <= max_label else label[:max_label - 1] + "\u2026"
        extent = max(len(shown) * 6.2, len(fmt_date(day, lang)) * 6.8)
        # Centred unless that would run past an edge of the drawing.
        anchor = "start" if px - extent / 2 < 4 else \
            "end" if px + extent / 2 > width - 4 else "middle"
        x0 = px if anchor == "start" else px - extent if anchor == "end" else px - extent / 2
        row = 0
        while row_end.get(row, -1e9) > x0 - 8:
            row += 1
        row_end[row] = x0 + extent
        placed.append((day, label, shown, px, anchor, row))
    levels = max(1, (max(row_end) // 2 + 1) if row_end else 1)  # rows on each side
    height = 60 + levels * 2 * 30
    mid = height / 2
    out = [_open(ident, width, height)]
    out.append('<title id="%s-title">%s</title>' % (ident, esc(title)))
    desc = "; ".join(fmt_date(d, lang) + colon + label for d, label in items) + "." \
        if items else _w("timeline_empty", lang)
    out.append('<desc id="%s-desc">%s</desc>' % (ident, esc(desc)))
    out.append('<rect width="100%" height="100%" fill="#ffffff"/>')
    out.append('<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="2"/>'
               % (_num(left), _num(width - right), _num(mid), _num(mid), AXIS))
    if not items:
        out.append('<text x="%s" y="%s" text-anchor="middle" font-size="13" fill="%s">%s</text>'
                   % (_num(width / 2), _num(mid - 12), INK, esc(_w("timeline_empty", lang))))
        out.append("</svg>")
        return "".join(out)

    out.append('<g font-size="11" fill="%s">' % INK)
    for day, label, shown, px, anchor, row in placed:
        side = -1 if row % 2 == 0 else 1               # rows 0, 2, 4 above; 1, 3, 5 below
        level = row // 2
        ty = mid + side * (22 + level * 30)
        out.append('<g><title>%s</title>' % esc(fmt_date(day, lang) + colon + label))
        reach = ty + 4 if side < 0 else ty - 11      # stop just short of the text
        out.append('<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s"/>'
                   % (_num(px), _num(px), _num(mid), _num(reach), AXIS))
        out.append('<circle cx="%s" cy="%s" r="4" fill="%s"/>' % (_num(px), _num(mid), INK))
        date_y, label_y = (ty - 12, ty) if side < 0 else (ty, ty + 12)
        out.append('<text x="%s" y="%s" text-anchor="%s" font-weight="bold">%s</text>'
                   % (_num(px), _num(date_y), anchor, esc(fmt_date(day, lang))))
        out.append('<text x="%s" y="%s" text-anchor="%s">%s</text>'
                   % (_num(px), _num(label_y), anchor, esc(shown)))
        out.append("</g>")
    out.append("</g></svg>")
    return "".join(out)
