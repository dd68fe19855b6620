// Runs inside our embed page (dist/embed/), framed by a partner's page (docs/embed.md).
// It reads the frame's URL options, validates each strictly and applies them with CSSOM and
// properties only (never markup, never a <style> text: under PyScript an injected
// <script type="py"> would run); posts the page's height to the host; and, only when the
// partner asked (share=1), the host origin is verified and the person ticked the box, posts
// the total and section subtotals. It never reads messages: nothing from the host gets in.
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

export function date(value) {
  const m = typeof value === "string" && DATE.exec(value);
  if (!m) return null;
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

function postHeights() {
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
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

function offerScore() {
  const box = document.getElementById("embed-share");
  const tick = document.getElementById("embed-consent");
  if (!box || !tick) return;
  document.getElementById("embed-share-host").textContent = host;
  box.hidden = false;
  let last = JSON.stringify(NO_SCORE);
  const send = () => {
    const message = (tick.checked && readScore()) || NO_SCORE;
    const key = JSON.stringify(message);
    if (key !== last) { last = key; post(message); }
  };
  tick.checked = false;           // consent is asked on every visit, never remembered
  tick.addEventListener("change", send);
  new MutationObserver(send).observe(root, { attributes: true, attributeFilter: ["data-crs-renders"] });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
else setup();
