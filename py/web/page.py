"""The page: read the form, score it, show the result (started by web/main.py, PyScript's entry).

Thin on purpose: the form <-> profile mapping and the checks on untrusted documents are in
web/form.py (plain Python, tested under CPython), the words in web/strings.py, the scoring in
crs. Everything shown is written with createElement/textContent: user- or file-provided text
never becomes HTML (PyScript would run any <script type="py"> that reached the DOM).
"""

import json

import js
from pyodide.ffi import create_proxy, to_js

document = js.document
LANG = "fr" if str(document.documentElement.getAttribute("data-lang")) == "fr" else "en"
STORAGE_KEY = "crs-calculator-profile"
SWITCH_KEY = "crs-calculator-switch"
SWITCH_NAME_PREFIX = "crs-switch:"   # window.name half of the switch (see on_lang_click)
# The page in a partner's frame (tools/build/embed.py): it restores nothing and stores nothing.
EMBED = bool(document.documentElement.classList.contains("embed-page"))


def _console_error(*parts):
    try:
        js.console.error(" ".join(str(p) for p in parts))
    except Exception:
        pass


def _none(value):
    """JavaScript null arrives as a JsNull object in recent Pyodide: make it None."""
    if value is None or type(value).__name__ == "JsNull":
        return None
    return value


def _by_id(fid):
    return _none(document.getElementById(fid))


