"""The scenarios panel (web/panels/scenarios.py, crs.scenarios) in both languages: each kind
added from its control, the columns' totals, sections, differing lines and round types equal
the core's for the same documents (computed here with crs), a copy edited through "Load into
the form", the limit of four, a broken scenario said in its column; the scenarios travel in
the exported file, the share link, the language switch and Remember, and nothing is stored
without Remember; axe with the panel filled; screenshots at 375 and 1280 px to
/tmp/shots-scen/ (and tests/screenshots/)."""

import json
from pathlib import Path

import pytest

import crs
from crs import categories, couple
from web import form

from .conftest import SCREENSHOTS, assert_no_sideways_scroll, open_page, poll
from .test_a11y import axe_violations

AS_OF = "2026-11-23"
SHOTS = Path("/tmp/shots-scen")
# Married, both with what a principal applicant needs; the date of birth gives a birthday
# the panel suggests (2027-05-10, age 34). The spouse's age is not a form question: the page
# keeps it as a field of the document (form.extras_of), so the swap has it.
COUPLE = {
    "marital_status": "married", "date_of_birth": "1993-05-10", "education": "bachelors",
    "first_language": {"test": "clb", "speaking": 9, "listening": 9, "reading": 9, "writing": 9},
    "canadian_work_years": 1,
    "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "age": 29,
               "education": "masters", "canadian_work_years": 3,
               "language": {"test": "clb", "speaking": 10, "listening": 10, "reading": 10,
                            "writing": 10}},
}
BIRTHDAY = "2027-05-10"
WORDS = {"en": {"added": "Scenario added", "full": "four scenarios", "removed": "Scenario removed",
                "loaded": "is now in the form", "none": "No scenario yet"},
         "fr": {"added": "Scénario ajouté", "full": "quatre scénarios", "removed": "Scénario retiré",
                "loaded": "est maintenant dans le formulaire", "none": "Aucun scénario"}}


def total_of(doc, as_of=AS_OF):
    return crs.score(doc, as_of=as_of)


def expected_column(doc, as_of=AS_OF):
    """What the core says of a document: total, sections, round types (eligible, undecided)."""
    r = crs.score(doc, as_of=as_of)
    types = categories.categories(doc, as_of=as_of)["round_types"]
    return {"total": str(r["total"]),
            "sections": {k: str(v) for k, v in r["sections"].items()},
            "eligible": " ".join(t["id"] for t in types if t["status"] == "eligible"),
            "unknown": " ".join(t["id"] for t in types if t["status"] == "unknown"),
            "lines": {line["id"]: line["points"] for line in r["lines"]}}


# --- the page's checks on documents that carry scenarios (CPython) ----------------------------

def test_untrusted_documents_with_scenarios():
    """read_untrusted bounds a copy as a profile of its own: a copy may hold a spouse's jobs
    (7 levels from the top), the rest of the document keeps its 4 levels."""
    job = {"where": "canada", "teer": 1, "start": "2022-01-10"}
    deep = dict(COUPLE, spouse=dict(COUPLE["spouse"], work_history=[job] * 3))
    doc = dict(deep, scenarios=[{"kind": "copy", "name": "A", "profile": deep}] * 4)
    assert form.read_untrusted(json.dumps(doc)) == doc
    assert form.decode_share(form.encode_share(doc)) == doc
    for bad, why, path in (
            (dict(COUPLE, spouse={"x": {"y": {"z": {}}}}), "why_nesting", "spouse.x.y.z"),
            (dict(COUPLE, scenarios=[{"kind": "copy", "profile": {"a": {"b": {"c": {"d": {}}}}}}]),
             "why_nesting", "scenarios.0.profile.a.b.c.d"),
            (dict(COUPLE, scenarios=[{"kind": "later", "name": {"a": {"b": 1}}}]),
             "why_nesting", "scenarios.0.name.a"),
            (dict(COUPLE, scenarios=[{"kind": "swapped", "name": "<b>"}]), "why_markup",
             "scenarios.0.name"),
            (dict(COUPLE, scenarios=[{"kind": "swapped"}] * 61), "why_too_large", "scenarios")):
        with pytest.raises(form.Refused) as refused:
            form.read_untrusted(json.dumps(bad))
        assert refused.value.why == why
        with pytest.raises(form.Refused) as refused:
            form.check_outgoing(bad)
        assert (refused.value.why, refused.value.path) == (why, path)
    assert form.split_scenarios(doc) == (deep, doc["scenarios"])
    assert form.split_scenarios(COUPLE) == (COUPLE, [])
    assert form.with_scenarios(COUPLE, []) is COUPLE
    # the language switch carries them with the kept fields
    text = form.encode_switch({}, AS_OF, form.with_scenarios({}, doc["scenarios"]), [], "fr", 0)
    extras = form.decode_switch(text, "fr", 1)[2]
    assert form.split_scenarios(extras) == ({}, doc["scenarios"])


