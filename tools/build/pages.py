"""The calculator pages, English at dist/index.html and French at dist/fr/index.html, generated
from one template (index.html at the top of the repository, its slots filled here) and the
page's catalogue (py/web/words/<lang>.json), with their PyScript configs. The form comes from
its declaration (py/web/questions.py). The embed pages (embed.py) reuse the form, result panel,
status lines and head of these.

Every text is escaped (esc); the runtime's paths come from the Runtime that runtime.write
returned.
"""

import datetime
import html
import json
import os
import re
import sys

from . import common
from .headers import CSP

sys.path.insert(0, str(common.ROOT / "py"))
from web import strings  # noqa: E402  (the page's words: one catalogue for build and page)
from web import form as webform  # noqa: E402
from web import questions  # noqa: E402  (the form's questions, declared once)

T = strings.t


def esc(text):
    return html.escape(text, quote=True)


def attrs(**kw):
    out = []
    for key, value in kw.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        out.append(name if value is True else '%s="%s"' % (name, esc(str(value))))
    return (" " + " ".join(out)) if out else ""


def head_open(lang, html_class=None):
    """The first lines of every page we generate (calculator, embed frame, embed docs): one
    place for the language attributes, the CSP meta, the viewport and no-referrer."""
    return ('<!doctype html>\n<html lang="%s-CA" data-lang="%s"%s>\n<head>\n<meta charset="utf-8">\n'
            '<meta http-equiv="Content-Security-Policy" content="%s">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="referrer" content="no-referrer">\n'
            % (lang, lang, attrs(class_=html_class), esc(CSP)))


def describedby(fid, hint):
    return " ".join(([fid + "-hint"] if hint else []) + [fid + "-error"])


def hint_html(fid, hint, lang, extra_class=""):
    if not hint:
        return ""
    return '<p class="hint%s" id="%s-hint">%s</p>' % (extra_class, fid, esc(T(hint, lang)))


def error_slot(fid):
    return '<p class="error-message" id="%s-error" hidden></p>' % fid


def text_field(fid, label, lang, hint=None, width=3, inputmode="numeric", type_="text",
               label_class="label", extra="", value=""):
    return (
        '<div class="field" data-field="%(fid)s">'
        '<label class="%(lc)s" for="%(fid)s">%(label)s</label>%(hint)s%(err)s'
        '<input class="input input--w%(w)s"%(attrs)s>%(extra)s</div>' % dict(
            fid=fid, lc=label_class, label=esc(T(label, lang)), hint=hint_html(fid, hint, lang),
            err=error_slot(fid), w=width, extra=extra,
            attrs=attrs(id=fid, name=fid, type=type_, value=value or None,
                        inputmode=inputmode if type_ == "text" else None,
                        autocomplete="off", spellcheck="false" if type_ == "text" else None,
                        aria_describedby=describedby(fid, hint))))


def select_field(fid, label, options, lang, hint=None, empty="o_choose", label_class="label"):
    """options: [(value, key)] or [(group_key, [(value, key)])]."""
    opts = []
    if empty:
        opts.append('<option value="">%s</option>' % esc(T(empty, lang)))
    for value, key in options:
        if isinstance(key, list):
            opts.append('<optgroup label="%s">' % esc(T(value, lang)))
            opts.extend('<option value="%s">%s</option>' % (esc(v), esc(T(k, lang)))
                        for v, k in key)
            opts.append("</optgroup>")
        else:
            opts.append('<option value="%s">%s</option>' % (esc(value), esc(T(key, lang))))
    return (
        '<div class="field" data-field="%(fid)s">'
        '<label class="%(lc)s" for="%(fid)s">%(label)s</label>%(hint)s%(err)s'
        '<select class="select"%(attrs)s>%(opts)s</select></div>' % dict(
            fid=fid, lc=label_class, label=esc(T(label, lang)), hint=hint_html(fid, hint, lang),
            err=error_slot(fid), opts="".join(opts),
            attrs=attrs(id=fid, name=fid, aria_describedby=describedby(fid, hint))))


