"""The embed (docs/embed.md): static/embed.js on a partner page from a SECOND origin.

The partner is served by its own server on another port and under another host name
(`localhost` vs our `127.0.0.1`: another site, as on the web), with a strict CSP (our origin
only in script-src and frame-src) and a hostile stylesheet. The calculator runs in the frame;
the partner gets heights always and the score only when it asked and the person ticked the box.
"""

import gzip
import http.server
import threading
import time
from urllib.parse import quote

import pytest

from tools.build import headers as build_headers

from .conftest import DIST, poll, wait_ready
from .people import type_profile, wait_total

E1 = {"marital_status": "never_married", "age": 29, "education": "bachelors",
      "first_language": {"test": "ielts_gt", "speaking": 7.0, "listening": 8.0, "reading": 7.0,
                         "writing": 7.0},
      "foreign_work_years": 3}
E1_TOTAL = "429"

HOSTILE_CSS = """input, select, label { display: none !important; }
* { color: red !important; font-family: fantasy !important; }
[data-crs-calculator], crs-calculator { --crs-accent: #8a1538; --crs-font: Georgia, serif; }
"""
PARTNER_JS = """window.__scores = []; window.__messages = [];
addEventListener("message", (e) => {
  const frame = document.querySelector("[data-crs-calculator] iframe, crs-calculator iframe");
  window.__messages.push({origin: e.origin, own: !!frame && e.source === frame.contentWindow,
                          data: JSON.parse(JSON.stringify(e.data))});
});
document.addEventListener("crs:score", (e) => window.__scores.push(e.detail));
"""
PAGES = {
    "/": '<div id="calc" data-crs-calculator data-share-score data-as-of="2026-11-23"></div>',
    "/decoy": ('<div id="calc" data-crs-calculator data-share-score data-as-of="2026-11-23"></div>'
               '<button id="decoy">Win a prize</button><div id="cover"></div>'),
    "/noshare": '<div id="calc" data-crs-calculator data-as-of="2026-11-23"></div>',
    "/fr": '<crs-calculator id="calc" lang="fr" compact></crs-calculator>',
}


def partner_html(ours, body):
    return ("""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<link rel="stylesheet" href="/hostile.css"><script src="/partner.js"></script>
<script src="%sstatic/embed.js" defer></script></head>
<body><h1>A partner's page</h1>%s<p>After the calculator.</p></body></html>""" % (ours, body))


@pytest.fixture(scope="module")
def partner(site_url):
    """A partner site on another origin: http://localhost:PORT/ (ours is 127.0.0.1)."""
    ours = site_url.rstrip("/")
    csp = ("default-src 'self'; script-src 'self' %s; frame-src %s; style-src 'self'; "
           "connect-src 'self'; img-src 'self'; object-src 'none'" % (ours, ours))
    files = {path: ("text/html", partner_html(site_url, body)) for path, body in PAGES.items()}
    files["/hostile.css"] = ("text/css", HOSTILE_CSS)
    files["/partner.js"] = ("text/javascript", PARTNER_JS)

    class Partner(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            kind, body = files.get(self.path.split("?")[0], ("text/plain", None))
            data = (body or "not found").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", kind + "; charset=utf-8")
            self.send_header("Content-Security-Policy", csp)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Partner)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield "http://localhost:%d" % server.server_address[1]
    server.shutdown()
    server.server_close()


