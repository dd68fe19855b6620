"""The panels as components (py/web/panels/): one list, a shell and a filler each. CPython only:
the fillers import the browser's DOM, so they are read, not imported."""

import ast
import re

from web import panels, strings

from .conftest import DIST


def panel_class(name):
    tree = ast.parse(open(panels._DIR + "/" + name + ".py", encoding="utf-8").read())
    (cls,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Panel"]
    attrs = {t.id: n.value.value for n in cls.body if isinstance(n, ast.Assign)
             for t in n.targets if isinstance(n.value, ast.Constant)}
    methods = {n.name for n in cls.body if isinstance(n, ast.FunctionDef)}
    return attrs, methods


def test_every_panel_has_a_shell_a_filler_and_its_words():
    assert panels.PANELS == ("eligibility", "couple", "whatif", "planner", "timeline", "rounds",
                             "scenarios")
    for name in panels.PANELS:
        shell = panels.shell(name)
        attrs, methods = panel_class(name)
        assert attrs.get("follows", "document") in ("document", "total") and "fill" in methods, name
        assert 'id="%s"' % attrs["body_id"] in shell, name
        for key in re.findall(r"\{\{(\w+)\}\}", shell):
            for lang in ("en", "fr"):
                assert strings.t(key, lang), (name, key, lang)


def test_the_page_holds_the_shells_in_the_list_order(site_url):
    for page in ("index.html", "fr/index.html"):
        text = (DIST / page).read_text(encoding="utf-8")
        at = [text.index('id="panel-%s"' % name) for name in panels.PANELS]
        assert at == sorted(at) and "{{" not in text