def radios(fid, legend, lang, hint=None, choices=(("yes", "yes"), ("no", "no")), checked="no",
           inline=True, body=""):
    items = []
    for n, (value, key) in enumerate(choices):
        rid = fid if n == 0 else "%s--%s" % (fid, value)
        items.append(
            '<div class="radio"><input class="radio__input"%s><label class="radio__label" '
            'for="%s">%s</label></div>' % (
                attrs(id=rid, name=fid, type="radio", value=value, checked=(value == checked)),
                rid, esc(T(key, lang))))
    return (
        '<div class="field" data-field="%(fid)s"><fieldset class="fieldset"%(fs)s>'
        '<legend class="legend">%(legend)s</legend>%(hint)s%(err)s'
        '<div class="radios%(inline)s">%(items)s</div></fieldset>%(body)s</div>' % dict(
            fid=fid, fs=attrs(aria_describedby=describedby(fid, hint)),
            legend=esc(T(legend, lang)), hint=hint_html(fid, hint, lang), err=error_slot(fid),
            inline=" radios--inline" if inline else "", items="".join(items), body=body))


def language_block(path, legend, lang, hint, empty):
    base = webform.field_id(path)
    scores = []
    for a in questions.ABILITIES:
        fid = "%s-%s" % (base, a)
        clb = '<span class="clb" id="%s-clb" aria-live="off"></span>' % fid
        scores.append(
            '<div class="field field--score" data-field="%(fid)s">'
            '<label class="label label--score" for="%(fid)s">%(label)s</label>%(err)s'
            '<div class="score-row"><input class="input input--w4"%(attrs)s>%(clb)s</div></div>'
            % dict(fid=fid, label=esc(T("l_" + a, lang)), err=error_slot(fid), clb=clb,
                   attrs=attrs(id=fid, name=fid, type="text", inputmode="decimal",
                               autocomplete="off", spellcheck="false",
                               aria_describedby="%s-scores-hint %s-error %s-clb" % (base, fid, fid))))
    date_id = base + "-test_date"
    date_field = (
        '<div class="field cond-test-date" data-field="%(fid)s">'
        '<label class="label" for="%(fid)s">%(label)s</label>'
        '<p class="hint" id="%(fid)s-hint">%(h)s <span class="tef-only">%(tef)s</span></p>%(err)s'
        '<input class="input input--date"%(attrs)s></div>' % dict(
            fid=date_id, label=esc(T("l_test_date", lang)), h=esc(T("h_test_date", lang)),
            tef=esc(T("h_test_date_tef", lang)), err=error_slot(date_id),
            attrs=attrs(id=date_id, name=date_id, type="date", autocomplete="off",
                        aria_describedby=describedby(date_id, True))))
    test = select_field(base + "-test", "l_test", questions.TEST_OPTIONS, lang, empty=empty)
    return (
        '<div class="field" data-field="%(base)s"><fieldset class="fieldset language" id="%(base)s" '
        'aria-describedby="%(base)s-hint %(base)s-error">'
        '<legend class="legend legend--m">%(legend)s</legend>%(hint)s%(err)s%(test)s'
        '<div class="cond-scores">%(date)s<p class="hint" id="%(base)s-scores-hint">%(sh)s</p>'
        '<div class="scores">%(scores)s</div></div></fieldset></div>' % dict(
            base=base, legend=esc(T(legend, lang)), hint=hint_html(base, hint, lang),
            err=error_slot(base), test=test, date=date_field, sh=esc(T("h_scores", lang)),
            scores="".join(scores)))


def section(key, lang, body, sid=None, cls=""):
    sid = sid or key
    return ('<section class="form-section%s" id="%s" aria-labelledby="%s-h">'
            '<h2 class="h2" id="%s-h">%s</h2>%s</section>' % (
                cls, sid, sid, sid, esc(T(key, lang)), body))


