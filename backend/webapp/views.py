"""The web app's document: every path outside the API, the admin and the files is the React app's to
route, so each gets the built `index.html` (a product page with its link-preview tags)."""

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from core.cache import PRODUCTS, cached, versioned_key
from core.domain_errors import NotFound
from products.selectors import product_get_visible
from uploads.selectors import image_variants_output

PLACEHOLDER_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Vitrin</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>Vitrin</h1><p>The API is running: see <a href="/api/docs/">/api/docs/</a>.
The web app has not been built yet (<code>make run</code> builds it).</p></body></html>"""


@lru_cache(maxsize=8)
def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


# The built index.html marks the block of default meta tags; a product page replaces it.
META_BLOCK = re.compile(r"<!--vitrin:meta-->.*?<!--/vitrin:meta-->", re.DOTALL)
# A product's page, as the web app routes it (frontend/src/paths.ts): /products/<id>, an optional
# slug, never the editor (/products/<id>/edit).
PRODUCT_PAGE_PATH = re.compile(r"^/products/(?P<product_id>\d{1,18})(?:/(?!edit/?$)[^/]+)?/?$")
DESCRIPTION_LENGTH = 200


# A product's link preview is kept under the products namespace's version: every write of a
# product or of its image's copies goes through services that bump it, so a change shows at once.
# The lifetime only bounds what a write outside them (an account deleted in the admin) leaves.
LINK_PREVIEW_SECONDS = 300


def _product_preview(product_id: int) -> dict[str, Any] | None:
    """What a link preview shows of a product everybody may see (None for any other), from the
    cache: the database is read once per product and version of the products namespace.

    Link previews are fetched anonymously, so only what everybody may see is described: a draft
    is described to nobody, not even its author.
    """

    def read() -> dict[str, Any]:
        try:
            product = product_get_visible(product_id=product_id, user=AnonymousUser())
        except NotFound:
            return {}  # kept too (`cached` keeps no None): an unknown id costs no query either
        text = " ".join((product.tagline or product.description).split())
        if len(text) > DESCRIPTION_LENGTH:
            text = text[: DESCRIPTION_LENGTH - 1].rstrip() + "…"
        return {
            "id": product.pk,
            "slug": product.slug,
            "title": product.title,
            "text": text,
            "image": product.image,
            "image_variants": getattr(product, "image_variants", None),
        }

    return cached(versioned_key(PRODUCTS, "link-preview", product_id), LINK_PREVIEW_SECONDS, read) or None


def _product_meta(request: HttpRequest, product_id: int) -> str | None:
    """OpenGraph and Twitter tags of a published product, for link previews; None otherwise."""
    product = _product_preview(product_id)
    if product is None:
        return None
    text = product["text"]
    url = request.build_absolute_uri(f"/products/{product['id']}/{product['slug']}")
    tags = {
        "description": text,
        "og:type": "website",
        "og:site_name": "Vitrin",
        "og:title": product["title"],
        "og:description": text,
        "og:url": url,
        "twitter:card": "summary_large_image" if product["image"] else "summary",
        "twitter:title": product["title"],
        "twitter:description": text,
    }
    if product["image"]:
        image = request.build_absolute_uri(product["image"])
        tags["og:image"] = image
        tags["twitter:image"] = image
    lines = [f"<title>{escape(product['title'])} · Vitrin</title>", f'<link rel="canonical" href="{escape(url)}" />']
    if product["image"]:
        # The product's image is the page's largest paint: fetch it while the app's code loads.
        lines.append(_image_preload(product["image"], product["image_variants"]))
    for name, value in tags.items():
        attribute = "property" if name.startswith("og:") else "name"
        lines.append(f'<meta {attribute}="{name}" content="{escape(value)}" />')
    return "\n    ".join(lines)


# How wide the product page draws its first image: GALLERY_SIZES of frontend/src/components/ui/gallery.tsx.
# The two must match, or the preloaded copy is not the one the page uses and both are fetched.
GALLERY_SIZES = "(min-width: 1024px) 760px, calc(100vw - 2rem)"


def _image_preload(image: str, variants: dict[str, Any] | None) -> str:
    """The preload of the copy the page's <picture> will choose: its first, most compact format
    (`type` makes a browser that cannot read it skip the preload), at the gallery's size."""
    if variants is None:
        return f'<link rel="preload" as="image" href="{escape(image)}" fetchpriority="high" />'
    first = image_variants_output(variants)["sources"][0]
    return (
        f'<link rel="preload" as="image" type="{escape(first["type"])}" imagesrcset="{escape(first["srcset"])}" '
        f'imagesizes="{GALLERY_SIZES}" fetchpriority="high" />'
    )


