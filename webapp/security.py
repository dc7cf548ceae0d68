"""Security headers on every response; the rest of issue 6 builds on this."""
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
])
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
# These apply to a document. A redirect is never rendered, and one follows every answer: on a
# phone their 350 bytes each add up (issue 7). Referrer-Policy stays: it governs the redirect.
DOCUMENT_ONLY = {"Content-Security-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy",
                 "X-Frame-Options"}


def add_headers(response):
    redirect = 300 <= response.status_code < 400 and "Location" in response.headers
    for name, value in HEADERS.items():
        if not (redirect and name in DOCUMENT_ONLY):
            response.headers.setdefault(name, value)
    # Pages hold the person's answers: never cache them. Static files may be cached.
    if response.mimetype in ("text/html", "text/plain"):
        response.headers["Cache-Control"] = "no-store"
    return response


def init(app):
    app.after_request(add_headers)
