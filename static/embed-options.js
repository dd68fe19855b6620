// The embed's option validators, shared by the frame (static/embed-frame.js) and its consent
// window (static/embed-consent.js). Each returns the value as it will be used, or null.
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