def test_the_largest_document_the_core_reads_fits_the_pages_bound():
    from tests.core.test_scenarios import _full_profile
    full = _full_profile()
    doc = dict(full, scenarios=[{"kind": "copy", "name": "x" * 60, "profile": full}] * 4)
    assert len(json.dumps(doc, ensure_ascii=False)) <= form.MAX_TEXT == crs.MAX_DOCUMENT_BYTES
    assert form.read_untrusted(json.dumps(doc)) == doc


STATE = """() => {
  const t = document.getElementById('scen-table');
  if (!t) return null;
  const cells = tr => [...tr.querySelectorAll('td')];
  const sections = {}, lines = {};
  for (const tr of t.querySelectorAll('tr[data-section]'))
    sections[tr.dataset.section] = cells(tr).map(td => td.dataset.points ?? null);
  for (const tr of t.querySelectorAll('tr[data-line]'))
    lines[tr.dataset.line] = cells(tr).map(td => td.dataset.points ?? null);
  return {
    kinds: [...t.querySelectorAll('thead th[data-col]')].map(th => th.dataset.kind),
    heads: [...t.querySelectorAll('thead th[data-col]')].map(th => th.textContent),
    totals: cells(t.querySelector('tr.scen-total')).map(td => td.dataset.total ?? null),
    problems: cells(t.querySelector('tr.scen-total')).map(td => td.classList.contains('scen-problem') ? td.textContent : null),
    sections, lines,
    rounds: cells(t.querySelector('tr.scen-rounds')).map(td => [td.dataset.eligible ?? null, td.dataset.unknown ?? null]),
    buttons: [...t.querySelectorAll('button[data-scen-action]')].map(b => [b.dataset.scenAction, b.dataset.scen, b.getAttribute('aria-label')]),
  };
}"""


def state(page):
    return page.evaluate(STATE)


def wait_columns(page, n, timeout=20.0):
    """Until the table shows the current answers and `n` scenarios (0: no table)."""
    if n == 0:
        poll(page, "!document.getElementById('scen-table') && "
                   "!document.getElementById('beyond-panels').hidden", timeout)
    else:
        poll(page, "(document.getElementById('scen-table') || {}).dataset?.columns === '%d'"
             % (n + 1), timeout)
    return state(page)


def wait_panel(page, timeout=30.0):
    poll(page, "!document.getElementById('beyond-panels').hidden && "
               "document.querySelectorAll('#scen-whatif option').length > 0", timeout)


def open_doc(page, site_url, lang, doc):
    open_page(page, site_url, lang, "#p=" + form.encode_share(doc))
    wait_panel(page)


def check_column(got, n, want):
    assert got["totals"][n] == want["total"], (n, got["totals"], want["total"])
    for sec, points in want["sections"].items():
        assert got["sections"][sec][n] == points, (n, sec)
    assert got["rounds"][n] == [want["eligible"], want["unknown"]], n


def status(page):
    return page.text_content("#scen-status") or ""