class Page:
    def __init__(self, crs, form, strings):
        self.crs = crs
        self.form = form
        self.strings = strings
        self.touched = set()
        self.typed = set()            # fields the person typed in since the last loaded document
        self.extras = {}          # top-level keys of an imported document the form cannot show
        self.last_status = None
        self.renders = 0
        self.lists = {}
        self.error_sig = None
        self.showing_result = False   # the page starts with an empty result
        self.error_ids = []
        self.proxies = []
        self.form_el = _by_id("crs-form")
        # "Beyond the score" panels: computed after the score, in a timer of their own, so
        # a change shows its total first. Only the newest request is kept.
        self.panel_request = None     # (profile, as_of, total) to show next
        self.panel_timer = None
        self.panel_proxy = create_proxy(self.run_panels)
        self.panel_sig = None
        self.rounds = None            # the snapshot, loaded once
        self.rounds_sig = None
        self.panels_shown = False
        self.panel_renders = 0
        self.offered = None           # a #p= document waiting for "Replace my answers"
        self.refusal_shown = False    # a "Nothing was saved" notice, gone at the next edit

    def t(self, key, **values):
        return self.strings.t(key, LANG, **values)

    # -- reading and writing the form ------------------------------------------------------

    def read_fields(self):
        out = {}
        data = js.FormData.new(self.form_el)
        for fid in self.form.FIELD_IDS:
            value = _none(data.get(fid))    # null: a radio group with no answer checked
            out[fid] = "" if value is None else str(value)
        return out

    def as_of(self):
        value = str(_by_id("as_of").value or "").strip()
        return value or None

    def write_fields(self, fields):
        for fid, value in fields.items():
            if fid in self.form.RADIO_IDS:
                for radio in document.getElementsByName(fid).to_py():
                    radio.checked = str(radio.value) == value
                continue
            el = _by_id(fid)
            if el is None:
                continue
            if el.tagName == "SELECT":
                self.ensure_option(el, value)
            el.value = value

    def ensure_option(self, select, value):
        """A select shows any imported value, even one it does not offer (the core says why
        it is wrong). The option's words are set as text, never as HTML."""
        for option in select.options.to_py():
            if str(option.value) == value:
                return
        option = document.createElement("option")
        option.value = value
        option.textContent = value
        option.setAttribute("data-imported", "true")
        select.appendChild(option)

    def today(self):
        d = js.Date.new()
        return "%04d-%02d-%02d" % (d.getFullYear(), d.getMonth() + 1, d.getDate())

    # -- the document ----------------------------------------------------------------------

    def profile(self, fields=None):
        return self.form.with_extras(self.form.profile_from_fields(fields or self.read_fields()),
                                     self.extras)

    def document_for_export(self, always_date=False):
        doc = self.profile()
        as_of = self.as_of()
        if as_of and (always_date or as_of != self.today()):
            doc["as_of"] = as_of
        return doc

    # -- rendering -------------------------------------------------------------------------

    def update(self, doc=None, as_of=None):
        """Score `doc` (default: the form) and show it. Never raises."""
        self.renders += 1
        try:
            fields = self.read_fields()
            if doc is None:
                doc = self.profile(fields)
                as_of = self.as_of()
            self.show_clb(fields, as_of)
            # The one reading of the document: the score now, the panels later from the same.
            reading, errors = self.crs.read(doc, as_of=as_of, lang=LANG)
            result = reading.score() if reading is not None else {"errors": errors}
            if "errors" in result:
                self.show_errors(self.form_errors(result["errors"], fields), fields)
                self.hide_panels()
            else:
                self.show_result(result)
                self.schedule_panels(reading, result)
        except Exception as exc:   # never a traceback on the page
            _console_error("CRS page error:", repr(exc))
            self.error_sig = ()
            self.clear_errors()
            self.showing_result = True
            self.clear_result()
            self.hide_panels()
            self.set_status(self.t("internal_error"))
        # For tests and tools: bumps after every render (the hooks themselves are
        # data-crs-total and data-crs-section/data-crs-points).
        document.documentElement.setAttribute("data-crs-renders", str(self.renders))

    def form_errors(self, errors, fields):
        """The core's errors, with the form's own word where it knows more than the core: an
        amount like "20.000" reaches the core as text (form.amount does not guess), and the
        page says why it is refused."""
        out = []
        for error in errors:
            if (error.get("field") == "settlement_funds"
                    and self.form.ambiguous_amount(fields.get("settlement_funds", ""))):
                error = dict(error, code="ambiguous_amount", message=self.t(
                    "ambiguous_amount", amount=fields["settlement_funds"].strip()))
            out.append(error)
        return out

    def show_clb(self, fields, as_of):
        for path in self.form.LANGUAGE_PATHS:
            base = self.form.field_id(path)
            test = fields.get(base + "-test", "")
            date = fields.get(base + "-test_date", "") or None
            for ability in self.form.ABILITIES:
                fid = base + "-" + ability
                raw = fields.get(fid, "").strip()
                text = ""
                if test and raw:
                    value = self.form.number(raw)
                    level = None
                    if isinstance(value, (int, float)):
                        try:
                            level = self.crs.to_clb(test, ability, value, test_date=date)
                        except Exception:
                            level = None
                    if level is not None:
                        french = test in self.form.TESTS_FR or LANG == "fr"
                        key = "clb_level"
                        label = self.strings.S[key][1 if french else 0].format(n=level)
                        text = "= " + label
                _set_text(_by_id(fid + "-clb"), text)

    def set_status(self, text):
        if text != self.last_status:
            _set_text(_by_id("status"), text)
            self.last_status = text

    def clear_result(self):
        if not self.showing_result:
            return
        self.showing_result = False
        total = _by_id("total")
        total.setAttribute("data-crs-total", "")
        total.setAttribute("data-crs-rules", "")      # read by static/embed-frame.js
        total.setAttribute("data-crs-as-of", "")
        _set_text(total, "–")
        _set_text(_by_id("total-cell"), "–")
        _set_text(_by_id("rules-line"), "")
        for cell in document.querySelectorAll("#breakdown td.pts").to_py():
            _set_text(cell, "–")
        for cell in document.querySelectorAll("[data-crs-section]").to_py():
            cell.setAttribute("data-crs-points", "")
        for row in document.querySelectorAll("#breakdown tr[data-line]").to_py():
            row.hidden = False
        _by_id("breakdown").classList.add("breakdown--empty")
        self.fill_list("warnings", [])
        self.fill_list("unconfirmed", [])

    def show_result(self, result):
        self.showing_result = True
        self.clear_errors()
        _by_id("pending").hidden = True
        total = str(int(result["total"]))
        el = _by_id("total")
        el.setAttribute("data-crs-total", total)
        el.setAttribute("data-crs-rules", str(result.get("rules") or ""))
        el.setAttribute("data-crs-as-of", str(result.get("as_of") or ""))
        _set_text(el, self.strings.number(int(result["total"]), LANG))
        _set_text(_by_id("total-cell"), "%s / %s" % (
            self.strings.number(int(result["total"]), LANG),
            self.strings.number(int(result.get("maxima", {}).get("total", 1200)), LANG)))
        maxima = result.get("maxima", {})
        for cell in document.querySelectorAll("[data-crs-section]").to_py():
            sec = str(cell.getAttribute("data-crs-section"))
            points = int(result["sections"].get(sec, 0))
            cell.setAttribute("data-crs-points", str(points))
            _set_text(cell, "%d / %d" % (points, int(maxima.get(sec, 0))))
        lines = {line["id"]: line for line in result.get("lines", [])}
        for row in document.querySelectorAll("#breakdown tr[data-line]").to_py():
            line = lines.get(str(row.getAttribute("data-line")))
            row.hidden = line is None
            if line is not None:
                _set_text(_none(row.querySelector("td")), "%d / %d" % (line["points"], line["max"]))
        _by_id("breakdown").classList.remove("breakdown--empty")
        _set_text(_by_id("rules-line"), self.t("rules_since", date=result["rules"]) + ". "
                  + self.t("rules_note", as_of=result["as_of"]))
        self.fill_list("warnings", [w["message"] for w in result.get("warnings", [])])
        self.fill_list("unconfirmed", [u["message"] for u in result.get("unconfirmed", [])])
        self.set_status(self.t("status_score", total=self.strings.number(int(result["total"]), LANG)))

    def fill_list(self, name, messages):
        if self.lists.get(name) == messages:
            return
        self.lists[name] = messages
        box = _by_id(name)
        ul = _by_id(name + "-list")
        ul.replaceChildren()
        for message in messages:
            li = document.createElement("li")
            li.textContent = message
            ul.appendChild(li)
        box.hidden = not messages

    def visible(self, fid):
        el = _by_id(fid)
        return el is not None and el.getClientRects().length > 0

    def clear_errors(self):
        if self.error_sig is None:
            return
        self.error_sig = None
        for fid in self.error_ids:
            slot = _by_id(fid + "-error")
            if slot is not None:
                slot.hidden = True
                slot.replaceChildren()
            el = _by_id(fid)
            if el is not None:
                el.removeAttribute("aria-invalid")
                wrap = _none(el.closest(".field"))
                if wrap is not None:
                    wrap.classList.remove("field--error")
        self.error_ids = []
        _by_id("error-summary").hidden = True
        _by_id("error-summary-list").replaceChildren()

    def is_pending(self, error, fid, fields):
        """A 'required' answer the person has not reached yet: listed, not shown as an error."""
        if error.get("code") != "required":
            return False
        if fid is None:
            return True
        related = [k for k in fields if k == fid or k.startswith(fid + "-")]
        return not any(k in self.touched for k in related)

    def show_errors(self, errors, fields):
        self.clear_result()
        if any(str(e.get("field", "")).split(".")[0] in self.form.OPTIONAL_IDS for e in errors):
            self.open_optional()
        shown, pending = [], []
        for error in errors:
            fid = self.form.error_target(str(error.get("field", "")), self.visible)
            if self.is_pending(error, fid, fields):
                pending.append((error, fid))
            else:
                shown.append((error, fid))
        sig = (tuple((fid, str(e.get("message"))) for e, fid in shown),
               tuple((fid, str(e.get("message"))) for e, fid in pending))
        if sig != self.error_sig:
            # Rebuilt only when the errors change: a link under the pointer must stay put
            # (a blur fires `change`, and a click needs the same element on mouseup).
            self.clear_errors()
            self.render_errors(shown, pending)
            self.error_sig = sig
        if shown:
            key = "status_errors_1" if len(shown) == 1 else "status_errors_n"
            self.set_status(self.t(key, n=len(shown)))
        else:
            self.set_status(self.t("status_pending"))

    def render_errors(self, shown, pending):
        summary_list = _by_id("error-summary-list")
        by_field = {}
        for error, fid in shown:
            li = document.createElement("li")
            a = document.createElement("a")
            a.href = "#" + (fid or "crs-form")
            a.setAttribute("data-target", fid or "")
            a.textContent = str(error.get("message", ""))
            li.appendChild(a)
            summary_list.appendChild(li)
            if fid:
                by_field.setdefault(fid, []).append(str(error.get("message", "")))
        for fid, messages in by_field.items():
            slot = _by_id(fid + "-error")
            el = _by_id(fid)
            if el is not None:
                el.setAttribute("aria-invalid", "true")
                wrap = _none(el.closest(".field"))
                if wrap is not None:
                    wrap.classList.add("field--error")
            if slot is not None:
                prefix = document.createElement("span")
                prefix.className = "visually-hidden"
                prefix.textContent = self.t("error_prefix") + " "
                slot.appendChild(prefix)
                slot.appendChild(document.createTextNode(" ".join(messages)))
                slot.hidden = False
            self.error_ids.append(fid)
        _by_id("error-summary").hidden = not shown
        plist = _by_id("pending-list")
        plist.replaceChildren()
        for error, fid in pending:
            li = document.createElement("li")
            a = document.createElement("a")
            a.href = "#" + (fid or "crs-form")
            a.setAttribute("data-target", fid or "")
            a.textContent = str(error.get("label") or error.get("message", ""))
            li.appendChild(a)
            plist.appendChild(li)
        _by_id("pending").hidden = not pending

    # -- beyond the score: eligibility, what-ifs, timeline, rounds ---------------------------
    # Filled after the score (a 0 ms timer), only when the profile or the date changed. Text
    # goes in with createElement/textContent; the only markup inserted is web.charts', which is
    # generated and escaped by our code from our data (no user text reaches it).

    def open_optional(self):
        el = _by_id("optional")
        if el is not None and not el.open:
            el.open = True

    def hide_panels(self):
        self.panel_request = None
        if self.panels_shown:
            self.panels_shown = False
            _by_id("beyond-panels").hidden = True
            _by_id("beyond-waiting").hidden = False

    def schedule_panels(self, reading, result):
        self.panel_request = (reading, str(result["as_of"]), int(result["total"]))
        if self.panel_timer is None:
            self.panel_timer = js.setTimeout(self.panel_proxy, 0)

    def run_panels(self, *args):
        self.panel_timer = None
        request, self.panel_request = self.panel_request, None
        if request is None:
            return
        try:
            self.show_panels(*request)
        except Exception as exc:   # never a traceback on the page
            _console_error("CRS panels error:", repr(exc))
        self.panel_renders += 1
        document.documentElement.setAttribute("data-crs-panels", str(self.panel_renders))

    def show_panels(self, reading, day, total):
        sig = json.dumps([reading.doc, day], sort_keys=True, default=str)
        if sig != self.panel_sig:
            self.panel_sig = sig
            for body_id, fill in (("elig-programs", self.show_eligibility),
                                  ("whatif-list", self.show_whatifs),
                                  ("timeline-list", self.show_timeline)):
                try:
                    fill(reading)
                except Exception as exc:
                    _console_error("CRS panel %s:" % body_id, repr(exc))
                    body = _by_id(body_id)
                    body.replaceChildren()
                    body.appendChild(_el("li" if body.tagName == "OL" else "p",
                                         self.t("panels_error")))
        try:
            self.show_rounds(day, total)
        except Exception as exc:
            _console_error("CRS panel rounds:", repr(exc))
            self.rounds_sig = None
            body = _by_id("rounds-body")
            body.replaceChildren(_el("p", self.t("panels_error")))
        if not self.panels_shown:
            self.panels_shown = True
            _by_id("beyond-waiting").hidden = True
            _by_id("beyond-panels").hidden = False

    def num(self, n):
        return self.strings.number(int(n), LANG)

    def date_text(self, iso):
        from crs import formats
        return formats.date(iso, LANG)

    def show_eligibility(self, reading):
        from crs import eligibility
        e = eligibility.eligibility(reading)
        if "errors" in e:
            raise ValueError("eligibility: %r" % (e["errors"][:1],))
        summary = _by_id("elig-summary")
        summary.textContent = e["summary"]
        summary.className = "elig-summary" + {True: "", False: " elig-summary--no"}.get(
            e["can_be_invited"], " elig-summary--unknown")
        summary.setAttribute("data-can-be-invited", json.dumps(e["can_be_invited"]))
        box = _by_id("elig-programs")
        box.replaceChildren()
        for key in ("fsw", "cec", "fst"):
            prog = e["programs"][key]
            div = _el("div", cls="program")
            div.setAttribute("data-program", key)
            div.setAttribute("data-status", prog["status"])
            h = _el("h4", cls="h3 program__h")
            h.appendChild(document.createTextNode(prog["name"] + (" : " if LANG == "fr" else ": ")))
            h.appendChild(_el("span", self.t("st_" + prog["status"]),
                              cls="status-tag status-tag--" + prog["status"]))
            div.appendChild(h)
            ul = _el("ul", cls="reqs")
            for req in prog["requirements"]:
                li = _el("li", cls="req req--" + req["status"])
                li.setAttribute("data-requirement", req["id"])
                li.appendChild(_el("span", self.t("req_status",
                                                  status=self.t("req_" + req["status"])),
                                   cls="req__status"))
                li.appendChild(document.createTextNode(" " + req["message"]))
                if req.get("why"):
                    li.appendChild(_el("span", req["why"], cls="req__why"))
                ul.appendChild(li)
            div.appendChild(ul)
            if prog.get("grid"):
                div.appendChild(self.grid_table(prog["grid"]))
            box.appendChild(div)

    def grid_table(self, grid):
        pass_mark = int(grid["pass_mark"])
        wrap = _el("div")
        table = _el("table", cls="grid-table")
        table.setAttribute("id", "fsw-grid")
        table.appendChild(_el("caption", self.t("grid_caption", pass_mark=pass_mark)))
        thead = _el("thead")
        head = _el("tr")
        for text, cls in ((self.t("grid_factor"), None), (self.t("col_points"), "pts")):
            th = _el("th", text, cls=cls)
            th.setAttribute("scope", "col")
            head.appendChild(th)
        thead.appendChild(head)
        table.appendChild(thead)
        tbody = _el("tbody")
        for line in grid["lines"]:
            tr = _el("tr")
            tr.setAttribute("data-grid-line", line["id"])
            th = _el("th", self.t("grid_line_" + line["id"]))
            th.setAttribute("scope", "row")
            tr.appendChild(th)
            tr.appendChild(_el("td", "%d / %d" % (line["points"], line["max"]), cls="pts"))
            tbody.appendChild(tr)
        table.appendChild(tbody)
        tfoot = _el("tfoot")
        tr = _el("tr")
        th = _el("th", self.t("grid_total", pass_mark=pass_mark))
        th.setAttribute("scope", "row")
        tr.appendChild(th)
        td = _el("td", "%d / 100" % grid["total"], cls="pts")
        td.setAttribute("id", "fsw-grid-total")
        td.setAttribute("data-grid-total", str(int(grid["total"])))
        tr.appendChild(td)
        tfoot.appendChild(tr)
        table.appendChild(tfoot)
        wrap.appendChild(table)
        key = "grid_pass" if grid["total"] >= pass_mark else "grid_fail"
        wrap.appendChild(_el("p", self.t(key, points=int(grid["total"]), pass_mark=pass_mark)))
        return wrap

    def show_whatifs(self, reading):
        from crs import whatif
        w = whatif.what_ifs(reading)
        if "errors" in w:
            raise ValueError("what_ifs: %r" % (w["errors"][:1],))
        ol = _by_id("whatif-list")
        ol.replaceChildren()
        for option in w["options"]:
            li = _el("li", self.t("whatif_item", label=option["label"],
                                  points=self.num(option["points"]),
                                  total=self.num(option["total"])))
            li.setAttribute("data-option", option["id"])
            li.setAttribute("data-points", str(int(option["points"])))
            ol.appendChild(li)
        if not w["options"]:
            ol.appendChild(_el("li", self.t("whatif_none")))
        birthday = _by_id("whatif-birthday")
        nb = w.get("next_birthday")
        if nb:
            points = int(nb["points"])
            shown = ("\u2212" + self.num(-points)) if points < 0 else ("+" + self.num(points))
            _set_text(birthday, self.t("whatif_birthday", label=nb["label"], points=shown,
                                       total=self.num(nb["total"])))
            birthday.setAttribute("data-points", str(points))
        birthday.hidden = not nb

    def show_timeline(self, reading):
        from crs import timeline
        from web import charts
        tl = timeline.timeline(reading)
        if "errors" in tl:
            raise ValueError("timeline: %r" % (tl["errors"][:1],))
        ol = _by_id("timeline-list")
        ol.replaceChildren()
        sep = " : " if LANG == "fr" else ": "
        for event in tl["events"]:
            li = _el("li")
            li.setAttribute("data-kind", event["kind"])
            time = _el("time", self.date_text(event["date"]))
            time.setAttribute("datetime", event["date"])
            li.appendChild(time)
            text = sep + event["label"]
            if event.get("total") is not None:
                li.appendChild(document.createTextNode(text + " "))
                li.appendChild(_el("span", "(" + self.t("timeline_score",
                                                        total=self.num(event["total"])) + ")",
                                   cls="timeline__score"))
            else:
                li.appendChild(document.createTextNode(text))
            ol.appendChild(li)
        # Core-generated, escaped markup (labels are the core's own words and numbers).
        _set_svg(_by_id("timeline-svg"), charts.timeline(tl["events"], LANG))

    def load_rounds(self):
        if self.rounds is None:
            from crs import rounds
            self.rounds = rounds.load_snapshot()
        return self.rounds

    def show_rounds(self, day, total):
        from crs import rounds as R
        if self.rounds_sig == (day, total):
            return
        body = _by_id("rounds-body")
        snapshot = self.load_rounds()
        if snapshot.get("errors") or not snapshot.get("rounds"):
            self.rounds_sig = (day, total)
            body.replaceChildren(_el("p", self.t("rounds_unavailable")))
            return
        if self.rounds_sig is None or self.rounds_sig[0] != day:
            self.build_rounds(body, snapshot, day)
        self.rounds_sig = (day, total)
        self.update_rounds_you(total)

    def build_rounds(self, body, snapshot, day):
        from crs import rounds as R
        from web import charts
        body.replaceChildren()
        all_rounds = snapshot["rounds"]
        latest = R.latest_by_category(all_rounds, day)
        self.rounds_latest = latest
        self.rounds_distribution = R.latest_distribution(all_rounds, day)
        body.appendChild(_el("p", self.t("rounds_intro", date=self.date_text(day)),
                             cls="panel__intro"))
        if latest:
            # Three columns (the date under the round's type), so it fits a phone.
            cols = ((self.t("col_round_type"), None), (self.t("col_cutoff"), "num"),
                    (self.t("col_you", total="…"), None))
            table, tbody = _table("rounds-latest", self.t("rounds_latest_caption"), cols)
            self.you_head = table.querySelector("thead th:last-child")
            for r in latest:
                tr = _el("tr")
                tr.setAttribute("data-category", r["category"])
                tr.setAttribute("data-cutoff", str(int(r["crs"])))
                th = _el("th", r["label"][LANG])
                th.setAttribute("scope", "row")
                time = _el("time", self.date_text(r["date"]), cls="round-date")
                time.setAttribute("datetime", r["date"])
                th.appendChild(time)
                tr.appendChild(th)
                tr.appendChild(_el("td", self.num(r["crs"]), cls="num"))
                tr.appendChild(_el("td", "", cls="you"))
                tbody.appendChild(tr)
            body.appendChild(_wrap(table, "rounds-latest-caption"))
            body.appendChild(_el("p", self.t("rounds_ties")))
        else:
            body.appendChild(_el("p", self.t("rounds_none")))
        pool = _el("p", "")
        pool.setAttribute("id", "rounds-pool")
        pool.hidden = True
        body.appendChild(pool)

        points = R.last_12_months(all_rounds, day)
        chart_h = _el("h4", self.t("rounds_chart_heading", date=self.date_text(day)),
                      cls="h3 program__h")
        chart_h.setAttribute("id", "rounds-chart-h")
        body.appendChild(chart_h)
        if points:
            from crs import dates
            year_before = dates.period_start(dates.parse(day), 1)
            figure = _figure("rounds-chart-h")
            figure.setAttribute("id", "rounds-chart")
            # Escaped markup generated by web.charts from the shipped snapshot (no user text).
            _set_svg(figure, charts.cutoff_chart(points, LANG, start=year_before, end=day))
            body.appendChild(figure)
            details = _el("details", cls="rounds-details")
            details.appendChild(_el("summary", self.t("rounds_table_summary")))
            cols = ((self.t("col_date"), None), (self.t("col_round_type"), None),
                    (self.t("col_cutoff"), "num"), (self.t("col_invitations"), "num"),
                    (self.t("col_round"), "num"))
            table, tbody = _table("rounds-12", self.t("rounds_table_caption",
                                                       date=self.date_text(day)), cols)
            for r in reversed(points):
                tr = _el("tr")
                td = _el("td")
                time = _el("time", self.date_text(r["date"]))
                time.setAttribute("datetime", r["date"])
                td.appendChild(time)
                tr.appendChild(td)
                tr.appendChild(_el("td", r["label"][LANG]))
                tr.appendChild(_el("td", self.num(r["crs"]), cls="num"))
                tr.appendChild(_el("td", self.num(r["size"]) if isinstance(r["size"], int)
                                   else "–", cls="num"))
                tr.appendChild(_el("td", str(r["number"] or "–"), cls="num"))
                tbody.appendChild(tr)
            details.appendChild(_wrap(table, "rounds-12-caption"))
            body.appendChild(details)
        else:
            body.appendChild(_el("p", self.t("rounds_none")))
        prov = snapshot.get("provenance") or {}
        newest = prov.get("newest_round") or {}
        if newest.get("date"):
            body.appendChild(_el("p", self.t("rounds_as_of", date=self.date_text(newest["date"]),
                                             number=str(newest.get("number", ""))),
                                 cls="attribution"))
        credit = (prov.get("attribution") or {}).get(LANG)
        if credit:
            body.appendChild(_el("p", credit, cls="attribution"))

    def update_rounds_you(self, total):
        from crs import rounds as R
        head = getattr(self, "you_head", None)
        if head is not None and _none(head) is not None:
            _set_text(head, self.t("col_you", total=self.num(total)))
        for tr in document.querySelectorAll("#rounds-latest tbody tr").to_py():
            cutoff = int(str(tr.getAttribute("data-cutoff")))
            cell = _none(tr.querySelector("td.you"))
            if cutoff < total:
                text, kind = self.t("you_above", gap=self.num(total - cutoff)), "above"
            elif cutoff == total:
                text, kind = self.t("you_equal"), "equal"
            else:
                text, kind = self.t("you_below", gap=self.num(cutoff - total)), "below"
            _set_text(cell, text)
            cell.className = "you you--" + kind
            tr.setAttribute("data-you", kind)
        pool = _by_id("rounds-pool")
        dist = getattr(self, "rounds_distribution", None)
        above = R.candidates_above(total, dist) if dist and 0 <= total <= 1200 else None
        if pool is None or not above:
            if pool is not None:
                pool.hidden = True
            return
        values = dict(date=self.date_text(above["as_on"]) if above.get("as_on") else "–",
                      total=self.num(above["total"]), score=self.num(total))
        if above["exact"]:
            text = self.t("rounds_pool_exact", n=self.num(above["above_min"]), **values)
        else:
            text = self.t("rounds_pool_range", low=self.num(above["above_min"]),
                          high=self.num(above["above_max"]), **values)
        _set_text(pool, text)
        pool.setAttribute("data-above-min", str(above["above_min"]))
        pool.setAttribute("data-above-max", str(above["above_max"]))
        pool.hidden = False

    # -- notices ---------------------------------------------------------------------------

    def notice(self, text, error=False):
        box = _by_id("alert" if error else "notice")
        other = _by_id("notice" if error else "alert")
        other.hidden = True
        _set_text(box, text)
        box.hidden = not text

    # -- loading documents -----------------------------------------------------------------

    def load_document(self, doc, touched_all=True, touched=None):
        """Put an (already checked) document into the form and score it exactly as given."""
        profile, as_of = self.form.split_document(doc)
        fields = self.form.fields_from_profile(profile)
        self.write_fields(fields)
        self.extras = self.form.extras_of(profile)
        if any(profile.get(k) is not None for k in self.form.OPTIONAL_IDS):
            self.open_optional()
        if isinstance(as_of, str):
            _by_id("as_of").value = as_of
        elif as_of is None:
            _by_id("as_of").value = self.today()
        self.typed = set()
        if touched is not None:
            self.touched = set(touched)
        elif touched_all:
            self.touched = set(self.form.FIELD_IDS)
        self.update(doc=profile, as_of=(as_of if as_of is not None else self.as_of()))

    def load_from_hash(self):
        """Load a #p= share link. When the person has typed answers, a link (opened, or put
        in the address by a parent frame or an opener: `hashchange`) replaces them only when
        they say so."""
        frag = str(js.location.hash or "")
        if not frag.startswith("#p="):
            return False
        try:
            doc = self.form.decode_share(frag)
        except self.form.Refused as refused:
            self.notice(self.t("refused_link", why=self.t(refused.why)), error=True)
            self.clear_hash()
            return True
        self.clear_hash()
        if self.has_answers():
            self.offer_replace(doc)
        else:
            self.load_document(doc)
            self.notice(self.t("loaded_link"))
        return True

    def has_answers(self):
        """Whether the form holds answers the person typed (not ones a link or file loaded)."""
        fields = self.read_fields()
        return any(fields.get(fid) and fields.get(fid) != self.form.DEFAULTS.get(fid)
                   for fid in self.typed)

    def offer_replace(self, doc):
        self.offered = doc
        _by_id("replace-offer").hidden = False
        _by_id("replace-yes").focus()

    def on_replace(self, event, yes):
        doc, self.offered = self.offered, None
        _by_id("replace-offer").hidden = True
        if yes and doc is not None:
            self.load_document(doc)
            self.notice(self.t("loaded_link"))
        elif doc is not None:
            self.notice(self.t("kept_answers"))

    def load_switched(self):
        """The answers the other language's page carried over (on_lang_click), if any."""
        text = None
        try:
            text = _none(js.sessionStorage.getItem(SWITCH_KEY))
            if text is not None:
                js.sessionStorage.removeItem(SWITCH_KEY)
        except Exception:
            text = None
        name = str(js.window.name or "")
        if name.startswith(SWITCH_NAME_PREFIX):
            js.window.name = ""
            frag = str(js.location.hash or "")
            if text is None and frag.startswith("#k="):
                text = self.form.open_switch(name[len(SWITCH_NAME_PREFIX):], frag[3:])
        if str(js.location.hash or "").startswith("#k="):
            self.clear_hash()
        carried = self.form.decode_switch(str(text), LANG, js.Date.now()) if text else None
        if carried is None:
            return False
        fields, as_of, extras, touched = carried
        self.write_fields(fields)
        self.extras = extras
        if any(fields.get(k) for k in self.form.OPTIONAL_IDS):
            self.open_optional()
        if as_of is not None:
            _by_id("as_of").value = as_of
        self.touched = set(touched)
        self.typed = set(touched)     # carried from the other page: still the person's typing
        self.update()
        return True

    def clear_hash(self):
        try:
            js.history.replaceState(None, "", str(js.location.pathname) + str(js.location.search))
        except Exception:
            pass

    # -- actions ---------------------------------------------------------------------------

    def on_input(self, event):
        name = str(getattr(event.target, "name", "") or getattr(event.target, "id", "") or "")
        if name:
            self.touched.add(name)
            self.typed.add(name)
        if self.refusal_shown:        # the answer it named may be mended: not left to mislead
            self.refusal_shown = False
            self.notice("", error=True)
        self.update()

    def on_lang_click(self, event):
        """Carry the answers to the other language's page: in this tab's sessionStorage (read
        once and removed there), or, where storage is denied, sealed in two halves that each
        say nothing (form.seal_switch): never readable in a URL the browser records."""
        try:
            link = event.currentTarget
            base = str(link.getAttribute("href")).split("#")[0]
            link.setAttribute("href", base)
            text = self.form.encode_switch(self.read_fields(), self.as_of(), self.extras,
                                           self.touched, "en" if LANG == "fr" else "fr",
                                           js.Date.now())
            try:
                js.sessionStorage.setItem(SWITCH_KEY, text)
            except Exception:
                import os
                sealed, pad = self.form.seal_switch(text, os.urandom(len(text.encode("utf-8"))))
                js.window.name = SWITCH_NAME_PREFIX + sealed
                link.setAttribute("href", base + "#k=" + pad)
        except Exception as exc:
            _console_error("language switch:", repr(exc))

    def on_summary_click(self, event):
        target = _none(event.target.closest("a[data-target]")) if _none(event.target) else None
        if target is None:
            return
        event.preventDefault()
        fid = str(target.getAttribute("data-target"))
        el = _by_id(fid) if fid else _by_id("crs-form")
        if el is None:
            return
        details = _none(el.closest("details"))
        if details is not None:
            details.open = True
        wrap = _none(el.closest(".field")) or el
        wrap.scrollIntoView()
        el.focus(to_js({"preventScroll": True}, dict_converter=js.Object.fromEntries))

    def outgoing(self, refused_key):
        """The document to save, share or export, or None (and a notice naming the answer)
        when it holds what would be refused when it comes back (form.check_outgoing)."""
        doc = self.document_for_export()
        try:
            self.form.check_outgoing(doc)
        except self.form.Refused as refused:
            try:
                from crs.messages import field_label
                label = field_label(refused.path, LANG) if refused.path else ""
            except Exception:
                label = refused.path
            self.notice(self.t(refused_key, field=label or self.t("the_profile"),
                               why=self.t("out_" + refused.why)), error=True)
            self.refusal_shown = True
            return None
        return doc

    def on_export(self, event=None):
        doc = self.outgoing("refused_save")
        if doc is None:
            return
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        blob = js.Blob.new(to_js([text]), to_js({"type": "application/json"},
                                                dict_converter=js.Object.fromEntries))
        url = js.URL.createObjectURL(blob)
        a = document.createElement("a")
        a.href = url
        a.download = "crs-profile.json"
        document.body.appendChild(a)
        a.click()
        a.remove()
        js.setTimeout(create_proxy(lambda: js.URL.revokeObjectURL(url)), 1000)

    def on_share(self, event=None):
        doc = self.outgoing("refused_share")
        if doc is None:
            _by_id("share-box").hidden = True
            return
        link = (str(js.location.origin) + str(js.location.pathname) + "#p="
                + self.form.encode_share(doc))
        box = _by_id("share-box")
        box.hidden = False
        field = _by_id("share-link")
        field.value = link
        field.focus()
        field.select()

    def on_copy(self, event=None):
        field = _by_id("share-link")
        try:
            js.navigator.clipboard.writeText(field.value)
            self.notice(self.t("copied"))
        except Exception:
            field.select()

    def on_remember(self, event=None):
        if EMBED:
            return
        doc = self.outgoing("refused_save")
        if doc is None:
            return
        try:
            js.localStorage.setItem(STORAGE_KEY, json.dumps(doc))
            self.notice(self.t("remembered"))
        except Exception:
            self.notice(self.t("storage_unavailable"), error=True)

    def on_forget(self, event=None):
        try:
            js.localStorage.removeItem(STORAGE_KEY)
            self.notice(self.t("forgotten"))
        except Exception:
            self.notice(self.t("storage_unavailable"), error=True)

    async def on_import(self, event):
        input_el = event.target
        files = input_el.files
        if _none(files) is None or files.length == 0:
            return
        file = files.item(0)
        try:
            if file.size > self.form.MAX_TEXT:
                raise self.form.Refused("why_too_large")
            text = str(await file.text())
            doc = self.form.read_untrusted(text)
        except self.form.Refused as refused:
            self.notice(self.t("refused_file", why=self.t(refused.why)), error=True)
            input_el.value = ""
            return
        except Exception as exc:
            _console_error("import:", repr(exc))
            self.notice(self.t("refused_file", why=self.t("why_json")), error=True)
            input_el.value = ""
            return
        input_el.value = ""
        self.load_document(doc)
        self.notice(self.t("loaded_file"))

    def restore_saved(self):
        if EMBED:      # a frame under a same-site host would see the main site's answers
            return False
        try:
            saved = _none(js.localStorage.getItem(STORAGE_KEY))
        except Exception:
            return False
        if saved is None:
            return False
        try:
            doc = self.form.read_untrusted(str(saved))
        except self.form.Refused as refused:
            # Saved by an older version, or changed by hand: said, and left where it is.
            self.notice(self.t("restore_refused", why=self.t(refused.why)), error=True)
            return False
        self.load_document(doc, touched_all=False,
                           touched=[k for k, v in self.form.fields_from_profile(doc).items()
                                    if v and v != self.form.DEFAULTS.get(k)])
        self.notice(self.t("restored"))
        return True

    # -- start -----------------------------------------------------------------------------

    def listen(self, target, event, handler):
        def guarded(e):
            try:
                return handler(e)
            except Exception as exc:   # logged for developers, never shown as a traceback
                _console_error("CRS page: %s handler failed:" % event, repr(exc))
        proxy = create_proxy(handler if _is_async(handler) else guarded)
        self.proxies.append(proxy)
        target.addEventListener(event, proxy)

    def start(self):
        if not str(_by_id("as_of").value or ""):
            _by_id("as_of").value = self.today()
        self.listen(self.form_el, "input", self.on_input)
        self.listen(self.form_el, "change", self.on_input)
        self.listen(self.form_el, "submit", lambda e: e.preventDefault())
        self.listen(_by_id("as_of"), "input", self.on_input)
        self.listen(_by_id("as_of"), "change", self.on_input)
        self.listen(_by_id("other-lang"), "click", self.on_lang_click)
        self.listen(_by_id("error-summary"), "click", self.on_summary_click)
        self.listen(_by_id("pending"), "click", self.on_summary_click)
        self.listen(_by_id("export"), "click", self.on_export)
        self.listen(_by_id("make-share"), "click", self.on_share)
        self.listen(_by_id("copy-share"), "click", self.on_copy)
        self.listen(_by_id("remember"), "click", self.on_remember)
        self.listen(_by_id("forget"), "click", self.on_forget)
        self.listen(_by_id("import"), "change", self.on_import)
        self.listen(js.window, "hashchange", lambda e: self.load_from_hash())
        self.listen(_by_id("replace-yes"), "click", lambda e: self.on_replace(e, True))
        self.listen(_by_id("replace-no"), "click", lambda e: self.on_replace(e, False))
        for fid in ("export", "make-share", "import") + (() if EMBED else ("remember", "forget")):
            _by_id(fid).disabled = False
        # Answers typed while Python was loading count as touched.
        for fid, value in self.read_fields().items():
            if value and value != self.form.DEFAULTS.get(fid):
                self.touched.add(fid)
                self.typed.add(fid)
        if not self.touched and not self.load_switched() and not self.load_from_hash():
            self.restore_saved()
        elif self.touched:
            self.load_from_hash()      # offered, not loaded over what was typed
        if self.renders == 0:      # nothing loaded (or a refused link): score the form
            self.update()
        _by_id("loading").hidden = True
        # Start-up was slow enough for static/boot.js to give up, or a false alarm: it started.
        _by_id("load-failed").hidden = True
        document.documentElement.setAttribute("data-crs-ready", "true")


