// Brotli siblings of dist/ files, from node's own zlib (tools/build/compress.py runs it).
// usage: node tools/build/brotli.mjs <jobs.json>: [[source, target], ...], quality 11, window 24
import { readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants as z } from "node:zlib";
for (const [src, dst] of JSON.parse(readFileSync(process.argv[2], "utf8"))) {
  const data = readFileSync(src);
  writeFileSync(dst, brotliCompressSync(data, { params: {
    [z.BROTLI_PARAM_QUALITY]: 11, [z.BROTLI_PARAM_LGWIN]: 24,
    [z.BROTLI_PARAM_SIZE_HINT]: data.length,
    [z.BROTLI_PARAM_MODE]: src.endsWith(".wasm") || src.endsWith(".zip") ? z.BROTLI_MODE_GENERIC
                                                                     : z.BROTLI_MODE_TEXT } }));
}
