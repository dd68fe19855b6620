"""The language-test planner (crs.planner, docs/planner.md): for the candidate and the
accompanying spouse, the results held and when each goes stale, then the steps that add points,
best first: the test, the level, the raw score needed per ability and the exact gain.
Shell: planner.html."""

from crs import clb, formats
from web.dom import LANG, by_id, el, table as dom_table, wrap
from web.panels import Base

SHOWN = 6                  # steps in the table; the others folded under "more"
ABILITY_WORDS = {"speaking": "l_speaking", "listening": "l_listening", "reading": "l_reading",
                 "writing": "l_writing"}


class Panel(Base):
    body_id = "planner-body"

    def fill(self, reading, day, total):
        from crs import planner
        out = planner.plan(reading)
        if "errors" in out:
            raise ValueError("plan: %r" % (out["errors"][:1],))
        body = by_id("planner-body")
        body.replaceChildren()
        for person in out["people"]:
            body.appendChild(self.person(person))

    def score_text(self, value):
        return formats.decimal(value, LANG) if isinstance(value, float) else self.page.num(value)

    def level_name(self, test, level):
        scale = "NCLC" if clb.TESTS[test][0] == "fr" else "CLB"
        return "%s %d" % (scale, level)

    def person(self, person):
        t = self.page.t
        who = person["who"]
        div = el("div", cls="planner-person")
        div.setAttribute("data-planner-who", who)
        div.appendChild(el("h4", t("planner_who_" + who), cls="h3 program__h"))
        if person["results"]:
            ul = el("ul", cls="planner-results")
            for r in person["results"]:
                name = clb.TESTS[r["test"]][1]
                li = el("li", t("planner_stale", test=name, role=t("planner_role_" + _role(r)),
                                date=self.page.date_text(r["stale_on"]))
                        if r["stale_on"] else
                        t("planner_no_date", test=name, role=t("planner_role_" + _role(r))))
                li.setAttribute("data-role", r["role"])
                if r["stale_on"]:
                    li.setAttribute("data-stale-on", r["stale_on"])
                ul.appendChild(li)
            div.appendChild(ul)
        steps = person["steps"]
        if not steps:
            div.appendChild(el("p", t("planner_none")))
            return div
        tid = "planner-%s" % who
        div.appendChild(wrap(self.steps_table(tid, steps[:SHOWN], t("planner_caption_" + who)),
                             tid + "-caption"))
        if len(steps) > SHOWN:
            more = el("details", cls="planner-more")
            more.appendChild(el("summary", t("planner_more", n=self.page.num(len(steps) - SHOWN))))
            more.appendChild(wrap(self.steps_table(tid + "-more", steps[SHOWN:],
                                                   t("planner_caption_more")),
                                  tid + "-more-caption"))
            div.appendChild(more)
        return div

    def steps_table(self, tid, steps, caption):
        t = self.page.t
        # The points added before the scores needed: on a phone the table's first two columns
        # are what fits.
        cols = ((t("planner_col_step"), None), (t("planner_col_gain"), "pts"),
                (t("planner_col_needed"), None))
        table, tbody = dom_table(tid, caption, cols, cls="rounds-table planner-table")
        for s in steps:
            tr = el("tr")
            tr.setAttribute("data-step", "%s:%s:%d" % (s["role"], s["test"], s["level"]))
            tr.setAttribute("data-gain", str(int(s["gain"])))
            th = el("th")
            th.setAttribute("scope", "row")
            th.appendChild(el("span", t("planner_step", test=clb.TESTS[s["test"]][1],
                                        level=self.level_name(s["test"], s["level"])),
                              cls="planner-step"))
            th.appendChild(el("span", t("planner_role_" + _role(s))
                              + (" · " + t("planner_retake") if s["taken"] else ""),
                              cls="planner-role"))
            if s["french_category"]:
                th.appendChild(el("span", t("planner_french_category"), cls="planner-flag"))
            tr.appendChild(th)
            gain = el("td", cls="pts planner-gain")
            gain.appendChild(el("span", "+" + self.page.num(s["gain"]), cls="planner-plus"))
            gain.appendChild(el("span", t("planner_total", total=self.page.num(s["total"])),
                                cls="planner-total"))
            tr.appendChild(gain)
            td = el("td", cls="planner-needed")
            for ability in clb.ABILITIES:
                td.appendChild(el("span", formats.labelled(
                    t(ABILITY_WORDS[ability]), self.score_text(s["needed"][ability]), LANG),
                    cls="planner-score"))
            tr.appendChild(td)
            tbody.appendChild(tr)
        return table


def _role(item):
    return {"first_language": "first", "second_language": "second",
            "spouse.language": "spouse"}[item["role"]]