def question_html(q, lang):
    """One question of the declaration (web/questions.py) as HTML."""
    if q.kind == "select":
        return select_field(q.id, q.label, q.options, lang, hint=q.hint, empty=q.empty,
                            label_class=q.label_class)
    if q.kind == "text":
        return text_field(q.id, q.label, lang, hint=q.hint, width=q.width, inputmode=q.inputmode,
                          type_=q.type_, label_class=q.label_class, value=q.default)
    if q.kind == "radios":
        return radios(q.id, q.label, lang, hint=q.hint, choices=q.choices,
                      checked=q.checked, inline=q.inline, body=items_html(q.body, lang))
    return language_block(q.path, q.label, lang, q.hint, q.empty)


def finder_html(prefix, lang):
    """The NOC 2021 finder of an entry (a combobox: web/work.py searches with web/noc.py and
    fills the entry's NOC and TEER). Its input has no name: it is not an answer."""
    fid = prefix + "find"
    return (
        '<div class="field finder" data-field="%(fid)s">'
        '<label class="label" for="%(fid)s">%(label)s</label>'
        '<p class="hint" id="%(fid)s-hint">%(hint)s</p>'
        '<p class="finder__warning" id="%(fid)s-warning">%(warning)s</p>'
        '<div class="finder__box"><input class="input input--full"%(attrs)s>'
        '<ul class="finder__list" id="%(fid)s-list" role="listbox" aria-label="%(list)s" hidden>'
        '</ul></div>'
        '<p class="visually-hidden" id="%(fid)s-status" role="status" aria-live="polite"></p>'
        '</div>' % dict(
            fid=fid, label=esc(T("q_job_find", lang)), hint=esc(T("h_job_find", lang)),
            warning=esc(T("job_find_warning", lang)), list=esc(T("l_job_find_list", lang)),
            attrs=attrs(id=fid, type="text", role="combobox", aria_autocomplete="list",
                        aria_expanded="false", aria_controls=fid + "-list",
                        aria_describedby="%s-hint %s-warning" % (fid, fid),
                        autocomplete="off", spellcheck="false", data_crs_noc_search=True)))


def entry_html(group, n, lang):
    """Entry `n` of a Repeated group (n is "__N__" in the template, its number "__NUM__")."""
    number = "__NUM__" if n == "__N__" else str(n + 1)
    body = []
    for q, item in zip(group.entry(n), group.items):
        if item.id == group.finder:
            body.append(finder_html(group.prefix(n), lang))
        body.append(question_html(q, lang))
    return (
        '<fieldset class="fieldset entry" id="%(gid)s-%(n)s" data-entry="%(n)s">'
        '<legend class="legend legend--m entry__legend">%(legend)s</legend>%(body)s'
        '<button type="button" class="button button--secondary entry__remove" '
        'data-remove="%(n)s">%(remove)s</button></fieldset>' % dict(
            gid=group.id, n=n, legend=esc(T(group.entry_label, lang, n=number)),
            body="".join(body), remove=esc(T(group.remove, lang, n=number))))


def repeated_html(group, lang):
    """A Repeated group: its heading and hint, no entry (web/work.py adds them from the
    <template>, and writes those of a loaded profile), the add button (enabled once Python
    runs) and a status line that says what was added or removed."""
    return (
        '<div class="field repeat" id="%(gid)s" data-repeat="%(gid)s" data-max="%(max)d" '
        'role="group" aria-labelledby="%(gid)s-h" aria-describedby="%(gid)s-hint %(gid)s-error">'
        '<h3 class="h3 repeat__h" id="%(gid)s-h">%(heading)s</h3>%(hint)s%(err)s'
        '<div class="repeat__entries" id="%(gid)s-entries"></div>'
        '<template id="%(gid)s-template">%(entry)s</template>'
        '<button type="button" class="button button--secondary repeat__add" id="%(gid)s-add" '
        'disabled>%(add)s</button>'
        '<p class="visually-hidden" id="%(gid)s-status" role="status" aria-live="polite"></p>'
        '</div>' % dict(
            gid=group.id, max=group.max, heading=esc(T(group.heading, lang)),
            hint=hint_html(group.id, group.hint, lang), err=error_slot(group.id),
            entry=entry_html(group, "__N__", lang), add=esc(T(group.add, lang))))