def add_all_four(page):
    page.select_option("#scen-whatif", "nomination")
    page.click("#scen-add-whatif")
    page.select_option("#scen-later", BIRTHDAY)
    page.click("#scen-add-later")
    page.click("#scen-add-swapped")
    page.fill("#scen-name", "Before the retest")
    page.click("#scen-add-copy")
    return wait_columns(page, 4)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_kind_its_columns_are_the_cores_and_a_copy_is_edited_in_the_form(
        page, site_url, lang, console_errors):
    w = WORDS[lang]
    open_doc(page, site_url, lang, dict(COUPLE, as_of=AS_OF))
    assert page.text_content("#scen-body").startswith(w["none"])
    options = page.evaluate("[...document.querySelectorAll('#scen-later option')].map(o => o.value)")
    assert options == [BIRTHDAY, "2027-11-23", "other"]        # birthday, in one year, typed
    got = add_all_four(page)
    assert w["added"] in status(page) and "Before the retest" in status(page)
    assert got["kinds"] == ["current", "what_if", "later", "swapped", "copy"]
    assert "Before the retest" in got["heads"][4]
    docs = [COUPLE, dict(COUPLE, provincial_nomination=True), COUPLE,
            couple.swapped_document(COUPLE), COUPLE]
    days = [AS_OF, AS_OF, BIRTHDAY, AS_OF, AS_OF]
    wants = [expected_column(d, day) for d, day in zip(docs, days)]
    for n, want in enumerate(wants):
        check_column(got, n, want)
    assert [t for t in got["totals"]] == ["419", "1019", "414", "493", "419"]
    # every line that differs in some column, each column's points
    for line_id, points in got["lines"].items():
        assert points == [str(want["lines"][line_id]) for want in wants], line_id
    assert set(got["lines"]) == {i for i in wants[0]["lines"]
                                 if len({want["lines"][i] for want in wants}) > 1}
    # four: the limit said, the controls off
    assert not page.is_hidden("#scen-full") and w["full"] in page.text_content("#scen-full")
    assert page.evaluate("document.activeElement.id") == "scen-full"   # the button went off
    for fid in ("scen-add-whatif", "scen-add-later", "scen-add-swapped", "scen-add-copy"):
        assert page.is_disabled("#" + fid)

    # The form edited: the copy keeps the answers it copied, a what-if follows the form.
    page.fill("#canadian_work_years", "3")
    edited = dict(COUPLE, canadian_work_years=3)
    poll(page, "document.querySelector('#scen-table tr.scen-total td').dataset.total === %r"
         % str(total_of(edited)["total"]))
    got = state(page)
    assert got["totals"][1] == str(total_of(dict(edited, provincial_nomination=True))["total"])
    assert got["totals"][4] == "419"
    # "Load into the form": the copy's answers in the form, the edited ones kept as the copy.
    load = page.locator("#scen-table button[data-scen-action=load]")
    assert "Before the retest" in load.get_attribute("aria-label")
    load.click()
    poll(page, "document.querySelector('#scen-table tr.scen-total td').dataset.total === '419'")
    assert page.input_value("#canadian_work_years") == "1"
    got = state(page)
    assert got["totals"][4] == str(total_of(edited)["total"]) and "Before the retest" in got["heads"][4]
    assert w["loaded"] in status(page)
    # Removing one: three left, the controls on again.
    page.locator("#scen-table button[data-scen-action=remove][data-scen='1']").click()
    got = wait_columns(page, 3)
    assert got["kinds"] == ["current", "what_if", "swapped", "copy"]
    assert w["removed"] in status(page)
    assert page.is_hidden("#scen-full") and not page.is_disabled("#scen-add-copy")
    assert page.evaluate("document.activeElement.id") == "scen-region"
    assert console_errors == []


