// Makes the memory snapshot that crs-start-*.mjs restores. Template: tools/build/runtime.py
// writes it as vendor/pyodide-*/crs-snapshot-worker-<hash>.mjs, __CRS_*__ placeholders replaced.
// The runtime comes from the HTTP or service-worker cache: nothing new is downloaded.
import { loadPyodide } from "./pyodide.mjs";
const IMPORTS = __CRS_IMPORTS__;
// The memory (31 MB) is three-quarters zeros: only its non-zero stretches are stored, after a
// header [MAGIC, memory size, n, checksum], then n times (offset, length), then the stretches.
// About 11 MB on disk, and faster to read back than the whole memory (gzip is smaller but
// slower to inflate: docs/page.md). The checksum covers everything after the header.
__CRS_SNAPSHOT_FORMAT__
function sparse(memory) {
  const GAP = 4096;   // zero runs shorter than this stay inside a stretch
  const stretches = [];
  for (let i = 0; i < memory.length;) {
    while (i < memory.length && memory[i] === 0) i++;
    if (i === memory.length) break;
    let end = i, zeros = 0;
    for (; end < memory.length && zeros < GAP; end++) zeros = memory[end] === 0 ? zeros + 1 : 0;
    end -= zeros;
    stretches.push(memory.subarray(i, end));
    i = end;
  }
  const words = HEADER_WORDS;
  const table = new Uint32Array(2 * stretches.length);
  stretches.forEach((part, k) => table.set([part.byteOffset - memory.byteOffset, part.length], 2 * k));
  const out = new Uint8Array(4 * words + table.byteLength + stretches.reduce((n, p) => n + p.length, 0));
  out.set(new Uint8Array(table.buffer), 4 * words);
  let at = 4 * words + table.byteLength;
  for (const part of stretches) { out.set(part, at); at += part.length; }
  new Uint32Array(out.buffer, 0, words).set([MAGIC, memory.length, stretches.length,
                                             checksum(out.buffer, 4 * words)]);
  return new Blob([out]);
}
self.onmessage = async ({ data: { cache, key, stdlib } }) => {
  try {
    const py = await loadPyodide({ indexURL: new URL("./", import.meta.url).href,
                                   stdLibURL: stdlib, _makeSnapshot: true });
    py.globals.set("imports", py.toPy(IMPORTS));
    py.runPython("import importlib, gc\nfor m in imports: importlib.import_module(m)\n" +
                 "del imports, importlib, m\ngc.collect()");
    const snapshot = py.makeMemorySnapshot();
    const store = await caches.open(cache);
    for (const old of await store.keys()) if (old.url !== key) await store.delete(old);
    await store.put(key, new Response(sparse(snapshot), { headers: { "content-type": "application/octet-stream" } }));
    postMessage({ ok: true, size: snapshot.length });
  } catch (e) {
    postMessage({ ok: false, error: String((e && e.stack) || e) });
  }
};
