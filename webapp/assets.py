"""Static files with fingerprinted names and compressed bodies, and compressed HTML.

`asset_url("css/app.css")` gives `/static/css/app.<hash>.css`. A fingerprinted URL never
changes meaning, so it is cached for a year (`immutable`): a returning phone fetches nothing
but the page. Its gzip and brotli bodies are made once per process, on first request, at the
highest levels. Pages (HTML, the plain-text summary) are compressed on the fly at levels cheap
enough to keep the server fast; they stay `no-store` (security.py), since they show answers.
"""

import gzip
import hashlib
import mimetypes
from pathlib import Path

from flask import current_app, request

try:
    import brotli
except ImportError:  # the pinned Brotli wheel is optional: gzip alone still meets the budgets
    brotli = None

YEAR = 365 * 24 * 3600
IMMUTABLE = f"public, max-age={YEAR}, immutable"
COMPRESSIBLE = {
    "text/html",
    "text/plain",
    "text/css",
    "text/javascript",
    "application/javascript",
    "image/svg+xml",
    "application/json",
}
# Below this a compressed body plus its header saves nothing worth the CPU.
SMALLEST = 512
# Levels for pages made per request (measured: about 0.1 ms for a 10 KB page) ...
PAGE_LEVEL = {"br": 4, "gzip": 4}
# ... and for static files, compressed once.
STATIC_LEVEL = {"br": 11, "gzip": 9}
REDIRECTS = {301, 302, 303, 307, 308}
_compressed: dict[tuple[str, str, str | None], bytes] = {}


def compress(body, encoding, level):
    if encoding == "br":
        return brotli.compress(body, quality=level)
    # mtime=0: the same input always gives the same bytes (tests compare sizes).
    return gzip.compress(body, compresslevel=level, mtime=0)


def chosen_encoding():
    """The best encoding this request accepts: brotli, then gzip, else None."""
    accepted = request.accept_encodings
    if brotli is not None and accepted["br"]:
        return "br"
    if accepted["gzip"]:
        return "gzip"
    return None


class Manifest:
    """Every file under the static folder, by name and by fingerprinted name."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.fingerprinted = {}  # "css/app.css" -> "css/app.1a2b3c4d5e.css"
        self.files = {}  # "css/app.1a2b3c4d5e.css" -> (path, digest)
        for path in sorted(self.folder.rglob("*")):
            if not path.is_file():
                continue
            name = path.relative_to(self.folder).as_posix()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
            stem, dot, suffix = name.rpartition(".")
            hashed = f"{stem}.{digest}.{suffix}" if dot else f"{name}.{digest}"
            self.fingerprinted[name] = hashed
            self.files[hashed] = (path, digest)

    def url(self, name):
        return f"{current_app.static_url_path}/{self.fingerprinted[name]}"


def body_for(path, digest, encoding):
    """The file's bytes in this encoding, made once per process and kept."""
    key = (str(path), digest, encoding)
    if key not in _compressed:
        raw = path.read_bytes()
        _compressed[key] = (
            raw if encoding is None else compress(raw, encoding, STATIC_LEVEL[encoding])
        )
    return _compressed[key]


def serve_static(manifest, fallback):
    def static(filename):
        found = manifest.files.get(filename)
        if found is None:
            # An unfingerprinted name (the favicon browsers ask for, an old bookmark): Flask's
            # own handler, revalidated each time.
            return fallback(filename=filename)
        path, digest = found
        mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        encoding = chosen_encoding() if mimetype in COMPRESSIBLE else None
        response = current_app.response_class(body_for(path, digest, encoding), mimetype=mimetype)
        if encoding:
            response.headers["Content-Encoding"] = encoding
        response.headers["Cache-Control"] = IMMUTABLE
        response.vary.add("Accept-Encoding")
        response.set_etag(f"{digest}-{encoding or 'identity'}")
        return response.make_conditional(request)

    return static


def lighten(response):
    """after_request: compress a page made by a view (static files arrive compressed), and drop
    the "Redirecting..." body of a redirect: every browser follows Location, and on the walk
    there is a redirect after each answer."""
    if response.status_code in REDIRECTS and "Location" in response.headers:
        response.set_data(b"")
        return response
    if (
        response.mimetype not in COMPRESSIBLE
        or response.direct_passthrough
        or response.is_streamed
        or "Content-Encoding" in response.headers
    ):
        return response
    response.vary.add("Accept-Encoding")
    body = response.get_data()
    encoding = chosen_encoding()
    if encoding is None or len(body) < SMALLEST:
        return response
    response.set_data(compress(body, encoding, PAGE_LEVEL[encoding]))
    response.headers["Content-Encoding"] = encoding
    return response


def init(app):
    manifest = Manifest(app.static_folder)
    app.extensions["assets"] = manifest
    app.view_functions["static"] = serve_static(manifest, app.view_functions["static"])
    app.jinja_env.globals["asset_url"] = manifest.url
    app.after_request(lighten)