def _with_meta(html: str, request: HttpRequest) -> str:
    match = PRODUCT_PAGE_PATH.match(request.path)
    if match is None:
        return html
    meta = _product_meta(request, int(match["product_id"]))
    if meta is None:
        return html
    return META_BLOCK.sub(lambda _: meta, html, count=1)


# The pages whose data the web app asks for at once (frontend/src/services/prefetch.ts): the home
# page and a product's page (PRODUCT_PAGE_PATH).
HOME_ORDERINGS = ("hot", "new", "top")
LAUNCHES_PER_DAY = 10  # LAUNCHES_PER_DAY of frontend/src/services/products/get-launch-days.ts
META_END = "<!--/vitrin:meta-->"


def _launch_days_url(request: HttpRequest) -> str:
    """The home page's first data request, byte for byte as the web app builds it (or the browser
    fetches it a second time): the API under /api (VITE_API_BASE_URL's default), the query in
    get-launch-days.ts's order, today being the UTC day, as the app's is (the two disagree only
    within a clock's skew of midnight: the app then asks again)."""
    sort = request.GET.getlist("sort")[:1]  # the first, as URLSearchParams.get reads it
    query = urlencode(
        {
            "date": timezone.now().astimezone(dt.UTC).date().isoformat(),
            "ordering": sort[0] if sort and sort[0] in HOME_ORDERINGS else "hot",
            "days": 1,
            "page_size": LAUNCHES_PER_DAY,
        }
    )
    return f"{reverse('product-launch-days')}?{query}"


# The product page's code is a chunk of its own (frontend/src/router.tsx), asked for once the
# first bundle has run; named in the document, it downloads with that bundle instead.
PRODUCT_PAGE_MODULE = "src/components/pages/product/product-page.tsx"


@lru_cache(maxsize=4)
def _chunks_after_first_bundle(manifest: str, module: str) -> tuple[str, ...]:
    """The built files of `module` and of the chunks it imports, less those of the first bundle
    (the entry and its imports, which index.html already loads), from Vite's build manifest."""
    try:
        chunks: dict[str, dict[str, Any]] = json.loads(manifest)
    except ValueError:
        return ()

    def imported(name: str | None) -> dict[str, None]:
        found: dict[str, None] = {}
        pending = [name]
        while pending:
            current = pending.pop(0)
            if current is not None and current in chunks and current not in found:
                found[current] = None
                pending.extend(chunks[current].get("imports", ()))
        return found

    first_bundle = imported(next((name for name, chunk in chunks.items() if chunk.get("isEntry")), None))
    return tuple(chunks[name]["file"] for name in imported(module) if name not in first_bundle)


def _first_requests(request: HttpRequest) -> list[str]:
    """Links to what the page asks for first, so that it travels with the app's first bundle
    instead of after it has run: the data of the home page and of a product's page (as
    frontend/src/services/prefetch.ts asks for it), and a product page's code.

    The data is fetched anonymously (`crossorigin="anonymous"`: cookies, no Authorization header),
    and the app's own request takes that answer. A signed-in browser cannot be told apart here
    (its refresh cookie is sent to /api/auth/ only): the web app sends its signed-in reads without
    cookies (services/api.ts), which a preload made with them never answers, so for it the
    preload is one unused shared answer.
    """
    code: tuple[str, ...] = ()
    if request.path == "/":
        data = _launch_days_url(request)
    elif match := PRODUCT_PAGE_PATH.match(request.path):
        data = reverse("product-detail", kwargs={"product_id": int(match["product_id"])})
        manifest = _built_file(".vite/manifest.json")
        code = _chunks_after_first_bundle(manifest, PRODUCT_PAGE_MODULE) if manifest else ()
    else:
        return []
    return [
        f'<link rel="preload" as="fetch" crossorigin="anonymous" href="{escape(data)}" />',
        *(f'<link rel="modulepreload" crossorigin href="{escape(settings.STATIC_URL + file)}" />' for file in code),
    ]


def _with_first_requests(html: str, request: HttpRequest) -> str:
    links = _first_requests(request)
    if not links:
        return html
    return html.replace(META_END, "\n    ".join((META_END, *links)), 1)


