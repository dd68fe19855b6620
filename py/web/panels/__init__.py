"""The "beyond the score" panels, each a component: `<name>.html` is its shell (the build puts
it in the page, with its words) and `<name>.py` its filler (the page fills it after each
score). PANELS is the one list both walk, in the page's order.

Adding a panel: a shell `<name>.html` whose words are `{{key}}` of the page catalogue, a module
`<name>.py` with a `Panel(Base)` class (`body_id`, `follows`, `fill`), its words, its name below, and
a test.
"""

import os as _os

PANELS = ("eligibility", "couple", "whatif", "planner", "timeline", "rounds", "scenarios")

_DIR = _os.path.dirname(_os.path.abspath(__file__))


class Base:
    """What every panel has: the page it belongs to (its words: page.t, page.num,
    page.date_text). `follows` says when it is refilled: "document" when the document or the
    day changes, "total" after every score."""

    body_id = None                # the element a failure message replaces
    follows = "document"

    def __init__(self, page):
        self.page = page


def shell(name):
    """The shell's HTML as written in `<name>.html` (the build's; the page never reads it)."""
    with open(_os.path.join(_DIR, name + ".html"), encoding="utf-8") as handle:
        return handle.read()


def load(name):
    """The panel's `Panel` class (the page's; it imports the browser's DOM)."""
    import importlib
    return importlib.import_module("web.panels." + name).Panel