def items_html(items, lang, nested=False):
    out = []
    for item in items:
        if isinstance(item, questions.Repeated):
            out.append(repeated_html(item, lang))
        elif isinstance(item, questions.Question):
            out.append(question_html(item, lang))
        elif isinstance(item, questions.Shown):
            out.append('<div class="conditional" id="%s">%s</div>'
                       % (item.id, items_html(item.items, lang, True)))
        elif item.kind == "details":
            out.append(
                '<details class="form-section optional" id="%s">'
                '<summary class="optional__summary"><span class="%s">%s</span></summary>'
                '<p class="hint">%s</p>%s</details>' % (
                    item.id, "h3" if nested else "h2", esc(T(item.heading, lang)),
                    esc(T(item.intro, lang)),
                    items_html(item.items, lang, True)))
        else:
            out.append(section(item.heading, lang, items_html(item.items, lang, True), sid=item.id,
                               cls=" conditional" if item.when else ""))
    return "".join(out)


def form_html(lang):
    """The form, from its declaration (web/questions.py)."""
    return ('<form id="crs-form" class="crs-form" novalidate autocomplete="off" action="#">%s'
            '</form>' % items_html(questions.FORM, lang))


def groups(items=questions.FORM):
    """Every Shown group and conditional Section of the form's declaration, in page order."""
    for item in items:
        if isinstance(item, questions.Repeated):
            continue
        if isinstance(item, questions.Question):
            yield from groups(item.body)
        else:
            if item.when:
                yield item
            yield from groups(item.items)


def _answer_selectors(fid, answers):
    question = questions.BY_ID[fid]
    if question.kind == "radios":
        return ["#%s:checked" % question.radio_id(a) for a in answers]
    return ['#%s option[value="%s"]:checked' % (fid, a) for a in answers]


def disclosure_css():
    """The CSS rules that show each group on its answers, before any script runs: hidden
    by default, shown while the form :has() every answer of its `when` (one selector for
    each combination of the answers allowed)."""
    rules = ["%s { display: none; }" % ", ".join("#" + g.id for g in groups())]
    for group in groups():
        selectors = [".crs-form"]
        for fid, answers in group.when:
            selectors = [s + ":has(%s)" % a for s in selectors
                         for a in _answer_selectors(fid, answers)]
        rules.append(",\n".join("%s #%s" % (s, group.id) for s in selectors)
                     + " { display: block; }")
    # Inside every language question: the scores once a test is chosen, its date unless the
    # levels are typed directly.
    rules.append('.language:has(select option[value=""]:checked) .cond-scores { display: none; }')
    rules.append(",\n".join('.language:has(select option[value="%s"]:checked) .cond-test-date' % t
                            for t in questions.LEVEL_TESTS) + " { display: none; }")
    return "\n".join(rules)


# The breakdown's rows come from the core's line declarations (crs.factors.LINES and the lines
# any rule set adds): its order, sections and group subtotals are the core's, never retyped.
SECTION_WORDS = {"core": "sec_core", "spouse": "sec_spouse_factors",
                 "transferability": "sec_transferability", "additional": "sec_additional"}


def breakdown_lines():
    """[(section, [Line, ...]), ...] over every rule set, in the core's order."""
    from crs import factors, rules
    seen, lines = set(), []
    for rule_set in rules.RULE_SETS:
        for line in rule_set.lines:
            if line.id not in seen:
                seen.add(line.id)
                lines.append(line)
    return [(section, [line for line in lines if line.section == section])
            for section in factors.SECTIONS]


# The article of each line (the core's `ref`, written by crs.formats.article) is a column
# of the printed page only (static/site.css: .print-only); web/page.py fills it.
REF_CELL = '<td class="ref print-only"></td>'


