"""The dev server: dist/ as a static host serves it (no directory listings, the headers of
headers.py chosen from the file served), plus the .br and .gz siblings to browsers that accept
them (br first)."""

import hashlib
import http.server
import os

from . import common, headers

MIME = {
    ".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
    ".json": "application/json", ".py": "text/x-python; charset=utf-8",
    ".css": "text/css", ".html": "text/html; charset=utf-8", ".zip": "application/zip",
    ".svg": "image/svg+xml",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME}

    def __init__(self, *args, directory=None, **kwargs):
        super().__init__(*args, directory=directory or str(common.DIST), **kwargs)

    # Headers are chosen from the file actually served (after translate_path has decoded and
    # normalised the request path), never from the raw path: /embed/..%2findex.html is the
    # calculator page and gets the calculator's headers.
    served = None   # that file, relative to the served directory ("" when none)

    def end_headers(self):
        for key, value in headers.response_headers(self.served or "").items():
            self.send_header(key, value)
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if self.path.split("?")[0].endswith("/") and os.path.exists(index):
                path = index
        self.served = os.path.relpath(path, self.directory).replace(os.sep, "/")
        accepted = [e.split(";")[0].strip() for e in self.headers.get("Accept-Encoding", "").split(",")]
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            if encoding in accepted and os.path.isfile(path + suffix) and os.path.isfile(path):
                return self._send_gzip(path, path + suffix, encoding)
        return super().send_head()

    def list_directory(self, path):
        """No directory listings (what a static host does): a directory without index.html is
        not found."""
        self.send_error(404, "File not found")
        return None

    def _send_gzip(self, path, gz, encoding="gzip"):
        stat = os.stat(gz)
        etag = '"%s"' % hashlib.md5(("%s-%s" % (stat.st_mtime_ns, stat.st_size)).encode()).hexdigest()
        modified = self.date_time_string(int(stat.st_mtime))
        if (self.headers.get("If-None-Match") == etag
                or self.headers.get("If-Modified-Since") == modified):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            self.end_headers()
            return None
        f = open(gz, "rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", modified)
        self.end_headers()
        if os.environ.get("CRS_SERVE_LOG"):
            self.log_message(encoding + " %s INM=%s IMS=%s", self.path, self.headers.get("If-None-Match"),
                             self.headers.get("If-Modified-Since"))
        return f

    def log_message(self, format, *args):
        if os.environ.get("CRS_SERVE_LOG"):
            super().log_message(format, *args)


def make_server(port=0, directory=None):
    """A threaded server for dist/ on 127.0.0.1 (port 0: any free port). Returns it unstarted."""
    handler = lambda *a, **k: Handler(*a, directory=directory, **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    return server


def serve(port, directory=None):
    server = make_server(port, directory)
    print("Serving dist/ on http://127.0.0.1:%d/ (French: /fr/). Ctrl-C to stop."
          % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
