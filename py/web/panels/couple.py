"""Either spouse as principal applicant (crs.couple): the couple's two totals side by side, the
lines that differ, each way's programs and round types. Shell: couple.html; shown only when
the profile has a spouse or partner."""

from web.dom import LANG, by_id, el, none, table as dom_table, wrap
from web.panels import Base

SECTIONS = ("core", "spouse", "transferability", "additional")
SECTION_WORDS = {"core": "sec_core", "spouse": "sec_spouse_factors",
                 "transferability": "sec_transferability", "additional": "sec_additional"}
# The fields a missing fact is answered in (the form's ids; web/questions.py).
MISSING_INPUT = {"spouse.age": "spouse-age", "spouse.education": "spouse-education",
                 "spouse.language": "spouse-language-test"}


class Panel(Base):
    body_id = "couple-body"
    listening = False

    def on_click(self, event):
        """A missing fact's link: open the collapsed section its field is in before the
        browser moves to it."""
        target = none(event.target)
        link = none(target.closest("[data-missing]")) \
            if target is not None and hasattr(target, "closest") else None
        if link is not None:
            self.page.open_collapsed(self.page.form.collapsed_holding(
                [str(link.getAttribute("data-missing"))]))

    def fill(self, reading, day, total):
        from crs import couple
        if not self.listening:
            self.listening = True
            self.page.listen(by_id("couple-body"), "click", self.on_click)
        section = by_id("panel-couple")
        code = couple.not_applicable(reading)
        section.hidden = code == "no_spouse"
        body = by_id("couple-body")
        body.replaceChildren()
        section.setAttribute("data-couple", code or "")
        by_id("couple-reminder").textContent = couple.WORDS["reminder"][
            1 if reading.lang == "fr" else 0]
        if code == "no_spouse":
            return
        swapped, instead = couple.swap(reading)
        if instead is not None:
            self.instead(body, instead)
            return
        section.setAttribute("data-couple", "swapped")
        self.compare(body, reading, swapped)

    def instead(self, body, instead):
        p = el("p", instead.get("message", ""), cls="couple-instead")
        kind = next(k for k in ("missing", "not_applicable", "errors") if k in instead)
        p.setAttribute("data-couple-instead", kind)
        body.appendChild(p)
        if "missing" in instead:
            ul = el("ul", cls="couple-missing")
            for path in instead["missing"]:
                li = el("li")
                a = el("a", self.page.t("couple_answer", field=self.label(path)))
                a.setAttribute("href", "#" + MISSING_INPUT[path])
                a.setAttribute("data-missing", path)
                li.appendChild(a)
                ul.appendChild(li)
            body.appendChild(ul)
        for e in instead.get("errors", ()):
            body.appendChild(el("p", e["message"], cls="couple-error"))

    def label(self, path):
        from crs import messages
        return messages.field_label(path, LANG)

    def compare(self, body, reading, swapped):
        from crs import categories, couple, eligibility
        t, num = self.page.t, self.page.num
        a, b = reading.score(), swapped.score()
        diff = couple.differences(a, b)
        # The difference beside the swapped points, as the scenarios' columns show theirs: a
        # fourth column did not fit a phone.
        cols = ((t("couple_col_item"), None), (t("couple_col_as_filed"), "pts"),
                (t("couple_col_swapped"), "pts"))
        table, tbody = dom_table("couple-table", t("couple_caption"), cols, cls="rounds-table")

        def row(label, x, y, attr=None, strong=False):
            tr = el("tr", cls="couple-row--total" if strong else None)
            if attr:
                tr.setAttribute(attr[0], attr[1])
            th = el("th", label)
            th.setAttribute("scope", "row")
            tr.appendChild(th)
            tr.appendChild(el("td", num(x), cls="pts"))
            td = el("td", num(y), cls="pts")
            d = y - x
            if d:
                td.appendChild(el("span", " (%s)" % (("+" + num(d)) if d > 0 else
                                                    ("\u2212" + num(-d))), cls="couple-diff"))
            tr.appendChild(td)
            tbody.appendChild(tr)

        row(t("couple_total"), a["total"], b["total"], ("data-couple-total", ""), strong=True)
        for sec in SECTIONS:
            x, y = diff["sections"][sec]
            row(t(SECTION_WORDS[sec]), x, y, ("data-couple-section", sec))
        for line in diff["lines"]:
            x, y = line["points"]
            row(t("line_" + line["id"]), x or 0, y or 0, ("data-couple-line", line["id"]))
        table.setAttribute("data-as-filed", str(int(a["total"])))
        table.setAttribute("data-swapped", str(int(b["total"])))
        body.appendChild(wrap(table, "couple-table-caption"))
        if not diff["lines"]:
            body.appendChild(el("p", t("couple_same_lines")))
        # Each way's programs and round types: who can enter the pool, and which rounds can
        # invite them (a spouse's occupation may open a category the candidate's does not).
        ways = el("div", cls="couple-ways")
        ways.setAttribute("data-print", "no")   # the two pages hold the totals and lines
        for key, r in (("as_filed", reading), ("swapped", swapped)):
            div = el("div", cls="couple-way")
            div.setAttribute("data-couple-way", key)
            div.appendChild(el("h4", t("couple_col_" + key), cls="h3 program__h"))
            e = eligibility.eligibility(r)
            if "errors" not in e:
                names = [p["name"] for p in e["programs"].values() if p["status"] == "eligible"]
                unknown = [p["name"] for p in e["programs"].values() if p["status"] == "unknown"]
                div.appendChild(el("p", t("couple_programs", names=", ".join(names)) if names
                                   else t("couple_programs_unknown_only") if unknown
                                   else t("couple_programs_none")))
                if unknown:
                    div.appendChild(el("p", t("couple_programs_unknown",
                                              names=", ".join(unknown)), cls="hint"))
            types = categories.round_types(r)
            if "errors" not in types:
                rows = [rt for rt in types["round_types"] if rt["status"] == "eligible"]
                undecided = [rt for rt in types["round_types"] if rt["status"] == "unknown"]
                div.appendChild(el("p", t("couple_types")))
                if rows:
                    ul = el("ul", cls="couple-types")
                    ul.setAttribute("aria-label", t("couple_types"))
                    for rt in rows:
                        li = el("li", rt["name"])
                        li.setAttribute("data-round-type", rt["id"])
                        li.setAttribute("data-status", rt["status"])
                        ul.appendChild(li)
                    div.appendChild(ul)
                else:
                    div.appendChild(el("p", t("couple_types_none")))
                if undecided:
                    p = el("p", t("couple_types_unknown", names=", ".join(
                        rt["name"] for rt in undecided)), cls="hint")
                    p.setAttribute("data-undecided", " ".join(rt["id"] for rt in undecided))
                    div.appendChild(p)
            ways.appendChild(div)
        body.appendChild(ways)