def result_html(lang, print_button=False):
    """The result panel (also the embed's). `print_button`: the calculator page's "Print or
    save as PDF" (web/page.py calls window.print())."""
    bodies = []
    for sec, lines in breakdown_lines():
        rows = ['<tr class="section-head"><th colspan="3" scope="colgroup" id="sec-%s">%s</th>'
                '</tr>' % (sec, esc(T(SECTION_WORDS[sec], lang)))]
        for line in lines:
            cls = ' class="group-subtotal"' if line.subtotal else ""
            rows.append('<tr data-line="%s"%s><th scope="row">%s</th><td class="pts">–</td>%s</tr>'
                        % (line.id, cls, esc(T("line_" + line.id, lang)), REF_CELL))
        rows.append('<tr class="subtotal"><th scope="row">%s</th>'
                    '<td class="pts" data-crs-section="%s" data-crs-points="">–</td>%s</tr>'
                    % (esc(T("subtotal", lang)), sec, REF_CELL))
        bodies.append('<tbody data-section="%s">%s</tbody>' % (sec, "".join(rows)))
    as_of = text_field("as_of", "l_as_of", lang, hint="h_as_of", type_="date", width="date")
    return (
        '<section class="result" id="result" aria-labelledby="result-heading">'
        '<h2 class="h2" id="result-heading">%(heading)s</h2>'
        '<div class="result__as-of">%(as_of)s</div>'
        '<p class="total" id="total-line"><span class="total__label">%(total)s</span> '
        '<span class="total__value" id="total" data-crs-total="">–</span> '
        '<span class="total__max">%(max)s</span></p>'
        '<p class="status" id="status" role="status">%(waiting)s</p>'
        '<p class="rules" id="rules-line"></p>%(print)s'
        '<div class="pending" id="pending" hidden><p>%(pending)s</p><ul id="pending-list"></ul></div>'
        '<div class="notes notes--warn" id="warnings" hidden><h3 class="h3">%(warn)s</h3>'
        '<ul id="warnings-list"></ul></div>'
        '<div class="notes" id="unconfirmed" hidden><h3 class="h3">%(unc)s</h3>'
        '<ul id="unconfirmed-list"></ul></div>'
        '<table class="breakdown" id="breakdown"><caption>%(caption)s</caption>'
        '<thead><tr><th scope="col">%(c1)s</th><th scope="col" class="pts">%(c2)s</th>'
        '<th scope="col" class="ref print-only">%(c3)s</th></tr></thead>'
        '%(bodies)s<tfoot><tr><th scope="row">%(total)s</th><td class="pts" id="total-cell">–</td>'
        '%(ref)s</tr></tfoot></table><p class="beyond-link"><a href="#beyond">%(beyond)s</a></p>'
        '</section>' % dict(beyond=esc(T("beyond_link", lang)), c3=esc(T("col_article", lang)),
            ref=REF_CELL, print=(
                '<p class="result__print"><button type="button" class="button button--secondary" '
                'id="print-page" disabled>%s</button></p>' % esc(T("b_print", lang))
                if print_button else ""),
            heading=esc(T("result_heading", lang)), as_of=as_of,
            total=esc(T("total_label", lang)), max=esc(T("out_of_1200", lang)),
            waiting=esc(T("status_waiting", lang)), pending=esc(T("pending_intro", lang)),
            warn=esc(T("warnings_heading", lang)), unc=esc(T("unconfirmed_heading", lang)),
            caption=esc(T("breakdown_caption", lang)), c1=esc(T("col_factor", lang)),
            c2=esc(T("col_points", lang)), bodies="".join(bodies)))


def panel_shell(name, lang):
    """A panel's shell (py/web/panels/<name>.html) with its words: each {{key}} of the page
    catalogue, escaped. Lines are joined without their indentation (no text node between
    tags, as the page's HTML has none)."""
    import re
    from web import panels
    html_text = "".join(line.strip() for line in panels.shell(name).splitlines())
    return re.sub(r"\{\{(\w+)\}\}", lambda m: esc(T(m.group(1), lang)), html_text)


