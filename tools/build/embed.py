"""The embed (docs/embed.md): the page partners frame, its consent window and the docs page.
The frame is the calculator page's form and result panel (pages.py) in a lighter page:

    dist/embed/index.html, dist/embed/fr/index.html   the page partners frame (+ config.json)
    dist/embed/consent.html, dist/embed/fr/consent.html   the window that asks before a score
                                                      is sent to the partner
    dist/embed.html, dist/fr/embed.html               how to embed it, with a live example

Who may frame it, and the headers: headers.py.

The words of the embed pages are in tools/build/words/<lang>.json, not in the page's catalogue
(py/web/words/): they are used at build time only and the running calculator never needs them.
"""

import json

from . import common, pages
from .pages import T, esc, strings


# Build-time words (the running page never needs them, so they are not in py/app.zip): the
# catalogue tools/build/words/<lang>.json, read as the page's (web/strings.py).
W = strings.pairs_of({lang: strings.read_catalogue(str(common.ROOT / "tools" / "build" / "words"),
                                                   lang) for lang in strings.LANGS}, "embed")


def w(key, lang, **values):
    text = W[key][1 if lang == "fr" else 0]
    return text.format(**values) if values else text


def embed_page(lang, prefix, runtime):
    """The page in the frame: the calculator's form and result panel, no site chrome."""
    other = "fr" if lang == "en" else "en"
    other_href = prefix + "embed/" + ("fr/" if other == "fr" else "")
    full = prefix + ("fr/" if lang == "fr" else "")
    consent = (
        '<div class="embed-share" id="embed-share" hidden><fieldset class="fieldset">'
        '<legend class="legend">%(legend)s</legend>'
        '<p class="hint" id="embed-consent-hint">%(hint)s</p>'
        '<div class="embed-check"><input class="embed-check__input" id="embed-consent" type="checkbox" '
        'aria-describedby="embed-consent-hint"> <label class="embed-check__label" for="embed-consent">'
        '%(before)s<span id="embed-share-host"></span>%(after)s</label></div>'
        '<p class="hint embed-share__note" id="embed-consent-note" role="status" hidden>%(waiting)s</p>'
        '<button type="button" class="button" id="embed-consent-confirm" hidden>%(confirm)s</button>'
        '</fieldset></div>' % dict(
            waiting=esc(w("consent_waiting", lang)), confirm=esc(w("consent_confirm", lang)),
            legend=esc(w("consent_legend", lang)), hint=esc(w("consent_hint", lang)),
            before=esc(w("consent_label", lang).split("{host}")[0]),
            after=esc(w("consent_label", lang).split("{host}")[1])))
    return """{head}<meta name="robots" content="noindex">
<title>{title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{p}static/site.css">
<link rel="stylesheet" href="{p}static/embed.css">
{preload}<script type="module" src="{p}static/storage-fallback.js"></script>
<script type="module" src="{p}static/embed-frame.js"></script>
<script type="module" src="{p}static/boot.js"></script>
<script type="module" src="{p}{pyscript}/core.js"></script>
</head>
<body class="embed">
<div class="embed-bar"><p class="embed-bar__title" id="embed-title">{h1}</p>
<a id="other-lang" href="{other_href}" data-base="{other_href}" lang="{other}-CA" hreflang="{other}-CA">{other_label}</a></div>
<main id="main">
<p class="privacy embed-privacy" id="privacy">{privacy}</p>
{status}
<div class="layout">
<div class="layout__form">{form}</div>
<div class="layout__result">{result}{consent}</div>
</div>
<div hidden>{save}</div>
</main>
<footer class="embed-footer"><p>{powered} <a href="{full}" target="_blank" rel="noopener noreferrer">{open_full}</a></p></footer>
<script type="py" src="{p}py/web/main.py" config="config.json"></script>
</body>
</html>
""".format(
        head=pages.head_open(lang, "embed-page"), title=esc(w("frame_title", lang)),
        p=prefix, pyscript=runtime.pyscript_dir,
        preload=pages.preload_html(prefix, runtime),
        h1=esc(w("embed_h1", lang)), other=other, other_href=other_href,
        other_label=esc(T("other_lang_label", lang)), privacy=esc(w("embed_privacy", lang)),
        status=pages.status_html(lang), form=pages.form_html(lang),
        result=pages.result_html(lang), consent=consent, save=pages.save_html(lang),
        powered=esc(w("powered", lang)), full=full, open_full=esc(w("open_full", lang)))


