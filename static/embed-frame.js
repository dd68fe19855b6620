// Runs inside our embed page (dist/embed/), framed by a partner's page (docs/embed.md).
// It reads the frame's URL options, validates each strictly and applies them with CSSOM and
// properties only (never markup, never a <style> text: under PyScript an injected
// <script type="py"> would run); posts the page's height to the host; and, only when the
// partner asked (share=1), the host origin is verified and the person ticked the box while the
// frame was visible (see offerScore), posts the total and section subtotals. Nothing here reads
// messages, and static/boot.js stops every message from another window before any script of
// the runtime can hear it: nothing from the host gets in.
const root = document.documentElement;
const params = new URLSearchParams(location.search);

const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const GENERIC = ["system-ui", "sans-serif", "serif", "monospace", "ui-sans-serif", "ui-serif",
  "ui-monospace", "ui-rounded"];
const FAMILY = /^[A-Za-z][A-Za-z0-9 -]{0,39}$/;

// An http(s) origin written exactly as URL.origin writes it ("https://a.example:8443").
export function origin(value) {
  if (typeof value !== "string" || value.length > 200) return null;
  try {
    const url = new URL(value);
    if ((url.protocol === "https:" || url.protocol === "http:") && url.origin === value) return value;
  } catch (e) { /* not a URL */ }
  return null;
}

export function colour(value) {
  return typeof value === "string" && HEX.test(value) ? value.toLowerCase() : null;
}