def panels_html(lang):
    """The "beyond the score" panels: the shells of web/panels/ in their order (PANELS);
    web/panels/<name>.py fills each after the score (createElement/textContent; inline SVG
    only from web.charts)."""
    from web import panels
    return (
        '<section class="beyond" id="beyond" aria-labelledby="beyond-h">'
        '<h2 class="h2" id="beyond-h">%(h)s</h2>'
        '<p class="hint" id="beyond-waiting">%(waiting)s</p>'
        '<div class="beyond__panels" id="beyond-panels" hidden>%(panels)s</div></section>' % dict(
            h=esc(T("beyond_heading", lang)), waiting=esc(T("beyond_waiting", lang)),
            panels="".join(panel_shell(name, lang) for name in panels.PANELS)))


def save_html(lang):
    return (
        '<section class="save" id="save" aria-labelledby="save-h">'
        '<h2 class="h2" id="save-h">%(h)s</h2><p class="body">%(intro)s</p>'
        '<div class="buttons">'
        '<button type="button" class="button button--secondary" id="export" disabled>%(export)s</button>'
        '<button type="button" class="button button--secondary" id="make-share" disabled>%(share)s</button>'
        '<button type="button" class="button button--secondary" id="remember" disabled>%(remember)s</button>'
        '<button type="button" class="button button--secondary" id="forget" disabled>%(forget)s</button>'
        '</div>'
        '<div class="field"><label class="label" for="import">%(import_)s</label>'
        '<input class="file" id="import" type="file" accept=".json,application/json" disabled></div>'
        '<div class="field share" id="share-box" hidden>'
        '<label class="label" for="share-link">%(link)s</label>'
        '<p class="hint" id="share-link-hint">%(link_hint)s</p>'
        '<div class="share__row"><input class="input input--full" id="share-link" type="text" readonly '
        'aria-describedby="share-link-hint">'
        '<button type="button" class="button button--secondary" id="copy-share">%(copy)s</button></div>'
        '</div></section>' % dict(
            h=esc(T("sec_save", lang)), intro=esc(T("save_intro", lang)),
            export=esc(T("b_export", lang)), share=esc(T("b_share", lang)),
            remember=esc(T("b_remember", lang)), forget=esc(T("b_forget", lang)),
            import_=esc(T("l_import", lang)), link=esc(T("l_share", lang)),
            link_hint=esc(T("h_share", lang)), copy=esc(T("b_copy", lang))))


def rule_dates():
    try:
        from crs import rules
        return [s.id for s in rules.RULE_SETS]
    except Exception:   # the core is not importable (yet): the page fills this at run time
        return []


def status_html(lang):
    """The loading bar, start-up failure, notices and error summary that web/page.py drives
    (by these ids): the same on the calculator pages and the embed pages."""
    return """<div class="loading" id="loading" role="status"><progress class="loading__bar" aria-labelledby="loading-text"></progress>
<p id="loading-text">{loading} <span class="loading__detail">{loading_detail}</span></p></div>
<p class="notice notice--error" id="load-failed" hidden>{load_failed}</p>
<noscript><p class="notice notice--error">{noscript}</p></noscript>
<div class="notice" id="notice" role="status" hidden></div>
<div class="notice notice--error" id="alert" role="alert" hidden></div>
<div class="notice notice--offer" id="replace-offer" role="alert" hidden>
<p class="notice__text" id="replace-offer-text">{replace_offer}</p>
<div class="buttons"><button type="button" class="button" id="replace-yes">{replace_yes}</button>
<button type="button" class="button button--secondary" id="replace-no">{replace_no}</button></div></div>
<div class="error-summary" id="error-summary" tabindex="-1" hidden aria-labelledby="error-summary-title">
<h2 class="error-summary__title" id="error-summary-title">{err_title}</h2>
<ul class="error-summary__list" id="error-summary-list"></ul></div>""".format(
        loading=esc(T("loading", lang)), loading_detail=esc(T("loading_detail", lang)),
        load_failed=esc(T("load_failed", lang)), noscript=esc(T("noscript", lang)),
        err_title=esc(T("error_summary_title", lang)),
        replace_offer=esc(T("replace_offer", lang)), replace_yes=esc(T("b_replace_yes", lang)),
        replace_no=esc(T("b_replace_no", lang)))


