"""The form's repeated groups (web/questions.py: Repeated; the one there is "Your jobs in the past
10 years") and the NOC 2021 finder in each job: the page's DOM side. The mapping to the profile
is web/form.py's, the search web/noc.py's; this module adds and removes entries and drives the
finder (the combobox pattern: a text input with role=combobox, a listbox of options, the
active one named by aria-activedescendant, a polite status line saying how many match).

The entries are cloned from the group's <template> (tools/build/pages.py: repeated_html), our
own build-time markup, never text from the person or a file. The NOC asset (noc.ASSET) is
fetched once, the first time a finder gets the focus: always after the first score, never
before it; it is in the offline precache (tools/build/offline.py).

The listeners sit on each group's entries container, inside the form: the finder's own
`input` and `change` stop there (its text is a search, not an answer: no re-score per
keystroke); every other field's go on to the form's listener as before.
"""

import datetime

import js
from pyodide.ffi import create_proxy

from web import questions as Q
from web.dom import LANG, by_id, console_error, document, el, none, set_text


def _closest(event, selector):
    target = none(event.target)
    if target is None or not hasattr(target, "closest"):
        return None
    return none(target.closest(selector))


class Work:
    def __init__(self, page):
        self.page = page
        self.form = page.form
        self.index = None
        self.loading = False
        self.failed = False
        self.results = {}             # finder id -> [(code, teer, en, fr), ...] shown
        self.active = {}              # finder id -> index of the active option (-1: none)
        self.pending = set()          # finders typed in before the data arrived
        self.proxies = []
        self.timings = []             # ms per search + list (benchmarks/noc_finder.py reads them)

    def t(self, key, **values):
        return self.page.t(key, **values)

    # -- entries -------------------------------------------------------------------------------

    def entries(self, group):
        return by_id(group.id + "-entries")

    def count(self, group):
        box = self.entries(group)
        return 0 if box is None else int(box.children.length)

    def field_ids(self):
        """The field ids of every entry shown (the page reads them with the questions')."""
        out = []
        for group in Q.REPEATED:
            out.extend(self.form.entry_field_ids(group, self.count(group)))
        return out

    def show(self, fields):
        """As many entries as `fields` describe, before the page writes their values."""
        for group in Q.REPEATED:
            n = self.form.entry_count(fields, group)
            self.set_count(group, n)
            if n:             # a group inside a collapsed section opens it
                self.page.open_collapsed(self.form.collapsed_holding([group.path]))

    def set_count(self, group, n):
        box = self.entries(group)
        if box is None:
            return
        n = max(0, min(n, group.max))
        while self.count(group) > n:
            box.lastElementChild.remove()
        while self.count(group) < n:
            box.appendChild(self.make_entry(group, self.count(group)))
        add = by_id(group.id + "-add")
        if add is not None:
            add.disabled = n >= group.max

    def make_entry(self, group, n):
        template = by_id(group.id + "-template")
        markup = str(template.innerHTML).replace("__NUM__", str(n + 1)).replace("__N__", str(n))
        holder = document.createElement("template")
        holder.innerHTML = markup        # the build's own template (no user text in it)
        return holder.content.firstElementChild

    def on_add(self, group):
        n = self.count(group)
        if n >= group.max:
            return
        self.set_count(group, n + 1)
        set_text(by_id(group.id + "-status"), self.t("job_added", n=n + 1))
        self.page.update()
        first = by_id(group.entry(n)[0].id)
        if first is not None:
            first.focus()

    def on_remove(self, group, k):
        page = self.page
        fields = self.form.without_entry(page.read_fields(), group, k)
        page.touched = self.form.moved_ids(page.touched, group, k)
        page.typed = self.form.moved_ids(page.typed, group, k)
        n = self.count(group)
        finders = [str(by_id(group.prefix(i) + "find").value) for i in range(n)]
        del finders[k]
        for i in range(n):
            self.close(group.prefix(i) + "find")
        page.write_fields(fields)
        if self.count(group) == n:           # the last entry: no field left names it
            self.set_count(group, n - 1)
        for i, text in enumerate(finders):   # the finders' searches move up with their jobs
            by_id(group.prefix(i) + "find").value = text
        set_text(by_id(group.id + "-status"), self.t("job_removed", n=k + 1))
        page.update()
        by_id(group.id + "-add").focus()

    # -- the finder ----------------------------------------------------------------------------

    def url(self):
        """The asset's URL, beside static/boot.js (every page that runs the calculator loads
        it: the two pages and the embed frames)."""
        from web import noc           # imported when a finder is first used, not at start-up
        script = none(document.querySelector('script[src$="static/boot.js"]'))
        base = str(script.src) if script is not None else str(js.location.href)
        return str(js.URL.new(noc.ASSET.rsplit("/", 1)[1], base).href)

    async def load(self):
        if self.index is not None or self.loading:
            return
        self.loading = True
        try:
            from web import noc
            response = await js.fetch(self.url())
            if not response.ok:
                raise OSError("HTTP %s" % response.status)
            self.index = noc.Index.from_text(str(await response.text()))
            document.documentElement.setAttribute("data-crs-noc-data", "ready")
        except Exception as exc:
            console_error("NOC finder:", repr(exc))
            self.failed = True
            document.documentElement.setAttribute("data-crs-noc-data", "failed")
        finally:
            self.loading = False
        for fid in list(self.pending):
            self.search(fid)
        self.pending = set()

    def day(self):
        try:
            return datetime.date.fromisoformat(self.page.as_of() or "")
        except ValueError:
            return datetime.date.fromisoformat(self.page.today())

    def opens(self, code, teer, names):
        """What the group opens: skilled work (FSW, CEC), an FST trade, the categories."""
        from crs import eligibility
        parts = [self.t("job_find_teer", teer=teer),
                 self.t("job_find_skilled" if teer <= 3 else "job_find_not_skilled")]
        if eligibility.is_skilled_trade(code):
            parts.append(self.t("job_find_trade"))
        cats = names.get(code)
        if cats:
            parts.append(self.t("job_find_categories", names=", ".join(cats)))
        return " · ".join(parts)

    def category_names(self, codes):
        """{code: [names of the categories in force on the evaluation date that list it]}."""
        from crs import categories
        out = {}
        try:
            _set, found = categories.in_force(self.day())
        except Exception:
            return out
        i = 1 if LANG == "fr" else 0
        for c in found:
            name = (c.get("name") or {}).get(LANG) or categories.NAMES.get(
                c["id"], (c["id"], c["id"]))[i]
            for code in codes:
                if code in c.get("nocs", ()):
                    out.setdefault(code, []).append(name)
        return out

    def search(self, fid):
        start = js.performance.now()
        box = by_id(fid)
        if box is None:
            return
        query = str(box.value or "")
        if self.index is None:
            if self.failed:
                self.status(fid, self.t("job_find_failed"))
            else:
                self.pending.add(fid)
                self.status(fid, self.t("job_find_loading"))
            return
        results = self.index.search(query) if query.strip() else []
        self.results[fid] = results
        self.active[fid] = -1
        self.render(fid, results)
        if not query.strip() or len(query.strip()) < 2 and not results:
            self.status(fid, "")
        elif not results:
            self.status(fid, self.t("job_find_none"))
        else:
            self.status(fid, self.t("job_find_count_1") if len(results) == 1
                        else self.t("job_find_count_n", n=len(results)))
        self.timings.append(js.performance.now() - start)
        del self.timings[:-200]

    def render(self, fid, results):
        ul = by_id(fid + "-list")
        box = by_id(fid)
        ul.replaceChildren()
        names = self.category_names([r[0] for r in results]) if results else {}
        title = 3 if LANG == "fr" else 2
        for n, r in enumerate(results):
            li = el("li", cls="finder__option")
            li.setAttribute("id", "%s-opt-%d" % (fid, n))
            li.setAttribute("role", "option")
            li.setAttribute("aria-selected", "false")
            li.setAttribute("data-crs-noc", r[0])
            li.appendChild(el("span", r[0], "finder__code"))
            li.appendChild(document.createTextNode(" "))
            li.appendChild(el("span", r[title], "finder__title"))
            li.appendChild(el("span", self.opens(r[0], r[1], names), "finder__meta"))
            ul.appendChild(li)
        ul.hidden = not results
        box.setAttribute("aria-expanded", "true" if results else "false")
        box.removeAttribute("aria-activedescendant")

    def status(self, fid, text):
        set_text(by_id(fid + "-status"), text)

    def close(self, fid):
        ul = by_id(fid + "-list")
        box = by_id(fid)
        if ul is not None:
            ul.hidden = True
        if box is not None:
            box.setAttribute("aria-expanded", "false")
            box.removeAttribute("aria-activedescendant")
        self.active[fid] = -1

    def move(self, fid, step):
        results = self.results.get(fid) or []
        ul = by_id(fid + "-list")
        if not results:
            return
        if ul.hidden:
            ul.hidden = False
            by_id(fid).setAttribute("aria-expanded", "true")
        n = (self.active.get(fid, -1) + step) % len(results)
        self.active[fid] = n
        for i, li in enumerate(ul.children.to_py()):
            selected = i == n
            li.setAttribute("aria-selected", "true" if selected else "false")
            li.classList.toggle("finder__option--active", selected)
            if selected:
                li.scrollIntoView(js.Object.fromEntries([["block", "nearest"]]))
        by_id(fid).setAttribute("aria-activedescendant", "%s-opt-%d" % (fid, n))

    def choose(self, fid, n):
        results = self.results.get(fid) or []
        if not 0 <= n < len(results):
            return
        code, teer, en, fr = results[n]
        title = fr if LANG == "fr" else en
        prefix = fid[:-len("find")]
        page = self.page
        noc_el, teer_el = by_id(prefix + "noc"), by_id(prefix + "teer")
        noc_el.value = code
        page.ensure_option(teer_el, str(teer))
        teer_el.value = str(teer)
        for target in (prefix + "noc", prefix + "teer"):
            page.touched.add(target)
            page.typed.add(target)
        by_id(fid).value = "%s %s" % (code, title)
        self.close(fid)
        self.status(fid, self.t("job_find_chosen", code=code, title=title, teer=teer))
        page.update()

    # -- events --------------------------------------------------------------------------------

    def finder_of(self, event):
        box = _closest(event, "[data-crs-noc-search]")
        return None if box is None else str(box.id)

    def on_input(self, event):
        fid = self.finder_of(event)
        if fid is None:
            return                          # an entry's answer: on to the form's listener
        event.stopPropagation()
        if event.type == "input":
            self.search(fid)

    def on_keydown(self, event):
        fid = self.finder_of(event)
        if fid is None:
            return
        key = str(event.key)
        if key in ("ArrowDown", "Down"):
            event.preventDefault()
            self.move(fid, 1)
        elif key in ("ArrowUp", "Up"):
            event.preventDefault()
            self.move(fid, -1)
        elif key == "Enter":
            event.preventDefault()          # never submits the form
            if not by_id(fid + "-list").hidden and self.active.get(fid, -1) >= 0:
                self.choose(fid, self.active[fid])
        elif key in ("Escape", "Esc"):
            if not by_id(fid + "-list").hidden:
                event.preventDefault()
                self.close(fid)

    def on_focusin(self, event):
        if self.finder_of(event) is not None and self.index is None and not self.failed:
            return self.load()

    def on_focusout(self, event):
        fid = self.finder_of(event)
        if fid is not None:
            self.close(fid)

    def on_mousedown(self, event):
        if _closest(event, ".finder__list") is not None:
            event.preventDefault()          # the input keeps the focus

    def on_click(self, event):
        option = _closest(event, ".finder__list [data-crs-noc]")
        if option is not None:
            fid = str(option.id).rsplit("-opt-", 1)
            self.choose(fid[0], int(fid[1]))
            return
        button = _closest(event, "[data-remove]")
        if button is not None:
            group = Q.REPEATED[[g.id for g in Q.REPEATED].index(
                str(button.closest("[data-repeat]").getAttribute("data-repeat")))]
            self.on_remove(group, int(str(button.getAttribute("data-remove"))))

    async def on_focusin_async(self, event):
        loading = self.on_focusin(event)
        if loading is not None:
            await loading

    def start(self):
        page = self.page
        for group in Q.REPEATED:
            box = self.entries(group)
            if box is None:
                continue
            for name, handler in (("input", self.on_input), ("change", self.on_input),
                                  ("keydown", self.on_keydown), ("focusout", self.on_focusout),
                                  ("mousedown", self.on_mousedown), ("click", self.on_click)):
                page.listen(box, name, handler)
            page.listen(box, "focusin", self.on_focusin_async)
            add = by_id(group.id + "-add")
            page.listen(add, "click", lambda e, g=group: self.on_add(g))
            add.disabled = self.count(group) >= group.max
