"""The page: read the form, score it, show the result (started by web/main.py, PyScript's entry).

Thin on purpose: the form <-> profile mapping and the checks on untrusted documents are in
web/form.py (plain Python, tested under CPython), the words in web/strings.py, the scoring in
crs. Everything shown is written with createElement/textContent: user- or file-provided text
never becomes HTML (PyScript would run any <script type="py"> that reached the DOM).
"""

import json

import js
from pyodide.ffi import create_proxy, to_js

from crs import formats
from web.dom import LANG, document
from web.dom import by_id as _by_id, console_error as _console_error, el as _el  # noqa: F401
from web.dom import none as _none, set_text as _set_text  # noqa: F401
STORAGE_KEY = "crs-calculator-profile"
SWITCH_KEY = "crs-calculator-switch"
SWITCH_NAME_PREFIX = "crs-switch:"   # window.name half of the switch (see on_lang_click)
# py/later.zip (the panels' modules, fetched after the first score) in the in-memory file system.
LATER_ZIP = "/home/pyodide/crs-later.zip"
# The page in a partner's frame (tools/build/embed.py): it restores nothing and stores nothing.
EMBED = bool(document.documentElement.classList.contains("embed-page"))


class Page:
    def __init__(self, crs, form, strings):
        self.crs = crs
        self.form = form
        self.strings = strings
        self.touched = set()
        self.typed = set()            # fields the person typed in since the last loaded document
        self.extras = {}          # top-level keys of an imported document the form cannot show
        self.scenarios = []       # kept next to the answers, not scored with them (panels/scenarios)
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
        # The components, in the page's order (web/panels/): their modules come in
        # py/later.zip, fetched after the first score (mount_later), then loaded.
        self.panels = None
        self.later = None             # None, "loading", "ready" or "failed"
        self.later_proxies = (create_proxy(self.later_mounted), create_proxy(self.later_failed))
        self.panels_shown = False
        self.panel_renders = 0
        from web import work          # repeated groups (the jobs) and the NOC finder
        self.work = work.Work(self)
        self.offered = None           # a #p= document waiting for "Replace my answers"
        self.refusal_shown = False    # a "Nothing was saved" notice, gone at the next edit

    def t(self, key, **values):
        return self.strings.t(key, LANG, **values)

    # -- reading and writing the form ------------------------------------------------------

    def read_fields(self):
        out = {}
        data = js.FormData.new(self.form_el)
        for fid in self.form.FIELD_IDS + self.work.field_ids():
            value = _none(data.get(fid))    # null: a radio group with no answer checked
            out[fid] = "" if value is None else str(value)
        return out

    def as_of(self):
        value = str(_by_id("as_of").value or "").strip()
        return value or None

    def write_fields(self, fields):
        self.work.show(fields)        # as many jobs as the fields describe
        for fid, value in fields.items():
            if self.form.is_radio(fid):
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
        return self.form.with_scenarios(doc, self.scenarios)

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
                # The article: a column of the printed page (static/site.css .print-only).
                _set_text(_none(row.querySelector("td.ref")), formats.article(line["ref"], LANG))
        _by_id("breakdown").classList.remove("breakdown--empty")
        _set_text(_by_id("rules-line"), self.t("rules_since", date=result["rules"]) + ". "
                  + self.t("rules_note", as_of=result["as_of"]))
        self.fill_list("warnings", [w["message"] for w in result.get("warnings", [])])
        self.fill_list("unconfirmed", [u["message"] for u in result.get("unconfirmed", [])])
        self.fill_print(result)
        self.set_status(self.t("status_score", total=self.strings.number(int(result["total"]), LANG)))

    def fill_print(self, result=None):
        """The printed page's own lines (index.html #print-facts, print only; the embed has
        none): the day printed, and with a result the rule set it applied. The data dates
        are web/printout.py's (after the panels). Also run on `beforeprint`: a page left open
        overnight prints today's date."""
        if _by_id("print-facts") is None:
            return
        _set_text(_by_id("print-date"), self.t("print_date", date=formats.date(self.today(), LANG)))
        if result is None:
            return
        from crs import rules
        rule_set = rules.DEFAULT.by_id.get(str(result.get("rules")))
        if rule_set is not None:
            _set_text(_by_id("print-rules"), self.t(
                "print_rules", as_of=formats.date(result["as_of"], LANG),
                date=formats.date(rule_set.in_force, LANG),
                instrument=rule_set.instrument_fr if LANG == "fr" else rule_set.instrument))

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
        self.open_collapsed(self.form.collapsed_holding([str(e.get("field", ""))
                                                          for e in errors]))
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

    def open_collapsed(self, ids):
        """Open these collapsed sections (form.COLLAPSED: an error or an answer is inside)."""
        for sid in ids:
            el = _by_id(sid)
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

    def mount_later(self):
        """Fetch py/later.zip (static/boot.js: crsLater) once; run_panels runs when it is in."""
        if self.later is None:
            self.later = "loading"
            js.crsLater().then(*self.later_proxies)

    def later_mounted(self, buffer):
        import sys

        import crs
        import web
        import web.panels
        try:
            with open(LATER_ZIP, "wb") as out:
                out.write(buffer.to_bytes())
            # The later zip's modules belong to the packages app.zip already holds.
            for package, folder in ((crs, "crs"), (web, "web"), (web.panels, "web/panels")):
                package.__path__.append(LATER_ZIP + "/" + folder)
            sys.path_importer_cache.clear()
            self.panels = [web.panels.load(name)(self) for name in web.panels.PANELS]
            self.later = "ready"
        except Exception as exc:
            self.later_failed(exc)
            return
        if self.panel_request is not None and self.panel_timer is None:
            self.panel_timer = js.setTimeout(self.panel_proxy, 0)

    def later_failed(self, error):
        self.later = "failed"
        _console_error("CRS panels could not be loaded:", str(error))
        waiting = _by_id("beyond-waiting")
        if waiting is not None:
            _set_text(waiting, self.t("panels_error"))

    def run_panels(self, *args):
        self.panel_timer = None
        if self.later != "ready":
            self.mount_later()        # the request waits; later_mounted runs it
            return
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
        changed = sig != self.panel_sig
        self.panel_sig = sig
        for panel in self.panels:
            if panel.follows == "document" and not changed:
                continue
            try:
                panel.fill(reading, day, total)
            except Exception as exc:      # one panel's failure leaves the others
                _console_error("CRS panel %s:" % panel.body_id, repr(exc))
                if hasattr(panel, "failed"):
                    panel.failed()
                body = _by_id(panel.body_id)
                body.replaceChildren()
                body.appendChild(_el("li" if body.tagName == "OL" else "p",
                                     self.t("panels_error")))
        if changed and _by_id("print-facts") is not None:
            try:
                from web import printout      # in py/later.zip, as the panels
                printout.fill(self, reading, day)
            except Exception as exc:
                _console_error("CRS print facts:", repr(exc))
        if not self.panels_shown:
            self.panels_shown = True
            _by_id("beyond-waiting").hidden = True
            _by_id("beyond-panels").hidden = False

    def num(self, n):
        return self.strings.number(int(n), LANG)

    def date_text(self, iso):
        from crs import formats
        return formats.date(iso, LANG)

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
        doc, self.scenarios = self.form.split_scenarios(doc)
        profile, as_of = self.form.split_document(doc)
        fields = self.form.fields_from_profile(profile)
        self.write_fields(fields)
        self.extras = self.form.extras_of(profile)
        self.open_collapsed(self.form.collapsed_answered(profile))
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
        self.extras, self.scenarios = self.form.split_scenarios(extras)
        self.open_collapsed(self.form.collapsed_filled(fields))
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
            text = self.form.encode_switch(self.read_fields(), self.as_of(),
                                           self.form.with_scenarios(self.extras, self.scenarios),
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
        self.download(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", "crs-profile.json",
                      "application/json")

    def download(self, text, name, mime):
        """Save `text` as a file named `name`, made on the device (a Blob's object URL and an
        <a download>: no request)."""
        blob = js.Blob.new(to_js([text]), to_js({"type": mime},
                                                dict_converter=js.Object.fromEntries))
        url = js.URL.createObjectURL(blob)
        a = document.createElement("a")
        a.href = url
        a.download = name
        document.body.appendChild(a)
        a.click()
        a.remove()
        js.setTimeout(create_proxy(lambda: js.URL.revokeObjectURL(url)), 1000)

    def on_print(self, event=None):
        """"Print or save as PDF": the browser's own printing (static/site.css @media print)."""
        self.fill_print()
        js.window.print()

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
        if _by_id("print-page") is not None:        # the calculator page's, not the embed's
            self.listen(_by_id("print-page"), "click", self.on_print)
            _by_id("print-page").disabled = False
        self.listen(js.window, "beforeprint", lambda e: self.fill_print())
        self.work.start()
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


def start():
    """Build the page object and score whatever the form, link or saved answers hold. An
    exception is shown as the start-up failure by web/main.py."""
    import crs
    from web import form, strings
    page = Page(crs, form, strings)
    page.start()
    return page

