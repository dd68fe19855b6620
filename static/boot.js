// Loaded before PyScript. No user data is read or written here: it starts the download of our
// Python modules and watches start-up.
// If Python has not started after 120 s, or the runtime fails to load, say so in the page
// (the message is in the page's HTML, in the page's language).
const root = document.documentElement;
// Our Python (crs and web as .pyc in one zip, built by build.py) is downloaded now, while the
// page is parsed, before PyScript starts loading the runtime, not after Python has started: web/main.py
// awaits this promise. A failed download rejects it, and start-up reports the failure.
globalThis.crsApp = fetch(new URL("../py/app.zip", import.meta.url)).then((response) => {
  if (!response.ok) throw new Error("py/app.zip: HTTP " + response.status);
  return response.arrayBuffer();
});
globalThis.crsApp.catch(() => {});   // handled in web/main.py; not an unhandled rejection here
root.classList.add("js");
// Early start of the runtime (the preload links build.py puts in a <template>): requested once
// the form has been painted, instead of at the end of PyScript's loading chain.
requestAnimationFrame(() => setTimeout(() => {
  const preload = document.getElementById("crs-preload");
  if (preload) document.head.append(preload.content);
}, 0));
function failed() {
  if (root.getAttribute("data-crs-ready")) return;
  root.setAttribute("data-crs-ready", "failed");
  const box = document.getElementById("load-failed");
  const loading = document.getElementById("loading");
  if (box) box.hidden = false;
  if (loading) loading.hidden = true;
}
setTimeout(failed, 120000);
addEventListener("error", (event) => {
  const src = event && event.filename ? String(event.filename) : "";
  if (src.includes("/vendor/")) failed();
});
addEventListener("unhandledrejection", () => {
  // PyScript's own promise rejections before start-up mean the runtime did not load.
  if (!root.getAttribute("data-crs-ready")) setTimeout(failed, 1000);
});
