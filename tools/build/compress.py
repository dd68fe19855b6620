"""Compressed siblings of dist/'s files (.gz, .br), as a real host would serve them."""

import gzip
import hashlib
import json
import os
import shutil
import subprocess

from . import common

COMPRESS = (".wasm", ".mjs", ".js", ".json", ".py", ".css", ".html", ".zip", ".svg")


def compress(dist):
    """Write .gz and .br siblings, served by `serve` to clients that accept them (as a real host
    would). Brotli comes from node's own zlib (node is already needed for npm): no new package.
    Each .br is cached by content hash in node_modules/.crs-build/br/ (quality 11 takes about
    half a minute for the wasm and the stdlib, once)."""
    cache = common.NODE_MODULES / ".crs-build" / "br"
    jobs, pending, queued = [], [], set()
    for path in sorted(dist.rglob("*")):
        if path.is_file() and path.suffix in COMPRESS:
            data = path.read_bytes()
            packed = gzip.compress(data, compresslevel=9, mtime=0)
            if len(packed) < len(data) * 0.9:
                path.with_name(path.name + ".gz").write_bytes(packed)
            cached = cache / (hashlib.sha256(data).hexdigest() + ".br")
            jobs.append((path, cached, len(data)))
            # Identical files (same hash) share one cache entry: queue it once, or the second
            # rename finds its .tmp already moved.
            if not cached.exists() and str(cached) + ".tmp" not in queued:
                queued.add(str(cached) + ".tmp")
                pending.append([str(path), str(cached) + ".tmp"])
    if pending and shutil.which("node"):
        cache.mkdir(parents=True, exist_ok=True)
        (cache / "jobs.json").write_text(json.dumps(pending))
        common.log("brotli: compressing %d files" % len(pending))
        subprocess.run(["node", str(common.HERE / "brotli.mjs"), str(cache / "jobs.json")],
                       check=True, stdin=subprocess.DEVNULL)
        for _, tmp in pending:
            os.replace(tmp, tmp[:-len(".tmp")])
    for path, cached, size in jobs:
        if cached.exists() and cached.stat().st_size < size * 0.9:
            shutil.copyfile(cached, path.with_name(path.name + ".br"))
