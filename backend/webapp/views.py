"""The web app's document: every path outside the API, the admin and the files is the React app's to
route, so each gets the built `index.html` (a product page with its link-preview tags)."""

import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.utils.html import escape

from core.domain_errors import NotFound
from products.selectors import product_get_visible

PLACEHOLDER_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Vitrin</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>Vitrin</h1><p>The API is running: see <a href="/api/docs/">/api/docs/</a>.
The web app has not been built yet (<code>make run</code> builds it).</p></body></html>"""


@lru_cache(maxsize=1)
def _index_html(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


# The built index.html marks the block of default meta tags; a product page replaces it.
META_BLOCK = re.compile(r"<!--vitrin:meta-->.*?<!--/vitrin:meta-->", re.DOTALL)
PRODUCT_PATH = re.compile(r"^/products/(?P<product_id>\d{1,18})(?:/|$)")
DESCRIPTION_LENGTH = 200


def _product_meta(request: HttpRequest, product_id: int) -> str | None:
    """OpenGraph and Twitter tags of a published product, for link previews; None otherwise.

    Link previews are fetched anonymously, so only what everybody may see is described: a draft
    is described to nobody, not even its author.
    """
    try:
        product = product_get_visible(product_id=product_id, user=AnonymousUser())
    except NotFound:
        return None
    text = " ".join((product.tagline or product.description).split())
    if len(text) > DESCRIPTION_LENGTH:
        text = text[: DESCRIPTION_LENGTH - 1].rstrip() + "…"
    url = request.build_absolute_uri(f"/products/{product.pk}/{product.slug}")
    tags = {
        "description": text,
        "og:type": "website",
        "og:site_name": "Vitrin",
        "og:title": product.title,
        "og:description": text,
        "og:url": url,
        "twitter:card": "summary_large_image" if product.image else "summary",
        "twitter:title": product.title,
        "twitter:description": text,
    }
    if product.image:
        image = request.build_absolute_uri(product.image)
        tags["og:image"] = image
        tags["twitter:image"] = image
    lines = [f"<title>{escape(product.title)} · Vitrin</title>", f'<link rel="canonical" href="{escape(url)}" />']
    if product.image:
        # The product's image is the page's largest paint: fetch it while the app's code loads.
        lines.append(f'<link rel="preload" as="image" href="{escape(product.image)}" fetchpriority="high" />')
    for name, value in tags.items():
        attribute = "property" if name.startswith("og:") else "name"
        lines.append(f'<meta {attribute}="{name}" content="{escape(value)}" />')
    return "\n    ".join(lines)


def _with_meta(html: str, request: HttpRequest) -> str:
    match = PRODUCT_PATH.match(request.path)
    if match is None:
        return html
    meta = _product_meta(request, int(match["product_id"]))
    if meta is None:
        return html
    return META_BLOCK.sub(lambda _: meta, html, count=1)


ROBOTS_TXT = "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /admin/\n"

# The web app's Content Security Policy: its own scripts, styles, fonts and API only, no inline
# script, no plugin, never framed; Google Identity Services' script, styles and frames for the
# "Sign in with Google" button (as Google documents them); images from anywhere over HTTPS, as
# uploads may live in a bucket or behind a CDN. A constant: set on the web app's document, the one
# page that runs the app's code (an API answer is JSON, which no browser executes).
GOOGLE_IDENTITY = "https://accounts.google.com/gsi/"
WEB_APP_CSP = "; ".join(
    (
        "default-src 'self'",
        f"script-src 'self' {GOOGLE_IDENTITY}client",
        f"style-src 'self' {GOOGLE_IDENTITY}style",
        f"connect-src 'self' {GOOGLE_IDENTITY}",
        f"frame-src {GOOGLE_IDENTITY}",
        "img-src 'self' data: blob: https:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


def web_app(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    """Serves the web app's `index.html` for every path the web app routes itself.

    For a product page the default meta tags are replaced by the product's OpenGraph / Twitter
    tags, so a shared link shows its title, description and image.
    """
    if request.path == "/robots.txt":
        return HttpResponse(ROBOTS_TXT, content_type="text/plain; charset=utf-8")
    html = _index_html(settings.FRONTEND_DIST_DIR / "index.html") if not settings.DEBUG else None
    if html is None:
        html = _index_html.__wrapped__(settings.FRONTEND_DIST_DIR / "index.html") or PLACEHOLDER_HTML
    response = HttpResponse(_with_meta(html, request), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Content-Security-Policy"] = WEB_APP_CSP
    return response
