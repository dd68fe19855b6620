"""Printing ("Print or save as PDF", static/site.css @media print): Chromium's own PDF printing
of the page (page.pdf, as "Save as PDF" does), read back with Debian's poppler-utils (pdfinfo,
pdftotext, pdftoppm; `python build.py test` installs them): one or two A4 or Letter pages in
the page's language with the total, every line with its points, maximum and article, the rule
set and its date, the day printed, the data dates, warnings, eligibility and round types, the
disclaimer; no button, input or form label. Screenshots: print emulation at 375 and 1280 px,
and each PDF page as PNG, in tests/screenshots/."""

import datetime
import re
import shutil
import subprocess

import pytest

from crs import formats, rules
from web import form, strings

from .conftest import DIST, SCREENSHOTS, assert_no_sideways_scroll, open_page, poll
from .people import type_profile, wait_total
from .test_panels import FSW, FSW_TOTAL, wait_panels

POPPLER = all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext", "pdftoppm"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="no poppler-utils (pdftotext, pdfinfo): "
                                   "run python build.py test, which installs them")

# Married, both languages and the spouse's with dates, two jobs, submitted: eligible for the
# three programs and several round types, the longest timeline: the most a printout holds.
RICH = {
    "marital_status": "married", "date_of_birth": "1992-08-20", "education": "masters",
    "eca_date": "2023-03-01",
    "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "education": "bachelors",
               "eca_date": "2022-05-01", "canadian_work_years": 1,
               "language": {"test": "celpip_g", "speaking": 8, "listening": 8, "reading": 8,
                            "writing": 8, "test_date": "2025-09-01"}},
    "first_language": {"test": "ielts_gt", "speaking": 7.0, "listening": 8.0, "reading": 7.0,
                       "writing": 7.0, "test_date": "2025-04-02"},
    "second_language": {"test": "tef_canada", "speaking": 350, "listening": 300,
                        "reading": 300, "writing": 350, "test_date": "2025-06-01"},
    "canadian_work_years": 1, "foreign_work_years": 3, "certificate_of_qualification": True,
    "canadian_education": "one_or_two_year", "sibling_in_canada": True,
    "work_history": [{"where": "canada", "teer": 2, "noc": "72010", "start": "2024-09-01",
                      "end": None, "hours_per_week": 40},
                     {"where": "abroad", "teer": 1, "noc": "21231", "start": "2019-01-04",
                      "end": "2024-06-30", "hours_per_week": 40}],
    "settlement_funds": 30000, "family_size": 2, "intends_to_live_in_quebec": False,
    "submitted_at": "2026-05-02T10:30:00-04:00", "as_of": "2026-11-23",
}
RICH_TOTAL = "508"
# The same couple with the spouse's principal-applicant facts: the couple panel then prints
# both totals (its facts do not change the score as filed).
COUPLE = dict(RICH, spouse=dict(RICH["spouse"], age=31, foreign_work_years=2, work_history=[
    {"where": "canada", "teer": 2, "noc": "32101", "start": "2025-06-01", "end": None,
     "hours_per_week": 37.5}]))
# And with two scenarios kept (they travel in the link): their table prints across the page.
SCENARIOS = dict(COUPLE, scenarios=[{"kind": "swapped"},
                                    {"kind": "later", "as_of": "2027-11-23"}])
# Four scenarios, the most: the table takes the page's width.
FOUR = dict(SCENARIOS, scenarios=SCENARIOS["scenarios"] + [
    {"kind": "what_if", "option": "nomination"},
    {"kind": "copy", "name": "Three years in Canada",
     "profile": dict({k: v for k, v in COUPLE.items() if k != "as_of"}, canadian_work_years=3)}])
PROFILES = {"fsw": (FSW, FSW_TOTAL), "rich": (RICH, RICH_TOTAL), "couple": (COUPLE, RICH_TOTAL),
            "scenarios": (SCENARIOS, RICH_TOTAL), "four": (FOUR, RICH_TOTAL)}

