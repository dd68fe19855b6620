"""Scenarios next to the current answers (crs.scenarios): controls to add a what-if from the
list, the same profile on a later date, the couple swapped or a copy of the answers (at most
four), and a table with a column for the current answers and one for each: the total, the four
sections, every line that differs, the round types each can be invited in. A copy can be loaded
into the form (it swaps places with the answers there). Shell: scenarios.html.

The scenarios live in the page's state (page.scenarios), apart from the answers: they travel
with the document the page saves, shares or remembers (page.document_for_export) and come
back with one it loads (page.load_document); nothing is stored otherwise. Every text goes in
with createElement/textContent (a scenario's name comes from a file or a link).
"""

import json

from web.dom import by_id, el, none, set_text
from web.panels import Base

SECTIONS = ("core", "spouse", "transferability", "additional")
OTHER = "other"


def _closest(event, selector):
    target = none(event.target)
    if target is None or not hasattr(target, "closest"):
        return None
    return none(target.closest(selector))


class Panel(Base):
    body_id = "scen-body"
    follows = "total"             # its own signature: the document, the day and the scenarios

    def __init__(self, page):
        super().__init__(page)
        self.sig = None
        self.reading = None
        self.day = None
        self.total = None
        self.result = None            # crs.scenarios.columns' answer last shown
        self.choices = None
        self.focus_after = None       # the element to focus once the table is rebuilt
        self.proxies = []
        if by_id("panel-scenarios") is None:
            return
        for fid, handler in (("scen-add-whatif", self.on_add_whatif),
                             ("scen-add-later", self.on_add_later),
                             ("scen-add-swapped", self.on_add_swapped),
                             ("scen-add-copy", self.on_add_copy),
                             ("scen-body", self.on_body_click),
                             ("scen-list-errors", self.on_body_click)):
            self.listen(by_id(fid), "click", handler)
        self.listen(by_id("scen-later-date"), "input", self.on_date_typed)

    def listen(self, target, event, handler):
        from pyodide.ffi import create_proxy

        def guarded(e):
            try:
                handler(e)
            except Exception as exc:      # logged, never a traceback on the page
                from web.dom import console_error
                console_error("CRS scenarios:", repr(exc))
        proxy = create_proxy(guarded)
        self.proxies.append(proxy)
        target.addEventListener(event, proxy)

    def t(self, key, **values):
        return self.page.t(key, **values)

    def failed(self):
        self.sig = None

    # -- the scenarios -------------------------------------------------------------------------

    def scenarios(self):
        value = self.page.scenarios
        return value if isinstance(value, list) else None

    def fill(self, reading, day, total):
        if by_id("panel-scenarios") is None:
            return
        sig = json.dumps([reading.doc, day, self.page.scenarios], sort_keys=True, default=str)
        self.reading, self.day, self.total = reading, day, total
        if sig == self.sig:
            return
        self.sig = sig
        from crs import scenarios
        self.choices = scenarios.choices(reading)
        self.result = scenarios.columns(reading, self.page.scenarios)
        self.fill_controls()
        self.fill_table()

    def refill(self):
        """After a scenario is added or removed (the answers are the same)."""
        self.sig = None
        if self.reading is not None:
            self.fill(self.reading, self.day, self.total)

    def fill_controls(self):
        choices = self.choices if "errors" not in self.choices else {
            "what_if": [], "later": [], "swapped": {"message": ""}}
        select = by_id("scen-whatif")
        keep = str(select.value or "")
        select.replaceChildren()
        for option in choices["what_if"]:
            node = el("option", self.t("scen_whatif_item", label=option["label"],
                                       points=self.page.num(option["points"])))
            node.value = option["id"]
            select.appendChild(node)
        if not choices["what_if"]:
            select.appendChild(el("option", self.t("scen_whatif_none")))
        elif keep in [o["id"] for o in choices["what_if"]]:
            select.value = keep
        later = by_id("scen-later")
        keep = str(later.value or "")
        later.replaceChildren()
        for s in choices["later"]:
            node = el("option", self.t("scen_later_item", label=s["label"],
                                       date=self.page.date_text(s["as_of"])))
            node.value = s["as_of"]
            later.appendChild(node)
        node = el("option", self.t("scen_later_other"))
        node.value = OTHER
        later.appendChild(node)
        if keep and keep in [s["as_of"] for s in choices["later"]] + [OTHER]:
            later.value = keep
        full = self.scenarios() is not None and len(self.scenarios()) >= self.max()
        by_id("scen-full").hidden = not full
        by_id("scen-add-whatif").disabled = full or not choices["what_if"]
        select.disabled = not choices["what_if"]
        by_id("scen-add-later").disabled = full
        by_id("scen-add-copy").disabled = full
        swap = choices["swapped"]
        by_id("scen-add-swapped").disabled = full or swap is not None
        hint = by_id("scen-swapped-hint")
        set_text(hint, self.t("scen_swapped_hint") if swap is None
                 else swap.get("message") or self.t("scen_swapped_hint"))

    def max(self):
        from crs import scenarios
        return scenarios.MAX

    def add(self, scenario):
        current = self.scenarios()
        if current is None:
            current = []
        if len(current) >= self.max():
            self.say(self.t("scen_full"))
            return
        if scenario["kind"] != "copy" and any(
                isinstance(s, dict) and {k: v for k, v in s.items() if k != "name"} == scenario
                for s in current):
            self.say(self.t("scen_duplicate"))
            return
        name_box = by_id("scen-name")
        name = str(name_box.value or "").strip()
        if any(c in self.page.form.FORBIDDEN_CHARS for c in name):
            # A saved document could not hold it (form.check_outgoing): said now, not at save.
            self.say(self.t("scen_bad_name"))
            name_box.focus()
            return
        if name:
            scenario = dict(scenario, name=name[:60])
        self.page.scenarios = current + [scenario]
        name_box.value = ""
        self.refill()
        columns = (self.result or {}).get("columns") or []
        label = self.label(columns[-1]) if columns else ""
        self.say(self.t("scen_added", label=label))
        if len(self.page.scenarios) >= self.max():
            by_id("scen-full").focus()    # the button pressed is now off: the focus goes here

    def on_add_whatif(self, event):
        option = str(by_id("scen-whatif").value or "")
        if option and self.choices and option in [o["id"] for o in self.choices.get("what_if", [])]:
            self.add({"kind": "what_if", "option": option})

    def on_date_typed(self, event):
        by_id("scen-later").value = OTHER

    def on_add_later(self, event):
        value = str(by_id("scen-later").value or "")
        if value == OTHER:
            value = str(by_id("scen-later-date").value or "").strip()
        if not value:
            self.say(self.t("scen_need_date"))
            by_id("scen-later-date").focus()
            return
        scenario = {"kind": "later", "as_of": value}
        work = str(by_id("scen-later-work").value or "")
        if work in ("canada", "abroad"):
            scenario["work"] = work
        self.add(scenario)

    def on_add_swapped(self, event):
        self.add({"kind": "swapped"})

    def on_add_copy(self, event):
        profile = self.page.profile()        # the form's answers and the kept fields
        self.add({"kind": "copy", "profile": profile})

    def on_body_click(self, event):
        button = _closest(event, "button[data-scen-action]")
        if button is None:
            return
        action = str(button.getAttribute("data-scen-action"))
        if action == "clear":
            self.page.scenarios = []
            self.refill()
            self.say(self.t("scen_cleared"))
            by_id("scen-add-copy").focus()
            return
        n = int(str(button.getAttribute("data-scen")))
        current = self.scenarios() or []
        if not 0 <= n < len(current):
            return
        label = button.getAttribute("data-label")
        if action == "remove":
            self.page.scenarios = current[:n] + current[n + 1:]
            self.refill()
            self.say(self.t("scen_removed", label=str(label)))
            region = by_id("scen-region")
            (region if region is not None else by_id("scen-add-copy")).focus()
        elif action == "load":
            self.load(n, str(label))

    def load(self, n, label):
        """The copy into the form, and the form's answers into the copy's place."""
        page = self.page
        current = list(self.scenarios() or [])
        entry = current[n]
        copied = entry.get("profile") if isinstance(entry, dict) else None
        if not isinstance(copied, dict):
            return
        current[n] = dict(entry, profile=page.profile())
        doc = dict(copied)
        doc.pop("as_of", None)
        as_of = page.as_of()
        if as_of:
            doc["as_of"] = as_of
        doc["scenarios"] = current
        self.focus_after = "scen-region"
        page.load_document(doc)
        self.say(self.t("scen_loaded", label=label))

    def say(self, text):
        status = by_id("scen-status")
        set_text(status, "")
        set_text(status, text)

    # -- the table -----------------------------------------------------------------------------

    def label(self, column):
        return column.get("name") or column.get("label") or column.get("title") or ""

    def fill_table(self):
        body = by_id("scen-body")
        body.replaceChildren()
        result = self.result
        errors_box = by_id("scen-list-errors")
        errors_box.replaceChildren()
        listed = result.get("errors", []) if "current" in result else result["errors"]
        if listed:
            errors_box.appendChild(el("p", self.t("scen_list_errors")))
            ul = el("ul")
            for e in listed:
                ul.appendChild(el("li", e["message"]))
            errors_box.appendChild(ul)
            clear = el("button", self.t("scen_clear"), cls="button button--secondary")
            clear.type = "button"
            clear.setAttribute("data-scen-action", "clear")
            errors_box.appendChild(clear)
        errors_box.hidden = not listed
        if "current" not in result or not result["columns"]:
            body.appendChild(el("p", self.t("scen_none")))
            self.refocus()
            return
        # The heading names the region; the table's caption (the same words) is for reading
        # the table, hidden on the screen, where it would scroll sideways with the table.
        heading = el("h4", self.t("scen_caption"), cls="h3 program__h scen-table-h")
        heading.setAttribute("id", "scen-table-h")
        body.appendChild(heading)
        region = el("div", cls="table-wrap scen-wrap")
        region.setAttribute("id", "scen-region")
        region.setAttribute("role", "region")
        region.setAttribute("tabindex", "0")
        region.setAttribute("aria-labelledby", "scen-table-h")
        region.appendChild(self.table(result))
        body.appendChild(region)
        self.refocus()

    def refocus(self):
        if self.focus_after:
            target = by_id(self.focus_after) or by_id("scen-add-copy")
            self.focus_after = None
            if target is not None:
                target.focus()

    def table(self, result):
        cols = [result["current"]] + result["columns"]
        table = el("table", cls="scen-table")
        table.setAttribute("id", "scen-table")
        table.setAttribute("data-columns", str(len(cols)))
        caption = el("caption", self.t("scen_caption"), cls="visually-hidden")
        table.appendChild(caption)
        thead = el("thead")
        tr = el("tr")
        corner = el("th", self.t("scen_col_what"))
        corner.setAttribute("scope", "col")
        tr.appendChild(corner)
        for n, col in enumerate(cols):
            th = el("th", cls="scen-head")
            th.setAttribute("scope", "col")
            th.setAttribute("data-kind", col["kind"] or "")
            th.setAttribute("data-col", str(n))
            if n:
                th.appendChild(el("span", col["title"] or "", cls="scen-kind"))
            th.appendChild(el("span", self.label(col), cls="scen-label"))
            if col.get("name") and col.get("label") and col["label"] != col["name"]:
                th.appendChild(el("span", col["label"], cls="scen-note"))
            for note in col.get("notes") or ():
                th.appendChild(el("span", note, cls="scen-note"))
            tr.appendChild(th)
        thead.appendChild(tr)
        table.appendChild(thead)

        main = el("tbody")
        main.appendChild(self.row(self.t("scen_row_as_of"), cols, self.as_of_cell,
                                  cls="scen-as-of"))
        main.appendChild(self.row(self.t("scen_row_total"), cols, self.total_cell,
                                  cls="scen-total"))
        for sec in SECTIONS:
            main.appendChild(self.row(self.t("scen_sec_" + sec), cols,
                                      lambda n, col, td, sec=sec: self.section_cell(col, td, sec),
                                      data=("data-section", sec)))
        table.appendChild(main)

        lines = el("tbody", cls="scen-lines")
        head = el("tr", cls="section-head")
        th = el("th")
        th.appendChild(el("span", self.t("scen_lines_head"), cls="scen-stick"))
        th.setAttribute("scope", "rowgroup")
        th.setAttribute("colspan", str(len(cols) + 1))
        head.appendChild(th)
        lines.appendChild(head)
        if not result["lines"]:
            tr = el("tr")
            td = el("td")
            td.appendChild(el("span", self.t("scen_lines_none"), cls="scen-stick"))
            td.setAttribute("colspan", str(len(cols) + 1))
            tr.appendChild(td)
            lines.appendChild(tr)
        table.appendChild(lines)
        # The lines under their section (a line's words assume it: "Level of education" is
        # the spouse's under B), a row group each.
        for sec in SECTIONS:
            mine = [line for line in result["lines"] if line["id"].split(".")[0] == sec]
            if not mine:
                continue
            group = el("tbody", cls="scen-lines")
            group.setAttribute("data-section", sec)
            tr = el("tr", cls="scen-sub-head")
            th = el("th")
            th.appendChild(el("span", self.t("scen_sec_" + sec), cls="scen-stick"))
            th.setAttribute("scope", "rowgroup")
            th.setAttribute("colspan", str(len(cols) + 1))
            tr.appendChild(th)
            group.appendChild(tr)
            for line in mine:
                key = "line_" + line["id"]
                name = self.t(key) if key in self.page.strings.S else line["id"]
                group.appendChild(self.row(name, cols, lambda n, col, td, line=line:
                                           self.line_cell(line, n, td),
                                           data=("data-line", line["id"])))
            table.appendChild(group)

        rest = el("tbody")
        rest.appendChild(self.row(self.t("scen_row_rounds"), cols, self.rounds_cell,
                                  cls="scen-rounds"))
        rest.appendChild(self.row(self.t("scen_row_actions"), cols,
                                  lambda n, col, td: self.actions_cell(n - 1, col, td),
                                  cls="scen-actions"))
        table.appendChild(rest)
        return table

    def row(self, label, cols, cell, cls=None, data=None):
        tr = el("tr", cls=cls)
        if data:
            tr.setAttribute(*data)
        th = el("th", label)
        th.setAttribute("scope", "row")
        tr.appendChild(th)
        for n, col in enumerate(cols):
            td = el("td")
            td.setAttribute("data-col", str(n))
            cell(n, col, td)
            tr.appendChild(td)
        return tr

    def as_of_cell(self, n, col, td):
        if col.get("as_of"):
            time = el("time", self.page.date_text(col["as_of"]))
            time.setAttribute("datetime", col["as_of"])
            td.appendChild(time)
        else:
            td.textContent = "–"

    def total_cell(self, n, col, td):
        score = col.get("score")
        if score is None:
            td.className = "scen-problem"
            td.appendChild(el("span", self.t("scen_no_score"), cls="scen-problem__h"))
            messages = [e["message"] for e in col.get("errors") or ()] or [col.get("message")]
            ul = el("ul")
            for text in messages[:5]:
                ul.appendChild(el("li", str(text or "")))
            td.appendChild(ul)
            return
        total = int(score["total"])
        td.setAttribute("data-total", str(total))
        td.appendChild(el("span", self.page.num(total), cls="scen-points"))
        diff = col.get("differences")
        if diff is not None:
            delta = diff["total"][1] - diff["total"][0]
            if delta:
                text = ("+" + self.page.num(delta)) if delta > 0 else "\u2212" + self.page.num(-delta)
                td.appendChild(el("span", " (" + text + ")", cls="scen-delta"))

    def section_cell(self, col, td, sec):
        score = col.get("score")
        if score is None:
            td.textContent = "–"
            return
        points = int(score["sections"].get(sec, 0))
        td.setAttribute("data-points", str(points))
        td.textContent = self.page.num(points)
        if col["kind"] != "current" and points != int(self.result["current"]["score"]["sections"]
                                                      .get(sec, 0)):
            td.className = "scen-changed"

    def line_cell(self, line, n, td):
        points = line["points"][n]
        if points is None:
            td.textContent = "–"
            return
        td.setAttribute("data-points", str(int(points)))
        td.textContent = self.page.num(int(points))
        if n and points != (line["points"][0] or 0):
            td.className = "scen-changed"

    def rounds_cell(self, n, col, td):
        types = col.get("round_types")
        if types is None:
            td.textContent = "–"
            return
        eligible = [r for r in types if r["status"] == "eligible"]
        unknown = [r for r in types if r["status"] != "eligible"]
        td.setAttribute("data-eligible", " ".join(r["id"] for r in eligible))
        td.setAttribute("data-unknown", " ".join(r["id"] for r in unknown))
        if eligible:
            ul = el("ul", cls="scen-rounds__list")
            for r in eligible:
                li = el("li", r["name"])
                li.setAttribute("data-round-type", r["id"])
                ul.appendChild(li)
            td.appendChild(ul)
        else:
            td.appendChild(el("p", self.t("scen_rounds_none"), cls="scen-rounds__none"))
        if unknown:
            details = el("details", cls="scen-rounds__unknown")
            details.appendChild(el("summary", self.t("scen_rounds_unknown",
                                                     n=self.page.num(len(unknown)))))
            ul = el("ul")
            for r in unknown:
                ul.appendChild(el("li", r["name"]))
            details.appendChild(ul)
            td.appendChild(details)

    def actions_cell(self, n, col, td):
        if n < 0:
            td.textContent = ""
            return
        label = self.label(col)
        mine = self.scenarios() or []
        raw = mine[n] if n < len(mine) else None
        if col["kind"] == "copy" and isinstance(raw, dict) and isinstance(raw.get("profile"), dict):
            td.appendChild(self.button("load", n, label, self.t("scen_load"),
                                       self.t("scen_load_name", label=label)))
        td.appendChild(self.button("remove", n, label, self.t("scen_remove"),
                                   self.t("scen_remove_name", label=label)))

    def button(self, action, n, label, text, name):
        button = el("button", text, cls="button button--secondary scen-button")
        button.type = "button"
        button.setAttribute("data-scen-action", action)
        button.setAttribute("data-scen", str(n))
        button.setAttribute("data-label", label)
        button.setAttribute("aria-label", name)
        return button

