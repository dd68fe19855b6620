// The interpreter module PyScript loads (config "interpreter"). Template: tools/build/runtime.py
// writes it as vendor/pyodide-*/crs-start-<hash>.mjs, each __CRS_*__ placeholder replaced.
import { loadPyodide as load, version } from "./pyodide.mjs";
export { version };
const STDLIB = new URL("./__CRS_STDLIB__", import.meta.url).href;
const CACHE = "pyodide-snapshot";   // not "crs-*": sw.js deletes those on activate
const KEY = new URL("./snapshot-__CRS_KEY__.bin", import.meta.url).href;
const PENDING = KEY + "?restoring";   // present while a start that restored KEY is unfinished
const root = document.documentElement;
let started = null;
// The page's one runtime: started by PyScript's call below, then the same for any later caller
// (tests look into the running interpreter through it).
export function start() {
  return (started ||= open());
}
// Of PyScript's options only its output handlers matter (indexURL is this directory, as here; no
// packages are configured).
export async function loadPyodide(options = {}) {
  const py = await start();
  if (options.stdout) py.setStdout({ batched: options.stdout });
  if (options.stderr) py.setStderr({ batched: options.stderr });
  return py;
}
async function open() {
  const options = { stdLibURL: STDLIB };
  let store = null, hit = null;
  try {
    store = await caches.open(CACHE);
    let pending;
    [hit, pending] = await Promise.all([store.match(KEY), store.match(PENDING)]);
    // The last start that restored this snapshot never reached a score (the tab crashed, hung
    // or was closed while starting): do not try the same memory again. The worst case is a
    // good snapshot dropped and made again after this visit.
    if (hit && pending) {
      console.warn("Pyodide snapshot dropped: the last start that used it did not finish");
      await Promise.all([store.delete(KEY), store.delete(PENDING)]);
      hit = null;
    }
  } catch (e) { /* no Cache API here, or storage denied (cookies blocked): start normally */ }
  if (hit) {
    // Marked before the restore, cleared once the page has scored (settle below).
    const marked = store.put(PENDING, new Response("")).catch(() => {});
    try {
      const py = await load({ ...options, _loadSnapshot: hit.arrayBuffer().then(dense) });
      py.runPython("import random; random.seed()");
      root.setAttribute("data-crs-snapshot", "restored");
      settle(store, marked);
      return ready(py);
    } catch (e) {
      console.warn("Pyodide snapshot not used:", e);
      marked.then(() => Promise.all([store.delete(KEY), store.delete(PENDING)])).catch(() => {});
    }
  }
  const py = await load(options);
  if (self.caches && self.Worker) whenStarted(makeSnapshot);
  return ready(py);
}
// A start that used the snapshot and did not reach a score ("failed", from static/boot.js or
// web/main.py) deletes it: a damaged snapshot can pass the checks and still break Python later
// (a corruption in a restored object), and it must not break every later visit. Reaching a
// score ("true") clears the mark.
function settle(store, marked) {
  const done = (state) => marked.then(() => state === "true" ? store.delete(PENDING)
    : Promise.all([store.delete(KEY), store.delete(PENDING)])).catch(() => {});
  const state = root.getAttribute("data-crs-ready");
  if (state) return done(state);
  const watch = new MutationObserver(() => {
    const now = root.getAttribute("data-crs-ready");
    if (!now) return;
    watch.disconnect();
    if (now === "failed") console.warn("Pyodide snapshot dropped: the start that used it failed");
    done(now);
  });
  watch.observe(root, { attributes: true, attributeFilter: ["data-crs-ready"] });
}
// PyScript writes its Python package into the working directory on every visit and imports it
// from there, compiling it from source ("import pyscript" took 75-110 ms; 30-45 ms now). The build
// compiled that very package (taken from PyScript's core chunk) into a folder of the stdlib zip:
// first on sys.path, it is what `import pyscript` finds. A path, not copied files: nothing to
// write, no zip to read again.
function ready(py) {
  py.runPython('import sys; sys.path.insert(0, next(p for p in sys.path if p.endswith(".zip")) + "/__CRS_PYSCRIPT_CACHE__")');
  return py;
}
// The snapshot is stored sparse (see the worker): a header, then the memory's non-zero stretches.
// Its checksum is checked first: a damaged snapshot that is still well-formed would otherwise be
// restored and break Python later (measured: 4 KB overwritten in its data restored, then
// "memory access out of bounds" on this and every later visit).
__CRS_SNAPSHOT_FORMAT__
function dense(data) {
  const head = new Uint32Array(data, 0, HEADER_WORDS);
  if (head[0] !== MAGIC || head[1] > 0x10000000) throw new Error("not a snapshot of ours");
  if (checksum(data, 4 * HEADER_WORDS) !== head[3]) throw new Error("snapshot checksum mismatch");
  const table = new Uint32Array(data, 4 * HEADER_WORDS, 2 * head[2]);
  const memory = new Uint8Array(head[1]);
  let at = 4 * HEADER_WORDS + table.byteLength;
  for (let k = 0; k < table.length; k += 2) {
    memory.set(new Uint8Array(data, at, table[k + 1]), table[k]);
    at += table[k + 1];
  }
  if (at !== data.byteLength) throw new Error("snapshot of the wrong length");
  return memory;
}
function whenStarted(fn) {   // a while after the first score, when the page is idle
  const go = () => setTimeout(() => (self.requestIdleCallback || setTimeout)(fn, { timeout: 5000 }), 2000);
  if (root.getAttribute("data-crs-ready") === "true") return go();
  const watch = new MutationObserver(() => {
    if (root.getAttribute("data-crs-ready") !== "true") return;
    watch.disconnect();
    go();
  });
  watch.observe(root, { attributes: true, attributeFilter: ["data-crs-ready"] });
}
function makeSnapshot() {
  const worker = new Worker(new URL("./__CRS_WORKER__", import.meta.url), { type: "module" });
  worker.onmessage = (event) => {
    worker.terminate();
    if (event.data.ok) root.setAttribute("data-crs-snapshot", "saved");
    else console.warn("Pyodide snapshot not made:", event.data.error);
  };
  worker.postMessage({ cache: CACHE, key: KEY, stdlib: STDLIB });
}