WORDS = {
    "en": {"rules": "in force since March 25, 2025: Ministerial Instructions respecting the "
                    "Express Entry system, as amended",
           "as_of": "Scored as of November 23, 2026", "rounds": "Round data as of",
           "categories": "Category set in force: 2026 (from February 18, 2026)",
           "fsw": "Federal Skilled Worker Program", "eligible": "Eligible",
           "general": "All programs (general round)", "warning": "At your next birthday",
           "article": "Article", "timeline": "Timeline", "whatif": "What would raise your score"},
    "fr": {"rules": "en vigueur depuis le 25 mars 2025 : Instructions ministérielles concernant "
                    "le système Entrée express, modifiées",
           "as_of": "Évaluation au 23 novembre 2026", "rounds": "Données des rondes au",
           "categories": "Ensemble de catégories en vigueur : 2026 (depuis le 18 février 2026)",
           "fsw": "Programme des travailleurs qualifiés (fédéral)", "eligible": "Admissible",
           "general": "Tous les programmes (ronde générale)", "warning": "À votre prochain anniversaire",
           "article": "Disposition", "timeline": "Chronologie",
           "whatif": "Ce qui ferait monter votre note"},
}


def flat(text):
    """pdftotext's text with every run of spaces (the narrow no-break space of French numbers
    too) and line break as one space, and words cut at a line's end joined."""
    text = text.replace("\u00ad", "").replace("-\n", "-")
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


def pdf_facts(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout, re.M).groups()
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return pages, tuple(float(x) for x in size), text


def browser_today(page):
    y, m, d = page.evaluate("(() => { const d = new Date();"
                            " return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; })()")
    return datetime.date(y, m, d)


def interactive_words(page):
    """The words of everything a printout must not hold: the form's labels, legends and hints,
    every button, the date input's label; but those the panels also say in their text (the
    timeline's "Date d'évaluation : 30 ans" is the as-of field's label too)."""
    return page.evaluate("""() => {
        const norm = t => t.replace(/\\s+/g, ' ').trim();
        const shown = norm(document.getElementById('beyond-panels').textContent);
        return [...document.querySelectorAll(
            '#crs-form label, #crs-form legend, #crs-form .hint, button, label[for]')]
            .map(e => norm(e.textContent)).filter(t => t.length > 0 && !shown.includes(t)); }""")


@needs_poppler
@pytest.mark.parametrize("who", ["fsw", "rich", "couple", "scenarios", "four"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_printout(page, site_url, lang, who, tmp_path):
    doc, total = PROFILES[who]
    w = WORDS[lang]
    open_page(page, site_url, lang, "#p=" + form.encode_share(doc))
    wait_total(page, total)
    wait_panels(page)
    poll(page, "document.getElementById('print-rounds').textContent.length > 0")
    if doc.get("scenarios"):
        poll(page, "!!document.getElementById('scen-table')", 30)
    result = page.evaluate("""() => [...document.querySelectorAll('#breakdown tr[data-line]')]
        .filter(r => !r.hidden).map(r => [r.getAttribute('data-line'),
            r.querySelector('td.pts').textContent, r.querySelector('td.ref').textContent])""")
    assert len(result) >= 19
    never = [t for t in interactive_words(page) if len(t) >= 4]
    today = formats.date(browser_today(page), lang)
    rule_set = rules.DEFAULT.by_id["2025-03-25"]
    for fmt, size in (("A4", (595, 842)), ("Letter", (612, 792))):
        path = tmp_path / ("%s-%s-%s.pdf" % (who, lang, fmt))
        page.pdf(path=str(path), format=fmt)
        pages, page_size, raw = pdf_facts(path)
        text = flat(raw)
        assert pages in (1, 2), (fmt, pages)
        assert all(abs(a - b) < 2 for a, b in zip(page_size, size)), page_size     # in points
        # The total, its sections and every line: points / maximum, and the article.
        number = formats.integer(int(total), lang)
        assert re.search(r"\b%s\b" % number, text)
        assert "%s / 1 200" % number in text if lang == "fr" else "%s / 1,200" % number in text
        for line_id, points, ref in result:
            assert points in text, (line_id, points)
            assert ref and ref == formats.article(_ref(rule_set, line_id), lang)
            assert ref.replace("\u202f", " ") in text, (line_id, ref)
        assert w["article"] in text
        # The facts of the printout: the day printed, the rule set and its date, the data dates.
        assert strings.t("print_date", lang, date=today) in text
        assert w["rules"] in text and w["as_of"] in text
        assert w["rounds"] in text and w["categories"] in text
        # Warnings, eligibility, what-ifs, the timeline, round types, the disclaimer.
        # (with scenarios, the what-ifs and the timeline stay on the page: each can be a
        # scenario's column; static/site.css says what else is left out then)
        for key in ("warning", "fsw", "eligible", "general") + (
                () if doc.get("scenarios") else ("timeline", "whatif")):
            assert w[key] in text, key
        if who == "couple":     # both totals of the couple, and the reminder
            table = page.locator("#couple-table")
            for attr in ("data-as-filed", "data-swapped"):
                assert flat(formats.integer(int(table.get_attribute(attr)), lang)) in text
            assert flat(page.text_content("#couple-reminder")) in text
        if who in ("scenarios", "four"):    # each scenario's total, computed by the core
            import crs
            from crs import scenarios
            reading, _ = crs.read(doc, lang=lang)
            for column in scenarios.columns(reading)["columns"]:
                assert flat(formats.integer(int(column["score"]["total"]), lang)) in text
        assert flat(strings.t("footer_disclaimer", lang)) in text
        # Nothing interactive: no button, no input's label, legend or hint.
        printed = [t for t in never if flat(t) in text]
        assert printed == [], printed
        for key in ("b_print", "b_export", "b_share", "timeline_ics", "h_as_of", "beyond_link"):
            assert strings.t(key, lang) not in text, key
        # Each page as a picture (looked at, not compared).
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(path),
                        str(SCREENSHOTS / ("print-%s-%s-%s" % (who, lang, fmt)))], check=True)