def embed_frame(page, site_url, timeout=30.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for frame in page.frames:
            if frame.url.startswith(site_url + "embed/"):
                return frame
        page.wait_for_timeout(50)
    raise AssertionError("no embed frame")


def child_frame(page, selector, timeout=30.0):
    """The document in the iframe `selector` once it has left about:blank."""
    handle = page.wait_for_selector(selector, state="attached")
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        frame = handle.content_frame()
        if frame and frame.url.startswith("http"):
            return frame
        page.wait_for_timeout(50)
    raise AssertionError("no document in " + selector)


def requesting_frame(request):
    """The URL of the frame that made `request` ("" for a new window's first navigation, which
    Playwright makes before the window has a frame)."""
    try:
        return request.frame.url
    except Exception:
        return ""


def iframe_height(page):
    return page.evaluate("document.querySelector('#calc iframe').getBoundingClientRect().height")


def test_embed_in_a_partner_page(page, context, site_url, partner):
    ours = site_url.rstrip("/")
    requests = []
    context.on("request", lambda r: requests.append((r.url, requesting_frame(r))))
    page.goto(partner + "/")
    frame = wait_ready(embed_frame(page, site_url))
    iframe = page.locator("#calc iframe")
    assert iframe.get_attribute("title") == "CRS score calculator"
    assert iframe.get_attribute("srcdoc") is None
    src = iframe.get_attribute("src")
    assert src.startswith(site_url + "embed/?") and "host=" + quote(partner, safe="") in src

    # The partner's hostile stylesheet does not reach into the frame; its theme does, through
    # validated URL parameters.
    assert frame.is_visible("#age") and frame.is_visible("#marital_status")
    assert frame.evaluate("getComputedStyle(document.body).color") != "rgb(255, 0, 0)"
    assert frame.evaluate("document.documentElement.style.getPropertyValue('--accent')") == "#8a1538"
    assert frame.evaluate("getComputedStyle(document.body).fontFamily").replace('"', "").startswith(
        "Georgia, serif")
    assert frame.input_value("#as_of") == "2026-11-23"

    # Fill it; the score appears in the frame. Nothing reaches the partner without consent.
    type_profile(frame, E1)
    wait_total(frame, E1_TOTAL)
    assert frame.is_visible("#embed-share")
    assert "localhost" in frame.text_content("#embed-share-host")
    assert page.evaluate("window.__scores") == []

    # Auto-height: the iframe takes the frame's height in steps (fault 19), and follows it.
    step = frame.evaluate("import('../static/embed-frame.js').then(m => m.HEIGHT_STEP)")
    body = frame.evaluate("Math.ceil(document.body.getBoundingClientRect().height)")
    poll(page, "Math.abs(document.querySelector('#calc iframe').getBoundingClientRect().height"
               " - %d) < 2" % (-(-body // step) * step))
    before = iframe_height(page)
    assert before > 1000
    frame.select_option("#marital_status", "married")       # spouse questions appear
    poll(page, "document.querySelector('#calc iframe').getBoundingClientRect().height > %d"
         % (before + 100))

    # Consent: the total and sections only, versioned, from our origin and our frame.
    frame.select_option("#marital_status", "never_married")
    wait_total(frame, E1_TOTAL)
    with page.context.expect_page() as asked:             # fault 3: asked in a window of ours
        frame.check("#embed-consent")
    consent = asked.value
    consent.wait_for_load_state()
    assert consent.url.startswith(site_url + "embed/consent.html?")
    assert consent.text_content("#consent-question") == "Send your CRS score to %s?" % partner
    page.wait_for_timeout(300)
    assert page.evaluate("window.__scores.filter(s => s.total !== null)") == []
    answer(consent, "#consent-yes")
    scores = poll(page, "window.__scores.some(s => s.total !== null) && window.__scores")
    import crs
    expected = crs.score(E1, as_of="2026-11-23")
    assert scores[-1] == {"v": 1, "total": 429, "sections": expected["sections"],
                          "rules": "2025-03-25", "as_of": "2026-11-23"}
    frame.check("#sibling_in_canada")
    poll(page, "window.__scores.length >= 2 && window.__scores.at(-1).total === 444")
    frame.uncheck("#embed-consent")                       # withdrawn: a 'no score' message
    poll(page, "window.__scores.at(-1).total === null")
    messages = page.evaluate("window.__messages")
    assert {m["origin"] for m in messages} == {ours}
    assert all(m["own"] for m in messages)
    assert {m["data"]["type"] for m in messages} == {"crs:height", "crs:score"}
    for m in messages:
        assert set(m["data"]) <= {"type", "v", "height", "total", "sections", "rules", "as_of"}

    # No request from inside the frame leaves our origin; the page only asks us and itself.
    framed = [u for u, f in requests if f.startswith(site_url)]
    assert framed and all(u.startswith(site_url) for u, f in requests if f.startswith(site_url))
    assert all(u.startswith((site_url, partner + "/", "data:")) for u, _ in requests)
    assert context.cookies() == []


def test_messages_from_elsewhere_are_ignored(page, site_url, partner):
    page.goto(partner + "/")
    frame = wait_ready(embed_frame(page, site_url))
    poll(page, "window.__messages.some(m => m.data.type === 'crs:height')")
    # From the partner's own origin (or any origin but ours): ignored.
    page.evaluate("""() => {
        postMessage({type: 'crs:height', v: 1, height: 77}, '*');
        postMessage({type: 'crs:score', v: 1, total: 1, sections: {core: 1, spouse: 0,
                     transferability: 0, additional: 0}, rules: null, as_of: null}, '*');
    }""")
    # From our origin but another frame than the calculator's own iframe: ignored too.
    page.evaluate("""src => { const f = document.createElement('iframe');
        f.id = 'intruder'; f.style.width = '200px'; f.src = src; document.body.append(f); }""",
                  site_url + "embed/?host=" + partner + "&compact=1")
    poll(page, "window.__messages.some(m => !m.own && m.data.type === 'crs:height' && "
               "m.origin === %r)" % site_url.rstrip("/"), 30)
    time.sleep(0.3)
    # The iframe follows its own frame's latest height (which may legitimately change as the
    # calculator finishes laying out), never the partner's 77 nor the intruder's.
    own = page.evaluate("window.__messages.filter(m => m.own && m.data.type === 'crs:height')"
                        ".map(m => m.data.height)")
    foreign = page.evaluate("window.__messages.filter(m => !m.own && m.data.type === 'crs:height')"
                            ".map(m => m.data.height)")
    assert abs(iframe_height(page) - own[-1]) < 2, (iframe_height(page), own, foreign)
    assert page.evaluate("window.__scores") == []
    # A frame told to report to another host neither offers to share nor reaches us.
    page.evaluate("""src => { const f = document.createElement('iframe'); f.id = 'liar';
        f.src = src; document.body.append(f); }""",
                  site_url + "embed/?host=https://evil.example&share=1")
    liar = child_frame(page, "#liar")
    poll(liar, "document.readyState === 'complete'")
    assert liar.is_hidden("#embed-share")
    assert frame.is_visible("#embed-share")


def test_hostile_options_are_dropped(page, site_url, partner):
    page.goto(partner + "/noshare")
    frame = wait_ready(embed_frame(page, site_url))
    assert frame.is_hidden("#embed-share")                  # not asked: no consent box
    bad = ("embed/?host=" + partner + "&accent=red;background:url(https://evil.example/x)"
           "&font=%22x%3C/style%3E%3Cscript%20type=py%3Eimport%20js%3C/script%3E&as_of=2026-02-30"
           "&compact=%3Cb%3E&share=yes")
    page.evaluate("""src => { const f = document.createElement('iframe'); f.id = 'bad';
        f.src = src; document.body.append(f); }""", site_url + bad)
    hostile = wait_ready(child_frame(page, "#bad"))
    assert hostile.evaluate("document.documentElement.getAttribute('style')") is None
    assert hostile.evaluate("document.querySelectorAll('script[type=py]').length") == 1
    assert hostile.evaluate("document.documentElement.classList.contains('embed-compact')") is False
    assert hostile.input_value("#as_of") != "2026-02-30"
    assert hostile.is_hidden("#embed-share")
    # The validators themselves (static/embed-frame.js).
    checks = hostile.evaluate("""async () => {
        const m = await import('../static/embed-frame.js');
        return {
          colour: ['#abc', '#A1B2C3', 'red', '#abcd', '#abc;x', 'url(x)'].map(m.colour),
          font: ['Georgia, serif', "'Fira Sans'", 'system-ui', 'x</style>', 'a;b', 'a,b,c,d,e',
                 'expression(alert(1))'].map(m.font),
          origin: ['https://a.example', 'https://a.example/', 'javascript:alert(1)',
                   'http://localhost:8000', 'null'].map(m.origin),
          date: ['2026-11-23', '2026-02-30', '2026-1-1', '1900-01-01', '1899-12-31',
                 '2100-12-31', '2101-01-01', '9999-12-31', '0001-01-01'].map(m.date),
          readable: m.readable('#ffff00')[0],
        };
    }""")
    assert checks["colour"] == ["#abc", "#a1b2c3", None, None, None, None]
    assert checks["font"] == ['"Georgia", serif', '"Fira Sans", sans-serif', "system-ui", None,
                              None, None, None]
    assert checks["origin"] == ["https://a.example", None, None, "http://localhost:8000", None]
    assert checks["date"] == ["2026-11-23", None, None, "1900-01-01", None, "2100-12-31", None,
                              None, None]                  # fault 15: the 1900-2100 rule
    assert checks["readable"] != "#ffff00"                 # darkened for 4.5:1 on white


def test_custom_element_in_french_compact(page, site_url, partner):
    page.goto(partner + "/fr")
    frame = wait_ready(embed_frame(page, site_url))
    assert frame.url.startswith(site_url + "embed/fr/?")
    assert page.get_attribute("crs-calculator iframe", "title") == "Calculateur de la note SCG"
    assert frame.evaluate("document.documentElement.lang") == "fr-CA"
    assert frame.evaluate("document.documentElement.classList.contains('embed-compact')")
    assert frame.is_hidden("#embed-share")
    # The language link keeps the options.
    href = frame.get_attribute("#other-lang", "href")
    assert href.startswith("../../embed/?") and "compact=1" in href and "host=" in href


def test_frame_ancestors(page, site_url, partner, monkeypatch):
    import urllib.request
    with urllib.request.urlopen(site_url + "embed/") as r:
        assert r.headers["Content-Security-Policy"].endswith("; frame-ancestors *")
    with urllib.request.urlopen(site_url) as r:
        assert r.headers["Content-Security-Policy"].endswith("; frame-ancestors 'self'")
    headers = (DIST / "_headers").read_text()
    assert "/embed/\n  Content-Security-Policy: " in headers and "frame-ancestors *" in headers
    assert build_headers.frame_ancestors("https://a.example https://*.b.example:8443") == (
        "'self' https://a.example https://*.b.example:8443")
    with pytest.raises(SystemExit):
        build_headers.frame_ancestors("https://a.example; script-src *")
    # A partner not on the allow-list cannot frame the calculator (the server reads the list).
    monkeypatch.setenv("CRS_FRAME_ANCESTORS", "https://partner.example")
    page.goto(partner + "/noshare")
    blocked = page.locator("#calc iframe").element_handle(timeout=10000)
    end = time.monotonic() + 10
    while time.monotonic() < end and not blocked.content_frame().url.startswith("chrome-error:"):
        page.wait_for_timeout(50)
    assert blocked.content_frame().url.startswith("chrome-error:")


def test_docs_page_and_copy(page, context, site_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    for path, lang in (("embed.html", "en"), ("fr/embed.html", "fr")):
        page.goto(site_url + path)
        snippet = page.text_content("#embed-snippet")
        assert snippet.startswith('<script src="%sstatic/embed.js" defer></script>' % site_url)
        assert 'data-lang="%s"' % lang in snippet
        page.click("#copy-snippet")
        poll(page, "document.getElementById('copy-status').textContent")
        assert page.evaluate("navigator.clipboard.readText()") == snippet
        src = page.get_attribute(".embed-example iframe", "src")
        assert src.startswith(site_url + ("embed/fr/?" if lang == "fr" else "embed/?"))


def test_embed_js_is_small():
    data = (DIST / "static" / "embed.js").read_bytes()
    assert len(gzip.compress(data, 9)) < 5 * 1024


# Faults found by attacking the embed from a partner's side (issue 12) -------------------------

def answer(consent, button):
    """Click an answer in the consent window, which closes itself on the click: the close can
    land before Playwright hears back from the click, so a closed target is the expected end
    here, and the window must be closed either way."""
    from playwright.sync_api import Error
    try:
        consent.click(button, no_wait_after=True)
    except Error:
        if not consent.is_closed():
            raise
    if not consent.is_closed():
        consent.wait_for_event("close", timeout=10_000)
    assert consent.is_closed()


def consent_point(page, frame):
    """Where the consent box is on the partner's page (scrolled into view)."""
    frame.locator("#embed-consent").scroll_into_view_if_needed()
    box = frame.locator("#embed-consent").bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_consent_cannot_be_clickjacked(page, site_url, partner):
    """3: a nearly transparent frame under a decoy: the click ticks the box, but nothing is
    sent; the question comes up in a window of ours, which the partner cannot hide, and only
    its "Send my score" sends. "Do not send" (or closing it) unticks the box."""
    page.goto(partner + "/decoy")
    frame = wait_ready(embed_frame(page, site_url))
    type_profile(frame, E1)
    wait_total(frame, E1_TOTAL)
    x, y = consent_point(page, frame)
    page.evaluate("document.querySelector('#calc iframe').style.opacity = '0.0001'")
    with page.context.expect_page() as asked:
        page.mouse.click(x, y)                             # the decoy's click
    consent = asked.value
    consent.wait_for_load_state()
    page.mouse.click(x, y + 40)                            # and a second decoy click
    page.wait_for_timeout(1500)
    assert [s for s in page.evaluate("window.__scores") if s["total"] is not None] == []
    assert consent.is_visible("#consent-yes") and partner in consent.text_content("h1")
    answer(consent, "#consent-no")
    poll(frame, "!document.getElementById('embed-consent').checked")
    assert [s for s in page.evaluate("window.__scores") if s["total"] is not None] == []
    # Asked again, closed without an answer: unticked, nothing sent.
    with page.context.expect_page() as asked:
        page.mouse.click(x, y)
    asked.value.wait_for_load_state()
    asked.value.close()
    poll(frame, "!document.getElementById('embed-consent').checked")
    # A window of the partner's own cannot answer for ours.
    with page.context.expect_page() as asked:
        page.mouse.click(x, y)
    ours = asked.value
    ours.wait_for_load_state()
    page.evaluate("""() => { const w = document.querySelector('#calc iframe').contentWindow;
        w.postMessage({type: 'crs:consent', v: 1, yes: true}, '*'); }""")
    page.wait_for_timeout(500)
    assert [s for s in page.evaluate("window.__scores") if s["total"] is not None] == []
    answer(ours, "#consent-yes")
    poll(page, "window.__scores.some(s => s.total === %s)" % E1_TOTAL)
    assert frame.is_checked("#embed-consent")


def test_consent_without_a_window_needs_a_second_click_a_second_later(page, site_url, partner):
    """3, where the window cannot open (a popup blocker): a confirmation button below the box,
    deaf for a second after it appears."""
    page.goto(partner + "/")
    frame = wait_ready(embed_frame(page, site_url))
    frame.evaluate("window.open = () => null")             # as a popup blocker answers
    type_profile(frame, E1)
    wait_total(frame, E1_TOTAL)
    x, y = consent_point(page, frame)
    page.mouse.click(x, y)
    assert frame.is_visible("#embed-consent-confirm")
    frame.click("#embed-consent-confirm")                  # at once: not taken
    page.wait_for_timeout(300)
    assert [s for s in page.evaluate("window.__scores") if s["total"] is not None] == []
    page.wait_for_timeout(1000)
    frame.click("#embed-consent-confirm")
    poll(page, "window.__scores.some(s => s.total === %s)" % E1_TOTAL)


def test_heights_come_in_steps(page, site_url, partner):
    """19: the heights the partner gets tell how much of the form is open, not each answer."""
    page.goto(partner + "/")
    frame = wait_ready(embed_frame(page, site_url))
    type_profile(frame, E1)
    wait_total(frame, E1_TOTAL)
    frame.select_option("#first_language-test", "tef_canada")     # one more field (its date)
    frame.fill("#age", "abc")                                      # one error message
    poll(frame, "!document.getElementById('error-summary').hidden")
    page.wait_for_timeout(500)
    heights = page.evaluate("window.__messages.filter(m => m.data.type === 'crs:height')"
                            ".map(m => m.data.height)")
    step = frame.evaluate("import('../static/embed-frame.js').then(m => m.HEIGHT_STEP)")
    assert heights and step >= 200 and all(h % step == 0 for h in heights), heights


def test_the_frame_restores_nothing_under_a_same_site_host(page, site_url):
    """20: answers remembered on the calculator page stay out of a frame of ours (a partner on
    the same site sees its height and could frame it)."""
    page.goto(site_url)
    wait_ready(page)
    type_profile(page, E1, as_of="2026-11-23")
    wait_total(page, E1_TOTAL)
    page.click("#remember")
    assert page.evaluate("localStorage.length") == 1
    page.evaluate("""src => { const f = document.createElement('iframe'); f.id = 'same';
        f.src = src; document.body.append(f); }""", site_url + "embed/")
    framed = wait_ready(child_frame(page, "#same"))
    assert framed.input_value("#age") == ""
    assert framed.is_disabled("#remember") and framed.is_disabled("#forget")
    assert framed.is_hidden("#notice")
    page.evaluate("localStorage.clear()")


def test_a_partner_posting_messages_cannot_break_the_frame(page, site_url, partner):
    """2: the partner posts Emscripten's "_si" into the frame all through its start-up."""
    page.goto(partner + "/noshare")
    handle = page.wait_for_selector("#calc iframe", state="attached")
    state = None
    for _ in range(3000):
        page.evaluate("() => { const w = document.querySelector('#calc iframe').contentWindow;"
                      " for (let k = 0; k < 20; k++) w.postMessage('_si', '*'); }")
        frame = handle.content_frame()
        if frame and frame.url.startswith(site_url):
            state = frame.evaluate("document.documentElement.getAttribute('data-crs-ready')")
            if state:
                break
    assert state == "true" and frame.is_hidden("#load-failed")
    type_profile(frame, E1)
    wait_total(frame, E1_TOTAL)


def test_language_switch_in_the_frame_puts_no_answer_in_a_url(playwright, site_url, partner, tmp_path):
    """1 (the embed): the switch inside the frame keeps the answers, and no URL the browser
    records holds them."""
    from .conftest import CHROME_ARGS, CHROMIUM, history_urls
    profile = tmp_path / "chromium"
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=CHROME_ARGS, headless=True)
    try:
        page = context.new_page()
        page.goto(partner + "/noshare")
        frame = wait_ready(embed_frame(page, site_url))
        type_profile(frame, E1)
        wait_total(frame, E1_TOTAL)
        frame.click("#other-lang")
        end = time.monotonic() + 30
        while time.monotonic() < end:
            frame = next((f for f in page.frames if "/embed/fr/" in f.url), None)
            if frame:
                break
            page.wait_for_timeout(50)
        wait_ready(frame)
        assert "#" not in frame.url
        assert frame.input_value("#age") == "29"
        wait_total(frame, E1_TOTAL)
    finally:
        context.close()
    urls = history_urls(profile)
    assert any("/noshare" in u for u in urls), urls
    assert not any("#p=" in u or "ielts" in u for u in urls), urls
