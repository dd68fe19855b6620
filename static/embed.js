/* CRS calculator: the embed snippet (docs/embed.md, /embed.html). No dependencies.
 *
 *   <script src="https://OUR-SITE/static/embed.js" defer></script>
 *   <div data-crs-calculator data-lang="fr" data-as-of="2026-01-01" data-compact
 *        data-share-score></div>                      or <crs-calculator lang="fr" share-score>
 *
 * Creates an <iframe> with a real src (our /embed/ page), sized to its content. Style: the
 * CSS custom properties --crs-accent (#rgb / #rrggbb) and --crs-font on the placeholder,
 * passed as URL parameters and validated again in the frame. With share-score, the
 * placeholder receives `crs:score` events (detail: {v, total, sections, rules, as_of}) once
 * the person has ticked the box in the frame. Messages are accepted only from our origin and
 * from the placeholder's own iframe. */
(function () {
  "use strict";
  var script = document.currentScript ||
    document.querySelector('script[src$="/static/embed.js"]');
  if (!script || !window.URL || !window.postMessage) return;
  var BASE = new URL("../embed/", script.src);
  var ORIGIN = BASE.origin;
  var TITLES = { en: "CRS score calculator", fr: "Calculateur de la note SCG" };
  var HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
  var FONT = /^[A-Za-z0-9 ,"'-]{1,160}$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var SECTIONS = ["core", "spouse", "transferability", "additional"];
  var frames = [];    // [iframe, placeholder]
  var mounted = typeof WeakSet === "function" ? new WeakSet() : null;

  function opt(el, name) {
    var v = el.getAttribute(name);
    return v === null ? el.getAttribute("data-" + name) : v;
  }
  function flag(el, name) {
    var v = opt(el, name);
    return v !== null && v !== "false" && v !== "0";
  }

  function mount(el) {
    if (!mounted || mounted.has(el)) return;
    mounted.add(el);
    var lang = opt(el, "lang") === "fr" ? "fr" : "en";
    var url = new URL(lang === "fr" ? "fr/" : "", BASE);
    var p = url.searchParams;
    if (/^https?:$/.test(location.protocol)) p.set("host", location.origin);
    var asOf = opt(el, "as-of");
    if (asOf && DATE.test(asOf)) p.set("as_of", asOf);
    if (flag(el, "compact")) p.set("compact", "1");
    if (flag(el, "share-score")) p.set("share", "1");
    var style = getComputedStyle(el);
    var accent = style.getPropertyValue("--crs-accent").trim();
    if (HEX.test(accent)) p.set("accent", accent);
    var font = style.getPropertyValue("--crs-font").trim();
    if (FONT.test(font)) p.set("font", font);

    var frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = TITLES[lang];
    frame.referrerPolicy = "origin";       // lets the frame check who embeds it
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.height = "40rem";          // until the frame reports its height
    if (style.display === "inline") el.style.display = "block";
    el.replaceChildren(frame);            // any fallback content (e.g. a plain link) goes
    frames.push([frame, el]);
  }

  function number(v, max) {
    return typeof v === "number" && v >= 0 && v <= max && Math.floor(v) === v;
  }

  function score(d) {
    if (d.total === null) return { v: 1, total: null, sections: null, rules: null, as_of: null };
    if (!number(d.total, 1200) || !d.sections || typeof d.sections !== "object") return null;
    var sections = {};
    for (var i = 0; i < SECTIONS.length; i++) {
      var s = d.sections[SECTIONS[i]];
      if (!number(s, 1200)) return null;
      sections[SECTIONS[i]] = s;
    }
    var ok = function (x) { return typeof x === "string" && DATE.test(x) ? x : null; };
    return { v: 1, total: d.total, sections: sections, rules: ok(d.rules), as_of: ok(d.as_of) };
  }

  window.addEventListener("message", function (e) {
    if (e.origin !== ORIGIN) return;
    var pair = null;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i][0].contentWindow === e.source) pair = frames[i];
    }
    var d = e.data;
    if (!pair || !d || typeof d !== "object" || d.v !== 1) return;
    if (d.type === "crs:height" && number(d.height, 100000) && d.height > 0) {
      pair[0].style.height = d.height + "px";
    } else if (d.type === "crs:score" && flag(pair[1], "share-score")) {
      var detail = score(d);
      if (detail) {
        pair[1].dispatchEvent(new CustomEvent("crs:score", { detail: detail, bubbles: true }));
      }
    }
  });

  function scan() {
    var els = document.querySelectorAll("[data-crs-calculator]");
    for (var i = 0; i < els.length; i++) mount(els[i]);
  }

  if (window.customElements && !customElements.get("crs-calculator")) {
    customElements.define("crs-calculator", class extends HTMLElement {
      connectedCallback() { mount(this); }
    });
  }
  scan();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
})();