def _ref(rule_set, line_id):
    return next(line.ref for line in rule_set.lines if line.id == line_id)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_print_button(page, site_url, lang):
    """A real <button> by the total, enabled once Python runs: it calls the browser's own
    window.print() (stubbed here: headless Chromium prints nothing) after writing today's
    date into the printout."""
    open_page(page, site_url, lang)
    type_profile(page, {k: v for k, v in FSW.items() if k != "work_history"
                        and k not in form.OPTIONAL_IDS}, as_of="2026-11-23")
    wait_total(page, FSW_TOTAL)
    button = page.locator("#print-page")
    assert button.evaluate("b => b.tagName") == "BUTTON" and button.is_enabled()
    assert button.text_content() == strings.t("b_print", lang)
    # Near the result: inside it, right after the total and the rules line.
    assert page.evaluate("document.getElementById('rules-line').nextElementSibling"
                         ".contains(document.getElementById('print-page'))")
    page.evaluate("window.__printed = 0; window.print = () => { window.__printed += 1; };"
                  "document.getElementById('print-date').textContent = '';")
    button.click()
    assert page.evaluate("window.__printed") == 1
    today = formats.date(browser_today(page), lang)
    assert page.text_content("#print-date") == strings.t("print_date", lang, date=today)
    # The printout's lines are not on the screen (nor read out): print only.
    assert not page.is_visible("#print-facts") and not page.is_visible("#breakdown td.ref")
    # Ctrl+P (the browser's own menu) refreshes the date as well: `beforeprint`.
    page.evaluate("document.getElementById('print-date').textContent = '';"
                  "window.dispatchEvent(new Event('beforeprint'))")
    assert page.text_content("#print-date") == strings.t("print_date", lang, date=today)


def test_the_embed_has_no_print_button():
    assert 'id="print-page"' in (DIST / "index.html").read_text(encoding="utf-8")
    assert 'id="print-page"' in (DIST / "fr" / "index.html").read_text(encoding="utf-8")
    for path in ("embed/index.html", "embed/fr/index.html"):
        text = (DIST / path).read_text(encoding="utf-8")
        assert 'id="print-page"' not in text and 'id="print-facts"' not in text


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("width", [375, 1280])
def test_print_screenshots(browser, site_url, lang, width):
    """The print stylesheet at a phone's and a desktop's width (print emulation): nothing wider
    than the page, the form and buttons gone, the printout's lines shown."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        open_page(page, site_url, lang, "#p=" + form.encode_share(RICH))
        wait_total(page, RICH_TOTAL)
        wait_panels(page)
        poll(page, "document.getElementById('print-rounds').textContent.length > 0")
        page.locator("#result").screenshot(
            path=str(SCREENSHOTS / ("%s-%d-print-button.png" % (lang, width))))
        page.emulate_media(media="print")
        assert_no_sideways_scroll(page, width)
        assert page.is_visible("#print-facts") and page.is_visible("#breakdown td.ref")
        for selector in ("#crs-form", "#print-page", "#timeline-ics", "#save", ".site-header",
                         "#timeline-svg", "#rounds-chart"):
            assert not page.is_visible(selector), selector
        page.screenshot(path=str(SCREENSHOTS / ("%s-%d-print.png" % (lang, width))),
                        full_page=True)
    finally:
        context.close()
