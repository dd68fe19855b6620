"""The embed (docs/embed.md): the page partners frame, its consent window and the docs page.
The frame is the calculator page's form and result panel (pages.py) in a lighter page:

    dist/embed/index.html, dist/embed/fr/index.html   the page partners frame (+ config.json)
    dist/embed/consent.html, dist/embed/fr/consent.html   the window that asks before a score
                                                      is sent to the partner
    dist/embed.html, dist/fr/embed.html               how to embed it, with a live example

Who may frame it, and the headers: headers.py.

The words of the embed pages are here (EN, FR), not in py/web/strings.py: they are used at
build time only and the running calculator never needs them.
"""

import json

from . import pages
from .pages import T, esc


W = {
    "frame_title": ("CRS score calculator", "Calculateur de la note SCG"),
    "embed_h1": ("Estimate your CRS score (Express Entry)",
                 "Estimez votre note SCG (Entrée express)"),
    "embed_privacy": (
        "Nothing you enter leaves this frame: the calculation runs in your browser, and the "
        "website showing it cannot read your answers.",
        "Rien de ce que vous saisissez ne quitte ce cadre : le calcul se fait dans votre "
        "navigateur, et le site qui l'affiche ne peut pas lire vos réponses."),
    "consent_legend": ("Share your score with this website?",
                       "Communiquer votre note à ce site?"),
    "consent_label": ("Send my score to {host}", "Envoyer ma note à {host}"),
    "consent_hint": (
        "Only the total and the four section subtotals are sent, each time they change. Your "
        "answers are never sent. Untick to stop.",
        "Seuls le total et les quatre sous-totaux sont envoyés, à chaque changement. Vos "
        "réponses ne sont jamais envoyées. Décochez pour arrêter."),
    "consent_waiting": (
        "Answer in the window that opened (“Send your score?”). Nothing is sent until you do.",
        "Répondez dans la fenêtre qui s'est ouverte (« Envoyer votre note? »). Rien n'est envoyé "
        "avant."),
    "consent_confirm": ("Yes, send my score", "Oui, envoyer ma note"),
    # The consent window (embed/consent.html): a window of its own, which the website cannot
    # cover or make transparent as it can its frame.
    "consent_title": ("Send your score?", "Envoyer votre note?"),
    "consent_question": ("Send your CRS score to {host}?", "Envoyer votre note SCG à {host}?"),
    "consent_asked": (
        "You ticked “Send my score” in the CRS calculator shown on that website. If you did not "
        "mean to, choose “Do not send”.",
        "Vous avez coché « Envoyer ma note » dans le calculateur SCG affiché sur ce site. Si ce "
        "n'était pas voulu, choisissez « Ne pas envoyer »."),
    "consent_what": (
        "Only the total and the four section subtotals are sent, each time they change, until "
        "you untick the box. Your answers are never sent.",
        "Seuls le total et les quatre sous-totaux sont envoyés, à chaque changement, jusqu'à ce "
        "que vous décochiez la case. Vos réponses ne sont jamais envoyées."),
    "consent_yes": ("Send my score", "Envoyer ma note"),
    "consent_no": ("Do not send", "Ne pas envoyer"),
    "open_full": ("Open the full calculator (save, share) in a new tab",
                  "Ouvrir le calculateur complet (enregistrer, partager) dans un nouvel onglet"),
    "powered": ("Unofficial calculator; not affiliated with IRCC.",
                "Calculateur non officiel, sans lien avec IRCC."),
    # The docs page
    "docs_title": ("Embed the CRS calculator on your website",
                   "Intégrer le calculateur SCG dans votre site"),
    "docs_lede": (
        "Add the calculator to any page with one script tag and one placeholder. It runs in a "
        "frame served by us: your page's scripts and styles cannot reach what visitors type, "
        "and the calculator cannot reach your page.",
        "Ajoutez le calculateur à n'importe quelle page avec une balise script et un "
        "emplacement. Il s'exécute dans un cadre servi par nous : les scripts et styles de "
        "votre page n'atteignent pas ce que les visiteurs saisissent, et le calculateur "
        "n'atteint pas votre page."),
    "docs_snippet_h": ("The snippet", "L'extrait de code"),
    "docs_copy": ("Copy the snippet", "Copier l'extrait"),
    "docs_copied": ("Snippet copied.", "Extrait copié."),
    "docs_options_h": ("Options", "Options"),
    "docs_opt_lang": ("data-lang: en or fr (default en).",
                      "data-lang : en ou fr (par défaut en)."),
    "docs_opt_asof": (
        "data-as-of: the \"Score as of\" date, YYYY-MM-DD (default: today); it chooses the "
        "rules applied. Visitors can still change it.",
        "data-as-of : la date « Note au », AAAA-MM-JJ (par défaut : aujourd'hui); elle choisit "
        "les règles appliquées. Les visiteurs peuvent la changer."),
    "docs_opt_compact": ("data-compact: a denser layout for narrow columns.",
                         "data-compact : une mise en page plus dense pour les colonnes étroites."),
    "docs_opt_share": (
        "data-share-score: ask visitors whether to send you their score. A box they must tick "
        "appears in the frame; then your page receives a crs:score event on the placeholder "
        "with the total and section subtotals (never the answers).",
        "data-share-score : demander aux visiteurs s'ils veulent vous envoyer leur note. Une "
        "case à cocher apparaît dans le cadre; ensuite, votre page reçoit un événement "
        "crs:score sur l'emplacement avec le total et les sous-totaux (jamais les réponses)."),
    "docs_opt_style": (
        "CSS custom properties on the placeholder: --crs-accent (#rgb or #rrggbb; darkened if "
        "needed to keep text readable) and --crs-font (generic families such as serif, "
        "sans-serif, system-ui, or names of fonts installed on the visitor's device). Anything "
        "else is ignored.",
        "Propriétés personnalisées CSS sur l'emplacement : --crs-accent (#rgb ou #rrggbb; "
        "assombrie au besoin pour rester lisible) et --crs-font (familles génériques comme "
        "serif, sans-serif, system-ui, ou noms de polices installées sur l'appareil du "
        "visiteur). Tout le reste est ignoré."),
    "docs_element": (
        "Prefer a custom element? <crs-calculator lang=\"fr\" share-score></crs-calculator> "
        "does the same (it only creates the frame).",
        "Vous préférez un élément personnalisé? <crs-calculator lang=\"fr\" share-score>"
        "</crs-calculator> fait la même chose (il ne crée que le cadre)."),
    "docs_csp": (
        "If your page has a Content-Security-Policy, allow our origin in script-src (for "
        "embed.js) and frame-src. The first visit downloads the calculator's runtime (about "
        "4 MB); browsers keep a separate copy per website.",
        "Si votre page a une Content-Security-Policy, autorisez notre origine dans script-src "
        "(pour embed.js) et frame-src. La première visite télécharge l'environnement du "
        "calculateur (environ 4 Mo); les navigateurs en gardent une copie par site."),
    "docs_example_h": ("Live example", "Exemple en direct"),
    "docs_back": ("Back to the calculator", "Retour au calculateur"),
}


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
