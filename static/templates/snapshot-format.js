// The stored snapshot's format: the worker writes it, crs-start reads it (the build puts this
// file into both). FNV-1a in four lanes: twice as fast as one (docs/page.md); against damage only.
const MAGIC = 0x32535243;   // "CRS2" as a little-endian word
const HEADER_WORDS = 4;     // magic, memory size, number of stretches, checksum
function checksum(buffer, from) {
  const words = new Uint32Array(buffer, from, (buffer.byteLength - from) >>> 2);
  const P = 0x01000193, n = words.length & ~3;
  let a = 0x811c9dc5, b = 0x050c5d1f, c = 0x9e3779b9, d = 0x85ebca6b;
  for (let i = 0; i < n; i += 4) {
    a = Math.imul(a ^ words[i], P); b = Math.imul(b ^ words[i + 1], P);
    c = Math.imul(c ^ words[i + 2], P); d = Math.imul(d ^ words[i + 3], P);
  }
  let h = Math.imul(Math.imul(Math.imul(a ^ b, P) ^ c, P) ^ d, P);
  for (let i = n; i < words.length; i++) h = Math.imul(h ^ words[i], P);
  const tail = new Uint8Array(buffer, from + 4 * words.length);
  for (let i = 0; i < tail.length; i++) h = Math.imul(h ^ tail[i], P);
  return h >>> 0;
}
