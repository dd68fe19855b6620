"""The page's Python entry (run by PyScript): read the form, score it, show the result.

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
LANGUAGE_PATHS = ("first_language", "second_language", "spouse.language")


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
        self.extras = {}          # top-level keys of an imported document the form cannot show
        self.last_status = None
        self.renders = 0
        self.lists = {}
        self.error_sig = None
        self.showing_result = False   # the page starts with an empty result
        self.error_ids = []
        self.proxies = []
        self.form_el = _by_id("crs-form")

    def t(self, key, **values):
        return self.strings.t(key, LANG, **values)

    # -- reading and writing the form ------------------------------------------------------

    def read_fields(self):
        out = {}
        data = js.FormData.new(self.form_el)
        for fid in self.form.FIELD_IDS:
            value = data.get(fid)
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
            result = self.crs.score(doc, as_of=as_of, lang=LANG)
            if "errors" in result:
                self.show_errors(result["errors"], fields)
            else:
                self.show_result(result)
        except Exception as exc:   # never a traceback on the page
            _console_error("CRS page error:", repr(exc))
            self.error_sig = ()
            self.clear_errors()
            self.showing_result = True
            self.clear_result()
            self.set_status(self.t("internal_error"))
        # For tests and tools: bumps after every render (the hooks themselves are
        # data-crs-total and data-crs-section/data-crs-points).
        document.documentElement.setAttribute("data-crs-renders", str(self.renders))

    def show_clb(self, fields, as_of):
        for path in LANGUAGE_PATHS:
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
            label = str(error.get("message", ""))
            sep = " : " if LANG == "fr" else ": "
            a.textContent = label.split(sep)[0] if sep in label else label
            li.appendChild(a)
            plist.appendChild(li)
        _by_id("pending").hidden = not pending

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
        if isinstance(as_of, str):
            _by_id("as_of").value = as_of
        elif as_of is None:
            _by_id("as_of").value = self.today()
        if touched is not None:
            self.touched = set(touched)
        elif touched_all:
            self.touched = set(self.form.FIELD_IDS)
        self.update(doc=profile, as_of=(as_of if as_of is not None else self.as_of()))

    def load_from_hash(self, announce=True):
        frag = str(js.location.hash or "")
        if not frag.startswith("#p="):
            return False
        touched = None
        try:
            stored = _none(js.sessionStorage.getItem(SWITCH_KEY))
            if stored is not None:
                js.sessionStorage.removeItem(SWITCH_KEY)
                touched = [t for t in json.loads(str(stored)) if t in self.form.FIELD_IDS]
        except Exception:
            touched = None
        try:
            doc = self.form.decode_share(frag)
        except self.form.Refused as refused:
            self.notice(self.t("refused_link", why=self.t(refused.why)), error=True)
            self.clear_hash()
            return True
        self.clear_hash()
        self.load_document(doc, touched=touched)
        if announce and touched is None:
            self.notice(self.t("loaded_link"))
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
        self.update()

    def on_lang_click(self, event):
        try:
            link = event.currentTarget
            base = str(link.getAttribute("href")).split("#")[0]
            doc = self.document_for_export(always_date=True)
            link.setAttribute("href", base + "#p=" + self.form.encode_share(doc))
            js.sessionStorage.setItem(SWITCH_KEY, json.dumps(sorted(self.touched)))
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
        wrap = _none(el.closest(".field")) or el
        wrap.scrollIntoView()
        el.focus(to_js({"preventScroll": True}, dict_converter=js.Object.fromEntries))

    def on_export(self, event=None):
        text = json.dumps(self.document_for_export(), ensure_ascii=False, indent=2) + "\n"
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
        link = (str(js.location.origin) + str(js.location.pathname) + "#p="
                + self.form.encode_share(self.document_for_export()))
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
        try:
            js.localStorage.setItem(STORAGE_KEY, json.dumps(self.document_for_export()))
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
        try:
            saved = _none(js.localStorage.getItem(STORAGE_KEY))
        except Exception:
            return False
        if saved is None:
            return False
        try:
            doc = self.form.read_untrusted(str(saved))
        except self.form.Refused:
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
        for fid in ("export", "make-share", "remember", "forget", "import"):
            _by_id(fid).disabled = False
        # Answers typed while Python was loading count as touched.
        for fid, value in self.read_fields().items():
            if value and value != self.form.DEFAULTS.get(fid):
                self.touched.add(fid)
        if not self.load_from_hash() and not self.touched:
            self.restore_saved()
        if self.renders == 0:      # nothing loaded (or a refused link): score the form
            self.update()
        _by_id("loading").hidden = True
        document.documentElement.setAttribute("data-crs-ready", "true")


def _is_async(fn):
    import inspect
    return inspect.iscoroutinefunction(fn)


def _set_text(el, text):
    if el is not None and str(el.textContent) != text:
        el.textContent = text


def _boot():
    try:
        import crs
        from web import form, strings
        page = Page(crs, form, strings)
        page.start()
        return page
    except Exception as exc:
        _console_error("CRS page failed to start:", repr(exc))
        try:
            failed = _by_id("load-failed")
            if failed is not None:
                failed.hidden = False
            _by_id("loading").hidden = True
            document.documentElement.setAttribute("data-crs-ready", "failed")
        except Exception:
            pass
        return None


PAGE = _boot()
