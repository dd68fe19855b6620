// Runs inside our embed page (dist/embed/), framed by a partner's page (docs/embed.md).
// It reads the frame's URL options, validates each strictly and applies them with CSSOM and
// properties only (never markup, never a <style> text: under PyScript an injected
// <script type="py"> would run); posts the page's height to the host; and, only when the
// partner asked (share=1), the host origin is verified and the person said yes in a window of
// ours (see offerScore), posts the total and section subtotals. The one message read is that
// window's answer; static/boot.js stops every other message from another window before any
// script of the runtime can hear it: nothing from the host gets in.
import { origin, colour, font, date, readable } from "./embed-options.js";
export { origin, colour, font, date, readable };

const root = document.documentElement;
const params = new URLSearchParams(location.search);

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
// box. So a tick alone sends nothing: it opens a small window of ours (embed/consent.html) that
// asks "Send your CRS score to <host>?"; a window of its own cannot be covered or made
// transparent by the website, and the score is sent only after its "Send my score". Where the
// window cannot open (a popup blocker), a button below the box asks instead, and accepts a
// click only CONFIRM_DELAY_MS after it appeared: a decoy must then collect two clicks at two
// places, a second apart (docs/embed.md says what this leaves possible). Intersection Observer
// v2 (isVisible) was tried and not kept: in Chromium 156 a cross-origin frame's box reads as not
// visible after any change inside the frame (a new score) until the partner's page changes,
// which would refuse real consent.
export const CONFIRM_DELAY_MS = 1000;

function offerScore() {
  const box = document.getElementById("embed-share");
  const tick = document.getElementById("embed-consent");
  const waiting = document.getElementById("embed-consent-note");
  const confirm = document.getElementById("embed-consent-confirm");
  if (!box || !tick || !waiting || !confirm) return;
  document.getElementById("embed-share-host").textContent = host;
  box.hidden = false;
  let consented = false;
  let asking = null;       // the consent window, while it is open
  let shownAt = 0;
  let last = JSON.stringify(NO_SCORE);
  const send = () => {
    const message = (consented && tick.checked && readScore()) || NO_SCORE;
    const key = JSON.stringify(message);
    if (key !== last) { last = key; post(message); }
  };
  const settle = (yes) => {
    if (asking && !asking.closed) asking.close();
    asking = null;
    waiting.hidden = true;
    confirm.hidden = true;
    consented = yes && tick.checked;
    if (!consented) tick.checked = false;
    send();
  };
  tick.checked = false;           // consent is asked on every visit, never remembered
  tick.addEventListener("change", () => {
    consented = false;
    if (!tick.checked) return settle(false);
    send();
    const url = new URL("consent.html", location.href);
    url.search = new URLSearchParams({ host }).toString();
    asking = window.open(url.href, "_blank", "popup,width=520,height=440");
    if (asking) {
      waiting.hidden = false;
      const watch = setInterval(() => {
        if (!asking || asking.closed) { clearInterval(watch); if (asking) settle(false); }
      }, 500);
    } else {
      confirm.hidden = false;
      shownAt = performance.now();
    }
  });
  confirm.addEventListener("click", () => {
    if (tick.checked && performance.now() - shownAt >= CONFIRM_DELAY_MS) settle(true);
  });
  addEventListener("message", (event) => {
    const data = event.data;
    if (!asking || event.source !== asking || event.origin !== location.origin) return;
    if (data && data.type === "crs:consent" && data.v === 1) settle(data.yes === true);
  });
  new MutationObserver(send).observe(root, { attributes: true, attributeFilter: ["data-crs-renders"] });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
else setup();