def preload_html(prefix, runtime):
    """Early start (issue 6): the runtime's files are requested as soon as the form is painted,
    not at the end of the chain core.js -> PyScript chunk -> config -> plugins -> pyodide.mjs ->
    pyodide.asm.mjs / wasm / stdlib, several round trips later on a real link (docs/page.md).
    `as=fetch crossorigin` matches how Pyodide fetches the wasm and the zip (cors, same-origin
    credentials), so the preloaded responses are the ones used, never fetched twice.
    CRS_NO_PRELOAD=1 builds without them (for A/B runs of benchmarks/page.py)."""
    if os.environ.get("CRS_NO_PRELOAD"):
        return ""
    pyodide = "{p}" + runtime.pyodide_dir + "/"
    links = ['<link rel="modulepreload" href="{p}%s/%s">' % (runtime.pyscript_dir,
                                                            runtime.pyscript_chunk),
             '<link rel="modulepreload" href="%spyodide.mjs">' % pyodide,
             '<link rel="preload" as="fetch" crossorigin href="%spyodide.asm.wasm">' % pyodide,
             '<link rel="preload" as="fetch" crossorigin href="%s%s">' % (pyodide, runtime.stdlib),
             '<link rel="modulepreload" href="%spyodide.asm.mjs">' % pyodide]
    # In a <template>: inert until static/boot.js moves them into the head after the first
    # paint (static links delayed the first paint by ~0.1 s on 2 cores: the early downloads'
    # decoding competed with rendering).
    return ('<template id="crs-preload">' + "".join(link.replace("{p}", prefix) for link in links)
            + "</template>\n")


TEMPLATE = common.ROOT / "index.html"
_WORD_SLOT = re.compile(r"__CRS_W_([A-Z0-9_]+?)__")


def page_html(lang, prefix, config_url, runtime):
    """index.html filled for `lang`: its words from the catalogue, the form from its
    declaration, the panels, and the runtime's paths (prefix: "" or "../")."""
    other = "fr" if lang == "en" else "en"
    built = datetime.date.today().isoformat()
    footer_rules = T("footer_rules", lang, dates=", ".join(rule_dates()) or "—", built=built)
    text = TEMPLATE.read_text().split("-->\n", 1)[1]      # the template's own comment
    words = {"w_" + key.lower(): esc(T(key.lower(), lang)) for key in _WORD_SLOT.findall(text)}
    return common.fill(
        TEMPLATE.name, text, head=head_open(lang), prefix=prefix, en_href=prefix,
        fr_href=prefix + "fr/", preload=preload_html(prefix, runtime),
        core_js=prefix + runtime.pyscript_dir + "/core.js",
        other=other, other_href=prefix + ("fr/" if other == "fr" else ""),
        status=status_html(lang), form=form_html(lang), result=result_html(lang, True),
        panels=panels_html(lang), save=save_html(lang),
        tool_url=esc(strings.url("official_tool", lang)),
        rounds_url=esc(strings.url("rounds", lang)), footer_rules=esc(footer_rules),
        config=config_url, **words)


def pyscript_config(prefix, runtime):
    # No `files`: our modules come in py/app.zip, fetched early by static/boot.js (see
    # compiled.py); web/main.py is the script's own src.
    return {
        "interpreter": prefix + runtime.pyodide_dir + "/" + runtime.start,
        "plugins": ["!error", "!py-editor", "!py-game", "!py-terminal", "!donkey",
                    "!deprecations-manager", "!codemirror"],
    }


def write(dist, runtime):
    """Both calculator pages and their configs."""
    for lang, sub, prefix in (("en", "", ""), ("fr", "fr/", "../")):
        out = dist / sub
        out.mkdir(parents=True, exist_ok=True)
        (out / "config.json").write_text(json.dumps(pyscript_config(prefix, runtime), indent=1))
        (out / "index.html").write_text(page_html(lang, prefix, "config.json", runtime))
