"""DOM helpers of the page layer, in one place: every element is made with createElement and
filled with textContent, so user- or file-provided text never becomes HTML (PyScript would run
any <script type="py"> that reached the DOM). The one exception, `set_svg`, takes only the
markup web.charts makes from our own data, escaped there."""

import js

document = js.document
# The page's language: the build writes it on <html data-lang>.
LANG = "fr" if str(document.documentElement.getAttribute("data-lang")) == "fr" else "en"


def console_error(*parts):
    try:
        js.console.error(" ".join(str(p) for p in parts))
    except Exception:
        pass


def none(value):
    """JavaScript null arrives as a JsNull object in recent Pyodide: make it None."""
    if value is None or type(value).__name__ == "JsNull":
        return None
    return value


def by_id(fid):
    return none(document.getElementById(fid))


def set_text(el, text):
    if el is not None and str(el.textContent) != text:
        el.textContent = text


def el(tag, text=None, cls=None):
    """A new element with plain text (never parsed as HTML)."""
    node = document.createElement(tag)
    if cls:
        node.className = cls
    if text is not None:
        node.textContent = text
    return node


def table(tid, caption, cols, cls="rounds-table"):
    """An empty table with a caption and column headers: (table, tbody)."""
    node = el("table", cls=cls)
    node.setAttribute("id", tid)
    cap = el("caption", caption)
    cap.setAttribute("id", tid + "-caption")
    node.appendChild(cap)
    thead = el("thead")
    tr = el("tr")
    for text, cls in cols:
        th = el("th", text, cls=cls)
        th.setAttribute("scope", "col")
        tr.appendChild(th)
    thead.appendChild(tr)
    node.appendChild(thead)
    tbody = el("tbody")
    node.appendChild(tbody)
    return node, tbody


def wrap(node, label_id):
    """A table in a keyboard-scrollable region (wide tables on phones)."""
    box = el("div", cls="table-wrap")
    box.setAttribute("role", "region")
    box.setAttribute("tabindex", "0")
    box.setAttribute("aria-labelledby", label_id)
    box.appendChild(node)
    return box


def figure(label_id):
    """A container for a chart: scrolls sideways on a phone (the SVG keeps a readable size),
    so it is a labelled region the keyboard can reach."""
    box = el("div", cls="figure")
    box.setAttribute("role", "region")
    box.setAttribute("tabindex", "0")
    box.setAttribute("aria-labelledby", label_id)
    return box


def set_svg(node, markup):
    """Insert an SVG string made by web.charts (our code, our data, escaped there). Its inline
    style attribute is dropped (the CSP forbids inline styles; site.css sizes .figure svg)."""
    if not markup.startswith("<svg "):
        raise ValueError("not an SVG from web.charts")
    node.innerHTML = markup.replace(' style="max-width:100%;height:auto"', "", 1)