// "Georgia, serif" -> '"Georgia", serif'. At most 4 families; each a generic keyword or a
// plain name (letters, digits, spaces, hyphens). Ends with a generic family.
export function font(value) {
  if (typeof value !== "string" || value.length > 160) return null;
  const out = [];
  for (let part of value.split(",")) {
    part = part.trim().replace(/^(["'])(.*)\1$/, "$2").trim();
    if (GENERIC.includes(part.toLowerCase())) out.push(part.toLowerCase());
    else if (FAMILY.test(part)) out.push('"' + part + '"');
    else return null;
  }
  if (!out.length || out.length > 4) return null;
  if (!GENERIC.includes(out[out.length - 1])) out.push("sans-serif");
  return out.join(", ");
}

// A date as the profile format takes it: YYYY-MM-DD, a real day, 1900-01-01 to 2100-12-31.
export function date(value) {
  const m = typeof value === "string" && DATE.exec(value);
  if (!m || +m[1] < 1900 || +m[1] > 2100) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]
    ? value : null;
}

// Relative luminance and contrast (WCAG 2): an accent too light for white text is darkened.
function channels(hex) {
  const h = hex.length === 4 ? hex.replace(/[0-9a-f]/g, "$&$&") : hex;
  return [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
}
function luminance(rgb) {
  const [r, g, b] = rgb.map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function hex(rgb) { return "#" + rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join(""); }
export function readable(accent) {
  let rgb = channels(accent);
  for (let i = 0; i < 40 && 1.05 / (luminance(rgb) + 0.05) < 4.5; i++) rgb = rgb.map((c) => c * 0.9);
  return [hex(rgb), hex(rgb.map((c) => c * 0.7))];
}

// In a third-party frame, browsers that block third-party cookies (Chrome's incognito
// default, or the setting) also deny IndexedDB, and PyScript 0.7.31 awaits an IndexedDB map
// at start-up (its packages cache, even with no packages): it never starts. When the real
// open is denied, PyScript gets an in-memory database instead (nothing is stored anyway).
function memoryDatabase() {
  const data = new Map();
  const later = (value) => {
    const request = {};
    setTimeout(() => request.onsuccess && request.onsuccess({ target: { result: value } }));
    return request;
  };
  const store = {
    count: () => later(data.size), clear: () => { data.clear(); return later(undefined); },
    delete: (k) => { data.delete(k); return later(undefined); }, get: (k) => later(data.get(k)),
    getKey: (k) => later(data.has(k) ? k : undefined), getAllKeys: () => later([...data.keys()]),
    put: (v, k) => { data.set(k, v); return later(k); },
  };
  return { objectStoreNames: { length: 1 }, transaction: () => ({ objectStore: () => store }),
    close() {} };
}
if (window.parent !== window && window.indexedDB) {
  const open = indexedDB.open.bind(indexedDB);
  indexedDB.open = (name, version) => {
    const request = {};
    const real = open(name, version);
    real.onupgradeneeded = (e) => request.onupgradeneeded && request.onupgradeneeded(e);
    real.onsuccess = (e) => request.onsuccess && request.onsuccess(e);
    real.onerror = (e) => {
      e.preventDefault();
      if (request.onsuccess) request.onsuccess({ target: { result: memoryDatabase() } });
    };
    return request;
  };
}

// The options, validated. Anything invalid is dropped silently (the frame works without it).
const host = origin(params.get("host"));
const accent = colour(params.get("accent"));
const family = font(params.get("font"));
const asOf = date(params.get("as_of"));
const compact = params.get("compact") === "1";
const share = params.get("share") === "1";

// Who is framing us: Chrome and Safari say it (ancestorOrigins); elsewhere the referrer, which
// embed.js asks for explicitly (referrerpolicy="origin" on the iframe).
function parentOrigin() {
  if (window.parent === window) return null;
  const ancestors = location.ancestorOrigins;
  if (ancestors && ancestors.length) return ancestors[0];
  try { return document.referrer ? new URL(document.referrer).origin : null; } catch (e) { return null; }
}
const framed = window.parent !== window && host !== null;
const verified = framed && parentOrigin() === host;

if (accent) {
  const [a, dark] = readable(accent);
  root.style.setProperty("--accent", a);
  root.style.setProperty("--accent-dark", dark);
}
if (family) root.style.setProperty("--crs-font", family);
if (compact) root.classList.add("embed-compact");

function setup() {
  const asOfInput = document.getElementById("as_of");
  if (asOf && asOfInput && !asOfInput.value) asOfInput.value = asOf;
  // The language link keeps the (validated) options; it is an href, never markup.
  const other = document.getElementById("other-lang");
  if (other) {
    const keep = new URLSearchParams();
    for (const [k, v] of [["host", host], ["accent", accent], ["font", params.get("font")],
      ["as_of", asOf], ["compact", compact ? "1" : null], ["share", share ? "1" : null]]) {
      if (v && (k !== "font" || family)) keep.set(k, v);
    }
    const query = keep.toString();
    other.setAttribute("href", other.getAttribute("data-base") + (query ? "?" + query : ""));
  }
  if (framed) postHeights();
  if (share && verified) offerScore();
}

function post(message) {
  window.parent.postMessage(message, host);   // delivered only if the parent is `host`
}

// Heights go in steps of HEIGHT_STEP px: the partner learns how much of the form is open (a
// spouse's questions, the optional ones, a long error), not each field's effect on the layout
// (a test date field, one more line of a message). docs/embed.md says what remains.
export const HEIGHT_STEP = 256;
export function stepped(height) {
  return Math.ceil(Math.max(height, 1) / HEIGHT_STEP) * HEIGHT_STEP;
}
function postHeights() {
  let last = 0;
  const send = () => {
    const height = stepped(document.body.getBoundingClientRect().height);
    if (height !== last) { last = height; post({ type: "crs:height", v: 1, height }); }
  };
  new ResizeObserver(send).observe(document.body);
  send();
}

function readScore() {
  const el = document.querySelector("[data-crs-total]");
  const total = el && el.getAttribute("data-crs-total");
  if (!total) return null;
  const sections = {};
  for (const cell of document.querySelectorAll("[data-crs-section]")) {
    sections[cell.getAttribute("data-crs-section")] = Number(cell.getAttribute("data-crs-points"));
  }
  return { type: "crs:score", v: 1, total: Number(total), sections,
    rules: el.getAttribute("data-crs-rules") || null, as_of: el.getAttribute("data-crs-as-of") || null };
}
const NO_SCORE = { type: "crs:score", v: 1, total: null, sections: null, rules: null, as_of: null };

// The partner owns the iframe element: it can make the frame nearly transparent, or cover it,
// and put a decoy under the person's pointer, so that a click meant for the partner ticks our
// box. A tick counts only when the browser vouches that the box was really visible, unobscured
// and opaque, for at least SEEN_MS (Intersection Observer v2: isVisible); a tick made otherwise
// is undone and the person is told. Where the browser has no such check, the tick is followed
// by a confirmation button inside the frame (a second click a decoy must also collect:
// docs/embed.md says so).
const SEEN_MS = 500;
const VISIBILITY_CHECK = "IntersectionObserver" in window && !!window.IntersectionObserverEntry &&
  "isVisible" in IntersectionObserverEntry.prototype;

function offerScore() {
  const box = document.getElementById("embed-share");
  const tick = document.getElementById("embed-consent");
  const note = document.getElementById("embed-consent-note");
  const confirm = document.getElementById("embed-consent-confirm");
  if (!box || !tick || !note || !confirm) return;
  document.getElementById("embed-share-host").textContent = host;
  box.hidden = false;
  let consented = false;
  // Since when the box has been visible, as the browser checks it. Chromium reports a frame
  // going out of sight, but not always its coming back (a parent's opacity set back to 1), so
  // the observer is made anew every CHECK_MS: its first report is always computed afresh.
  let seenSince = null;
  const CHECK_MS = 250;
  const OPTIONS = { threshold: [0], trackVisibility: true, delay: 100 };
  const visibleNow = () => new Promise((answer) => {
    const once = new IntersectionObserver((entries) => {
      once.disconnect();
      answer(entries[entries.length - 1]);
    }, OPTIONS);
    once.observe(tick);
  });
  if (VISIBILITY_CHECK) {
    const check = () => visibleNow().then((entry) => {
      seenSince = entry.isVisible ? (seenSince ?? entry.time) : null;
      if (!box.hidden) setTimeout(check, CHECK_MS);
    });
    check();
  }
  let last = JSON.stringify(NO_SCORE);
  const send = () => {
    const message = (consented && tick.checked && readScore()) || NO_SCORE;
    const key = JSON.stringify(message);
    if (key !== last) { last = key; post(message); }
  };
  tick.checked = false;           // consent is asked on every visit, never remembered
  tick.addEventListener("change", async () => {
    consented = false;
    note.hidden = true;
    confirm.hidden = true;
    if (tick.checked && VISIBILITY_CHECK) {
      // Seen long enough before the click, and still seen now (checked afresh).
      const long = seenSince !== null && performance.now() - seenSince >= SEEN_MS;
      const now = long && (await visibleNow()).isVisible;
      if (long && now && tick.checked) consented = true;
      else { tick.checked = false; note.hidden = false; seenSince = now ? seenSince : null; }
    } else if (tick.checked) {
      confirm.hidden = false;
    }
    send();
  });
  confirm.addEventListener("click", () => {
    confirm.hidden = true;
    consented = tick.checked;
    send();
  });
  new MutationObserver(send).observe(root, { attributes: true, attributeFilter: ["data-crs-renders"] });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
else setup();
