// Loaded before PyScript. No user data is read or written here: it starts the download of our
// Python modules and watches start-up.
const root = document.documentElement;

// Messages from other windows are stopped here, before anything else can hear them. Nothing in
// our pages reads them, but Pyodide installs Emscripten's setImmediate listener on `window`
// (capture phase, for the string "_si" it posts to itself); a "_si" posted by another window (a
// site framing the embed, or a page that opened ours) ran its queue out of turn and threw inside
// the runtime. Ours is registered first, so it runs first and the others never see such a message.
// One kind passes: the answer of the embed's consent window, a window of our own origin
// (static/embed-consent.js), which static/embed-frame.js checks came from the window it opened.
addEventListener("message", (event) => {
  if (event.source === window) return;
  const data = event.data;
  if (event.origin === location.origin && data && data.type === "crs:consent") return;
  event.stopImmediatePropagation();
}, true);

// Our Python (crs and web as .pyc in one zip, built by build.py) is downloaded now, while the
// page is parsed, before PyScript starts loading the runtime, not after Python has started: web/main.py
// awaits this promise. A failed download rejects it, and start-up reports the failure.
globalThis.crsApp = fetch(new URL("../py/app.zip", import.meta.url)).then((response) => {
  if (!response.ok) throw new Error("py/app.zip: HTTP " + response.status);
  return response.arrayBuffer();
});
globalThis.crsApp.catch(() => {});   // handled in web/main.py; not an unhandled rejection here
// What only the panels below the result need (py/later.zip), asked by web/page.py after the
// first score: never before it.
globalThis.crsLater = () => fetch(new URL("../py/later.zip", import.meta.url)).then((response) => {
  if (!response.ok) throw new Error("py/later.zip: HTTP " + response.status);
  return response.arrayBuffer();
});
root.classList.add("js");
// Early start of the runtime (the preload links build.py puts in a <template>): requested once
// the form has been painted, instead of at the end of PyScript's loading chain.
requestAnimationFrame(() => setTimeout(() => {
  const preload = document.getElementById("crs-preload");
  if (preload) document.head.append(preload.content);
}, 0));

// --- Start-up watch --------------------------------------------------------------------------
// The page says it could not start (the message is in the page's HTML, in its language) when
// one of our own files cannot be had, or when nothing has arrived for STALL_MS while Python has
// not started. Slow is not failed: on a 2G link the runtime takes minutes, and as long as its
// bytes keep arriving the page keeps saying "loading". If Python starts after all, web/page.py
// hides the message again (html[data-crs-ready] becomes "true").
const STALL_MS = 30000;
let lastProgress = performance.now();
const started = () => root.getAttribute("data-crs-ready") === "true";
const progressed = () => { lastProgress = performance.now(); };

function failed() {
  if (root.getAttribute("data-crs-ready")) return;
  root.setAttribute("data-crs-ready", "failed");
  const box = document.getElementById("load-failed");
  const loading = document.getElementById("loading");
  if (box) box.hidden = false;
  if (loading) loading.hidden = true;
}

function ours(url) {
  try { return new URL(url, location.href).origin === location.origin; } catch (e) { return false; }
}

// Every request the runtime makes for our files goes through fetch (Pyodide's wasm, stdlib zip
// and lock file; PyScript's config): a refused or failed one is a failure at once. The body of a
// large answer is read on a clone, only to see bytes arriving (the runtime reads the original).
const realFetch = globalThis.fetch;
globalThis.fetch = function fetch(input, init) {
  const answer = realFetch(input, init);
  const url = input instanceof Request ? input.url : String(input);
  if (started() || !ours(url)) return answer;
  return answer.then((response) => {
    progressed();
    if (!response.ok) failed();
    else if (response.body && !started() && Number(response.headers.get("content-length") || 1e9) > 65536) {
      watchBody(response.clone().body);
    }
    return response;
  }, (error) => { failed(); throw error; });
};
async function watchBody(body) {
  const reader = body.getReader();
  try {
    while (!started()) {
      const { done } = await reader.read();
      if (done) return;
      progressed();
    }
  } catch (e) { /* the original stream reports its own failure */ }
  reader.cancel().catch(() => {});
}

// Scripts, module chunks and preloads that cannot be loaded.
addEventListener("error", (event) => {
  const el = event.target;
  if (el === window || !el || !el.tagName) return;
  const url = el.src || el.href || "";
  if ((el.tagName === "SCRIPT" || el.tagName === "LINK") && ours(url)) failed();
}, true);
// A dynamic import() of a runtime chunk that fails rejects a promise nobody catches (module
// loads do not go through fetch). Other stray rejections are not taken as failure: a false
// alarm now also drops the offline copy and the snapshot (static/sw-register.js); a start that
// really hangs is caught by the stall watch below.
const IMPORT_FAILED = /dynamically imported module|Importing a module script failed|error loading dynamically/i;
addEventListener("unhandledrejection", (event) => {
  const reason = event && event.reason;
  if (!root.getAttribute("data-crs-ready") && IMPORT_FAILED.test(String(reason && reason.message || reason))) failed();
});
// Finished downloads are progress too (preloads, module chunks, the HTTP and worker caches).
try {
  new PerformanceObserver(progressed).observe({ type: "resource", buffered: false });
} catch (e) { /* no Resource Timing: the fetch watch alone */ }
const watch = setInterval(() => {
  if (root.getAttribute("data-crs-ready")) return clearInterval(watch);
  if (performance.now() - lastProgress > STALL_MS) failed();
}, 1000);