def _built_file(name: str) -> str | None:
    """A file of the built web app, kept after the first read unless DEBUG; None while unbuilt
    (read again on each request until it is built)."""
    path = settings.FRONTEND_DIST_DIR / name
    kept = _read(path) if not settings.DEBUG else None
    return kept if kept is not None else _read.__wrapped__(path)


def _assets_origin() -> str | None:
    """The CDN's origin when the assets are served from one (ASSETS_URL), else None."""
    parts = urlsplit(settings.STATIC_URL)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else None


# Vite writes the assets into index.html under its build's base, /static/ (vite.config.ts).
BUILT_ASSET_REFERENCE = re.compile(r'(?P<attribute>\b(?:src|href)=")/static/')


def _with_assets_url(html: str) -> str:
    """index.html with its assets referenced where STATIC_URL puts them (a CDN's host, if any)."""
    if settings.STATIC_URL == "/static/":
        return html
    return BUILT_ASSET_REFERENCE.sub(lambda match: f"{match['attribute']}{settings.STATIC_URL}", html)


ROBOTS_TXT = "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /admin/\n"

# The web app's Content Security Policy: its own scripts, styles, fonts and API only, no inline
# script, no plugin, never framed; Google Identity Services' script, styles and frames for the
# "Sign in with Google" button (as Google documents them); images from anywhere over HTTPS, as
# uploads may live in a bucket or behind a CDN; the app's service worker and manifest from its own
# origin. Scripts, styles and fonts also from the CDN that serves the assets, when there is one
# (ASSETS_URL). Set on the web app's document, the one page that runs the app's code (an API
# answer is JSON, which no browser executes).
GOOGLE_IDENTITY = "https://accounts.google.com/gsi/"


@lru_cache(maxsize=4)
def web_app_csp(assets_origin: str | None) -> str:
    assets = f" {assets_origin}" if assets_origin else ""
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src 'self'{assets} {GOOGLE_IDENTITY}client",
            f"style-src 'self'{assets} {GOOGLE_IDENTITY}style",
            f"connect-src 'self' {GOOGLE_IDENTITY}",
            f"frame-src {GOOGLE_IDENTITY}",
            "img-src 'self' data: blob: https:",
            f"font-src 'self'{assets}",
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


def service_worker(request: HttpRequest) -> HttpResponse:
    """The web app's service worker (built by vite-plugin-pwa), at the root so that its scope is
    the whole site. Its first line tells it where the assets it precaches live (STATIC_URL); a
    change of that line is, to the browser, a new worker to install."""
    script = _built_file("sw.js")
    if script is None:
        return HttpResponseNotFound("The web app has not been built.", content_type="text/plain; charset=utf-8")
    config = f"self.__VITRIN_STATIC_URL = {json.dumps(settings.STATIC_URL)};\n"
    response = HttpResponse(config + script, content_type="text/javascript; charset=utf-8")
    # Browsers check for a new worker on each visit: they must ask this server, not a cache.
    response["Cache-Control"] = "no-cache"
    return response


def web_app_manifest(request: HttpRequest) -> HttpResponse:
    """The web app manifest (name, icons, colours) that makes Vitrin installable."""
    manifest = _built_file("manifest.webmanifest")
    if manifest is None:
        return HttpResponseNotFound("The web app has not been built.", content_type="text/plain; charset=utf-8")
    response = HttpResponse(manifest, content_type="application/manifest+json")
    response["Cache-Control"] = "no-cache"
    return response


BUILT_FILE_VIEWS = {"/sw.js": service_worker, "/manifest.webmanifest": web_app_manifest}


def web_app(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    """Serves the web app's `index.html` for every path the web app routes itself.

    For a product page the default meta tags are replaced by the product's OpenGraph / Twitter
    tags, so a shared link shows its title, description and image. The home page and a product
    page also name their first requests (`_first_requests`), which then start with the document.
    """
    if request.path == "/robots.txt":
        return HttpResponse(ROBOTS_TXT, content_type="text/plain; charset=utf-8")
    if request.path in BUILT_FILE_VIEWS:
        return BUILT_FILE_VIEWS[request.path](request)
    html = _built_file("index.html") or PLACEHOLDER_HTML
    document = _with_meta(_with_first_requests(_with_assets_url(html), request), request)
    response = HttpResponse(document, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Content-Security-Policy"] = web_app_csp(_assets_origin())
    return response
