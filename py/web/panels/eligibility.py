"""Program eligibility (FSW with its 67-point grid, CEC, FST): crs.eligibility's answer, shown
requirement by requirement. Shell: eligibility.html."""

import json

from crs import formats
from web.dom import LANG, by_id, document, el, table as dom_table
from web.panels import Base


class Panel(Base):
    body_id = "elig-programs"

    def fill(self, reading, day, total):
        from crs import eligibility
        e = eligibility.eligibility(reading)
        if "errors" in e:
            raise ValueError("eligibility: %r" % (e["errors"][:1],))
        summary = by_id("elig-summary")
        summary.textContent = e["summary"]
        summary.className = "elig-summary" + {True: "", False: " elig-summary--no"}.get(
            e["can_be_invited"], " elig-summary--unknown")
        summary.setAttribute("data-can-be-invited", json.dumps(e["can_be_invited"]))
        box = by_id("elig-programs")
        box.replaceChildren()
        for key in ("fsw", "cec", "fst"):
            prog = e["programs"][key]
            div = el("div", cls="program")
            div.setAttribute("data-program", key)
            div.setAttribute("data-status", prog["status"])
            h = el("h4", cls="h3 program__h")
            h.appendChild(document.createTextNode(prog["name"] + formats.colon(LANG)))
            h.appendChild(el("span", self.page.t("st_" + prog["status"]),
                              cls="status-tag status-tag--" + prog["status"]))
            div.appendChild(h)
            ul = el("ul", cls="reqs")
            for req in prog["requirements"]:
                li = el("li", cls="req req--" + req["status"])
                li.setAttribute("data-requirement", req["id"])
                li.appendChild(el("span", self.page.t("req_status",
                                                  status=self.page.t("req_" + req["status"])),
                                   cls="req__status"))
                li.appendChild(document.createTextNode(" " + req["message"]))
                if req.get("why"):
                    li.appendChild(el("span", req["why"], cls="req__why"))
                ul.appendChild(li)
            div.appendChild(ul)
            if prog.get("grid"):
                div.appendChild(self.grid_table(prog["grid"]))
            box.appendChild(div)

    def grid_table(self, grid):
        pass_mark = int(grid["pass_mark"])
        wrap = el("div")
        cols = ((self.page.t("grid_factor"), None), (self.page.t("col_points"), "pts"))
        table, tbody = dom_table("fsw-grid", self.page.t("grid_caption", pass_mark=pass_mark),
                                 cols, cls="grid-table")
        for line in grid["lines"]:
            tr = el("tr")
            tr.setAttribute("data-grid-line", line["id"])
            th = el("th", self.page.t("grid_line_" + line["id"]))
            th.setAttribute("scope", "row")
            tr.appendChild(th)
            tr.appendChild(el("td", "%d / %d" % (line["points"], line["max"]), cls="pts"))
            tbody.appendChild(tr)
        tfoot = el("tfoot")
        tr = el("tr")
        th = el("th", self.page.t("grid_total", pass_mark=pass_mark))
        th.setAttribute("scope", "row")
        tr.appendChild(th)
        td = el("td", "%d / 100" % grid["total"], cls="pts")
        td.setAttribute("id", "fsw-grid-total")
        td.setAttribute("data-grid-total", str(int(grid["total"])))
        tr.appendChild(td)
        tfoot.appendChild(tr)
        table.appendChild(tfoot)
        wrap.appendChild(table)
        key = "grid_pass" if grid["total"] >= pass_mark else "grid_fail"
        wrap.appendChild(el("p", self.page.t(key, points=int(grid["total"]), pass_mark=pass_mark)))
        return wrap