def consent_page(lang, prefix):
    """The window the frame opens when the person ticks "Send my score" (static/embed-consent.js).
    The host's origin comes from the URL, is validated there and shown as text."""
    return """{head}<meta name="robots" content="noindex">
<title>{title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{p}static/site.css">
<link rel="stylesheet" href="{p}static/embed.css">
<script type="module" src="{p}static/embed-consent.js"></script>
</head>
<body class="embed consent">
<main id="main" class="consent__main">
<h1 class="h2" id="consent-question" data-words="{question}">{title}</h1>
<p class="body">{asked}</p>
<p class="hint">{detail}</p>
<div class="buttons"><button type="button" class="button" id="consent-yes" disabled>{yes}</button>
<button type="button" class="button button--secondary" id="consent-no">{no}</button></div>
</main>
</body>
</html>
""".format(head=pages.head_open(lang, "consent-page"), title=esc(w("consent_title", lang)), p=prefix,
           question=esc(w("consent_question", lang)), asked=esc(w("consent_asked", lang)),
           detail=esc(w("consent_what", lang)),
           yes=esc(w("consent_yes", lang)), no=esc(w("consent_no", lang)))


def docs_page(lang, prefix):
    snippet = ('<script src="ORIGIN/static/embed.js" defer></script>\n'
               '<div data-crs-calculator data-lang="%s"></div>' % lang)
    options = "".join("<li>%s</li>" % esc(w(k, lang)) for k in (
        "docs_opt_lang", "docs_opt_asof", "docs_opt_compact", "docs_opt_share", "docs_opt_style"))
    return """{head}<title>{title}</title>
<link rel="icon" href="data:,">
<link rel="alternate" hreflang="en-CA" href="{p}embed.html">
<link rel="alternate" hreflang="fr-CA" href="{p}fr/embed.html">
<link rel="stylesheet" href="{p}static/site.css">
<link rel="stylesheet" href="{p}static/embed.css">
<script src="{p}static/embed-docs.js" defer></script>
<script src="{p}static/embed.js" defer></script>
</head>
<body>
<header class="site-header"><div class="wrap site-header__inner">
<p class="site-name">{site}</p>
<nav class="lang-nav" aria-label="Language / Langue"><a href="{other_href}" lang="{other}-CA" hreflang="{other}-CA">{other_label}</a></nav>
</div></header>
<main class="wrap" id="main">
<h1 class="h1">{title}</h1>
<p class="lede">{lede}</p>
<h2 class="h2">{snippet_h}</h2>
<pre class="embed-snippet"><code id="embed-snippet" data-template="{snippet}">{snippet}</code></pre>
<p><button type="button" class="button button--secondary" id="copy-snippet" data-done="{copied}">{copy}</button>
<span class="embed-copied" id="copy-status" role="status"></span></p>
<h2 class="h2">{options_h}</h2>
<ul class="embed-options">{options}</ul>
<p class="body">{element}</p>
<p class="body">{csp_note}</p>
<h2 class="h2">{example_h}</h2>
<div class="embed-example" data-crs-calculator data-lang="{lang}" data-share-score></div>
<p><a href="{back}">{back_label}</a></p>
</main>
</body>
</html>
""".format(
        head=pages.head_open(lang), lang=lang, title=esc(w("docs_title", lang)), p=prefix,
        site=esc(T("site_name", lang)), other="fr" if lang == "en" else "en",
        other_href=prefix + ("fr/embed.html" if lang == "en" else "embed.html"),
        other_label=esc(T("other_lang_label", lang)), lede=esc(w("docs_lede", lang)),
        snippet_h=esc(w("docs_snippet_h", lang)), snippet=esc(snippet),
        copy=esc(w("docs_copy", lang)), copied=esc(w("docs_copied", lang)),
        options_h=esc(w("docs_options_h", lang)), options=options,
        element=esc(w("docs_element", lang)), csp_note=esc(w("docs_csp", lang)),
        example_h=esc(w("docs_example_h", lang)), back=prefix + ("fr/" if lang == "fr" else ""),
        back_label=esc(w("docs_back", lang)))


def write(dist, runtime):
    """Write the embed pages, their configs, the consent windows and the docs pages."""
    for lang, sub, prefix in (("en", "embed/", "../"), ("fr", "embed/fr/", "../../")):
        out = dist / sub
        out.mkdir(parents=True, exist_ok=True)
        (out / "config.json").write_text(json.dumps(pages.pyscript_config(prefix, runtime),
                                                    indent=1))
        (out / "index.html").write_text(embed_page(lang, prefix, runtime))
        (out / "consent.html").write_text(consent_page(lang, prefix))
    (dist / "embed.html").write_text(docs_page("en", ""))
    (dist / "fr").mkdir(exist_ok=True)
    (dist / "fr" / "embed.html").write_text(docs_page("fr", "../"))