def test_a_typed_date_with_work_going_on_and_a_single_candidate(page, site_url):
    single = {"marital_status": "never_married", "age": 29, "education": "bachelors",
              "first_language": {"test": "clb", "speaking": 9, "listening": 9, "reading": 9,
                                 "writing": 9}, "foreign_work_years": 3}
    open_doc(page, site_url, "en", dict(single, as_of=AS_OF))
    # no spouse: the swap is off, and the hint says why (the core's words)
    assert page.is_disabled("#scen-add-swapped")
    assert "no spouse" in page.text_content("#scen-swapped-hint")
    page.click("#scen-add-later")                # the first suggestion: in one year
    page.fill("#scen-later-date", "2028-11-23")
    assert page.input_value("#scen-later") == "other"
    page.select_option("#scen-later-work", "canada")
    page.click("#scen-add-later")
    got = wait_columns(page, 2)
    # an age without a date of birth grows with the years; two years more in Canada
    assert got["totals"][1] == str(total_of(dict(single, age=30), "2027-11-23")["total"])
    assert got["totals"][2] == str(total_of(dict(single, age=31, canadian_work_years=2),
                                            "2028-11-23")["total"])
    assert "still working in Canada" in got["heads"][2]
    page.click("#scen-add-later")                # the same one again
    assert "already" in status(page) and wait_columns(page, 2)
    page.fill("#scen-name", "a <b> name")        # a saved file could not hold it: said now
    page.click("#scen-add-copy")
    assert "cannot hold" in status(page) and wait_columns(page, 2)
    assert page.evaluate("document.activeElement.id") == "scen-name"


def test_broken_scenarios_are_said_where_they_are(page, site_url):
    doc = dict(COUPLE, as_of=AS_OF, scenarios=[
        {"kind": "later", "as_of": "2027-02-30"}, {"kind": "copy", "profile": {"age": "x"}},
        {"kind": "what_if", "option": "nomination"}, {"kind": "swapped"},
        {"kind": "swapped", "name": "fifth"}])
    open_doc(page, site_url, "en", doc)
    got = wait_columns(page, 4)
    assert got["totals"][3:] == ["1019", "493"]
    assert "Scenario 1, date" in got["problems"][1]
    assert "Marital status" in got["problems"][2]       # the copy's own errors
    assert page.is_visible("#scen-list-errors")
    assert "5 scenarios, at most 4" in page.text_content("#scen-list-errors")
    assert page.text_content("#status").startswith("Your CRS score")   # the score stands
    page.click("#scen-list-errors button[data-scen-action=clear]")
    wait_columns(page, 0)
    assert page.is_hidden("#scen-list-errors")


def test_they_travel_in_the_file_the_link_the_switch_and_remember_only(page, site_url, tmp_path):
    open_doc(page, site_url, "en", dict(COUPLE, as_of=AS_OF))
    page.select_option("#scen-whatif", "nomination")
    page.fill("#scen-name", "Nominated")
    page.click("#scen-add-whatif")
    page.click("#scen-add-copy")
    before = wait_columns(page, 2)
    # the copy holds the form's answers (its defaults written out) and the kept spouse's age
    copied = form.with_extras(form.profile_from_fields(form.fields_from_profile(COUPLE)),
                              form.extras_of(COUPLE))
    want = [{"kind": "what_if", "option": "nomination", "name": "Nominated"},
            {"kind": "copy", "profile": copied}]
    # the file
    with page.expect_download() as info:
        page.click("#export")
    saved = tmp_path / "profile.json"
    info.value.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["scenarios"] == want and exported["as_of"] == AS_OF
    assert crs.score(exported, as_of=AS_OF)["total"] == 419     # a valid document
    # the link
    page.click("#make-share")
    link = page.input_value("#share-link")
    assert form.decode_share(link.split("#", 1)[1])["scenarios"] == want
    # nothing stored so far (no Remember): local and session storage, IndexedDB
    assert stored_answers(page) == []
    # a reload without Remember: nothing left, answers or scenarios
    page.reload()
    poll(page, "document.documentElement.getAttribute('data-crs-ready') === 'true'", 60)
    assert page.input_value("#canadian_work_years") == "" and stored_answers(page) == []
    assert page.evaluate("document.getElementById('scen-table')") is None
    # the link restores them, in French too
    page.goto("about:blank")
    open_page(page, site_url, "fr", "#" + link.split("#", 1)[1])
    got = wait_columns(page, 2)
    assert got["totals"] == before["totals"] and "Nominated" in got["heads"][1]
    # the language switch carries them back
    page.click("#other-lang")
    poll(page, "document.documentElement.getAttribute('data-crs-ready') === 'true' && "
               "document.documentElement.lang === 'en-CA'", 60)
    wait_panel(page)
    assert wait_columns(page, 2)["totals"] == before["totals"]
    # the file restores them over other answers
    page.locator("#scen-table button[data-scen-action=remove][data-scen='0']").click()
    wait_columns(page, 1)
    page.set_input_files("#import", str(saved))
    assert wait_columns(page, 2)["totals"] == before["totals"]
    # Remember stores them with the answers, and a reload restores them
    assert stored_answers(page) == []
    page.click("#remember")
    assert stored_answers(page) == ["storage"]          # the check sees what is there
    assert json.loads(page.evaluate("localStorage.getItem('crs-calculator-profile')"))[
        "scenarios"] == want
    page.reload()
    wait_panel(page)
    assert wait_columns(page, 2)["totals"] == before["totals"]
    page.click("#forget")
    assert stored_answers(page) == []


