import logging
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.html import escape
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from products.selectors import product_get_visible

logger = logging.getLogger(__name__)


class HealthApi(APIView):
    """Answers while the process runs; load balancers use it to route traffic."""

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    throttle_classes: list[type] = []

    @extend_schema(responses=inline_serializer("Health", {"status": serializers.CharField()}))
    def get(self, request: Request) -> Response:
        return Response({"status": "ok"})


class ReadyApi(APIView):
    """Answers 200 only when the database and the cache both answer, else 503 naming what failed."""

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    throttle_classes: list[type] = []

    @extend_schema(
        responses={
            200: inline_serializer(
                "Ready",
                {"status": serializers.CharField(), "checks": serializers.DictField(child=serializers.CharField())},
            ),
            503: inline_serializer(
                "NotReady",
                {"status": serializers.CharField(), "checks": serializers.DictField(child=serializers.CharField())},
            ),
        }
    )
    def get(self, request: Request) -> Response:
        checks = {"database": _check_database(), "cache": _check_cache()}
        ready = all(state == "ok" for state in checks.values())
        return Response({"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503)


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means "not ready"; the reason is logged
        logger.warning("readiness: database failed", exc_info=exc)
        return f"failed: {type(exc).__name__}"
    return "ok"


def _check_cache() -> str:
    # The Redis client is configured to swallow errors (the cache is an accelerator), so
    # readiness asks the client directly when there is one.
    try:
        client_getter = getattr(cache, "client", None)
        if client_getter is not None and hasattr(client_getter, "get_client"):
            client_getter.get_client(write=True).ping()
        else:
            cache.set("vitrin:ready", "1", 5)
            if cache.get("vitrin:ready") != "1":
                return "failed: the cache did not return what was stored"
    except Exception as exc:
        logger.warning("readiness: cache failed", exc_info=exc)
        return f"failed: {type(exc).__name__}"
    return "ok"


class ClientConfigApi(APIView):
    """What a client needs to know before it signs anybody in."""

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]

    @extend_schema(
        responses=inline_serializer("ClientConfig", {"google_client_id": serializers.CharField(allow_null=True)})
    )
    def get(self, request: Request) -> Response:
        return Response({"google_client_id": settings.GOOGLE_OAUTH_CLIENT_ID or None})


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
    except Http404:
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