def _is_async(fn):
    import inspect
    return inspect.iscoroutinefunction(fn)


def _set_text(el, text):
    if el is not None and str(el.textContent) != text:
        el.textContent = text


def _el(tag, text=None, cls=None):
    """A new element with plain text (never parsed as HTML)."""
    el = document.createElement(tag)
    if cls:
        el.className = cls
    if text is not None:
        el.textContent = text
    return el


def _table(tid, caption, cols):
    """An empty table with a caption and column headers: (table, tbody)."""
    table = _el("table", cls="rounds-table")
    table.setAttribute("id", tid)
    cap = _el("caption", caption)
    cap.setAttribute("id", tid + "-caption")
    table.appendChild(cap)
    thead = _el("thead")
    tr = _el("tr")
    for text, cls in cols:
        th = _el("th", text, cls=cls)
        th.setAttribute("scope", "col")
        tr.appendChild(th)
    thead.appendChild(tr)
    table.appendChild(thead)
    tbody = _el("tbody")
    table.appendChild(tbody)
    return table, tbody


def _wrap(table, label_id):
    """A table in a keyboard-scrollable region (wide tables on phones)."""
    wrap = _el("div", cls="table-wrap")
    wrap.setAttribute("role", "region")
    wrap.setAttribute("tabindex", "0")
    wrap.setAttribute("aria-labelledby", label_id)
    wrap.appendChild(table)
    return wrap


def _figure(label_id):
    """A container for a chart: scrolls sideways on a phone (the SVG keeps a readable size),
    so it is a labelled region the keyboard can reach."""
    figure = _el("div", cls="figure")
    figure.setAttribute("role", "region")
    figure.setAttribute("tabindex", "0")
    figure.setAttribute("aria-labelledby", label_id)
    return figure


def _set_svg(el, markup):
    """Insert an SVG string made by web.charts (our code, our data, escaped there). Its inline
    style attribute is dropped (the CSP forbids inline styles; site.css sizes .figure svg)."""
    if not markup.startswith("<svg "):
        raise ValueError("not an SVG from web.charts")
    el.innerHTML = markup.replace(' style="max-width:100%;height:auto"', "", 1)


def start():
    """Build the page object and score whatever the form, link or saved answers hold. An
    exception is shown as the start-up failure by web/main.py."""
    import crs
    from web import form, strings
    page = Page(crs, form, strings)
    page.start()
    return page