def stored_answers(page):
    """What the page holds in local storage, session storage and IndexedDB that names an
    answer or a scenario (the marker words of the test's documents)."""
    return page.evaluate("""async () => {
        const found = [];
        const marks = ['Nominated', 'nomination', 'bachelors', 'masters', 'scenarios'];
        const look = (where, text) => { if (marks.some(m => String(text).includes(m))) found.push(where); };
        for (const store of [localStorage, sessionStorage])
            for (let i = 0; i < store.length; i++) look('storage', store.key(i) + store.getItem(store.key(i)));
        for (const db of (await indexedDB.databases())) {
            const open = await new Promise(ok => { const r = indexedDB.open(db.name); r.onsuccess = () => ok(r.result); r.onerror = () => ok(null); });
            if (!open) continue;
            for (const name of open.objectStoreNames) {
                const all = await new Promise(ok => { const r = open.transaction(name).objectStore(name).getAll(); r.onsuccess = () => ok(r.result); r.onerror = () => ok([]); });
                look('indexeddb:' + db.name, JSON.stringify(all));
            }
            open.close();
        }
        return found;
    }""")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_axe_and_screenshots_with_four_scenarios(page, site_url, lang):
    doc = dict(COUPLE, as_of=AS_OF, scenarios=[
        {"kind": "what_if", "option": "nomination"}, {"kind": "later", "as_of": BIRTHDAY},
        {"kind": "swapped", "name": "Spouse first"},
        {"kind": "copy", "name": "Retest", "profile": dict(COUPLE, canadian_work_years=2)}])
    SHOTS.mkdir(parents=True, exist_ok=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        open_doc(page, site_url, lang, doc)
        got = wait_columns(page, 4)
        assert got["totals"][1:] == [str(total_of(dict(COUPLE, provincial_nomination=True))["total"]),
                                     str(total_of(COUPLE, BIRTHDAY)["total"]),
                                     str(total_of(couple.swapped_document(COUPLE))["total"]),
                                     str(total_of(dict(COUPLE, canadian_work_years=2))["total"])]
        assert_no_sideways_scroll(page, width)
        region = page.evaluate("""() => { const r = document.getElementById('scen-region');
            return {role: r.getAttribute('role'), tab: r.tabIndex, label: r.getAttribute('aria-labelledby'),
                    scrolls: r.scrollWidth > r.clientWidth}; }""")
        assert region["role"] == "region" and region["tab"] == 0 and region["label"]
        assert region["scrolls"] == (width == 375)      # sideways inside its region only
        if width == 1280:
            violations = axe_violations(page)
            assert violations == [], violations
        for where in (SHOTS, SCREENSHOTS):
            page.locator("#panel-scenarios").screenshot(
                path=str(where / ("scenarios-%s-%d.png" % (lang, width))))
        page.goto("about:blank")
