"""The web app's document starts the first page's data request itself, and describes a product
from the cache."""

import datetime as dt
import json
import socket
from pathlib import Path

import pytest
import time_machine
from django.test import Client
from pytest_django.fixtures import DjangoAssertNumQueries, Settings

from products.models import ProductStatus
from products.services import product_update
from products.tests.factories import ProductFactory
from webapp.tests.support import serve_built_app

INDEX_HTML = """<!doctype html><html><head>
<!--vitrin:meta--><title>Vitrin</title><meta property="og:title" content="Vitrin" /><!--/vitrin:meta-->
<script type="module" crossorigin src="/static/assets/index.js"></script>
</head><body><div id="root"></div></body></html>"""

LAUNCHES_TODAY = (
    '<link rel="preload" as="fetch" crossorigin="anonymous" '
    'href="/api/products/launch-days/?date=2026-03-01&amp;ordering={ordering}&amp;days=1&amp;page_size=10" />'
)


@pytest.fixture
def built_app(tmp_path: Path, settings: Settings) -> Path:
    return serve_built_app(tmp_path, settings, {"index.html": INDEX_HTML})


def _preloads(html: str) -> list[str]:
    return [f"<link {line.split('<link ', 1)[1]}" for line in html.splitlines() if 'as="fetch"' in line]


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 3, 1, 23, 59, tzinfo=dt.UTC), tick=False)
def test_the_home_page_preloads_todays_launches_in_the_order_shown(built_app: Path, client: Client) -> None:
    shown = {"/": "hot", "/?sort=new": "new", "/?sort=top": "top", "/?sort=best": "hot", "/?sort=new&sort=top": "new"}

    for path, ordering in shown.items():
        html = client.get(path).content.decode()

        # The web app's URL to the byte (get-launch-days.ts), or the browser fetches it again.
        assert _preloads(html) == [LAUNCHES_TODAY.format(ordering=ordering)], path
        # Before the app's code, so that both travel at once.
        assert html.index('as="fetch"') < html.index("<script")


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 3, 1, 23, 59, tzinfo=dt.UTC), tick=False)
def test_the_preloaded_day_is_the_utc_day(built_app: Path, client: Client, settings: Settings) -> None:
    settings.TIME_ZONE = "Pacific/Auckland"  # 2 March there

    html = client.get("/").content.decode()

    assert _preloads(html) == [LAUNCHES_TODAY.format(ordering="hot")]


@pytest.mark.django_db
def test_a_product_page_preloads_its_product(built_app: Path, client: Client) -> None:
    product = ProductFactory.create(slug="lamp")

    for path in (f"/products/{product.pk}", f"/products/{product.pk}/", f"/products/{product.pk}/lamp"):
        html = client.get(path).content.decode()

        assert _preloads(html) == [
            f'<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/products/{product.pk}/" />'
        ], path


@pytest.mark.django_db
def test_pages_whose_data_the_web_app_does_not_fetch_first_preload_nothing(built_app: Path, client: Client) -> None:
    product = ProductFactory.create(slug="lamp")

    for path in (f"/products/{product.pk}/edit", "/products/lamp", "/search?q=lamp", "/submit", "/users/ada"):
        assert _preloads(client.get(path).content.decode()) == [], path


@pytest.mark.django_db
def test_a_product_page_is_described_from_the_cache(
    built_app: Path, client: Client, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    product = ProductFactory.create(title="Lamp", slug="lamp", tagline="Light for your tabs")
    client.get(f"/products/{product.pk}/lamp")

    with django_assert_num_queries(0):
        html = client.get(f"/products/{product.pk}/lamp").content.decode()

    assert '<meta property="og:title" content="Lamp" />' in html
    assert '<meta property="og:description" content="Light for your tabs" />' in html


@pytest.mark.django_db
def test_a_changed_product_is_described_as_it_is_now(built_app: Path, client: Client) -> None:
    product = ProductFactory.create(title="Lamp", slug="lamp")
    client.get(f"/products/{product.pk}/lamp")

    product_update(product=product, title="Glowtab", tagline="Dims the tabs you are not using")
    html = client.get(f"/products/{product.pk}/lamp").content.decode()

    assert '<meta property="og:title" content="Glowtab" />' in html
    assert '<meta property="og:description" content="Dims the tabs you are not using" />' in html
    assert "Lamp" not in html


@pytest.mark.django_db
def test_a_draft_is_described_once_published_and_no_longer_once_archived(built_app: Path, client: Client) -> None:
    product = ProductFactory.create(title="Secret plan", slug="plan", status=ProductStatus.DRAFT)
    client.get(f"/products/{product.pk}/plan")

    product_update(product=product, status=ProductStatus.PUBLISHED)
    published = client.get(f"/products/{product.pk}/plan").content.decode()
    product_update(product=product, status=ProductStatus.ARCHIVED)
    archived = client.get(f"/products/{product.pk}/plan").content.decode()

    assert '<meta property="og:title" content="Secret plan" />' in published
    assert "Secret plan" not in archived
    assert '<meta property="og:title" content="Vitrin" />' in archived


VITE_MANIFEST = {
    "index.html": {
        "file": "assets/index-1.js",
        "isEntry": True,
        "imports": ["_chunk-2.js"],
        "dynamicImports": ["src/components/pages/product/product-page.tsx"],
    },
    "_chunk-2.js": {"file": "assets/chunk-2.js"},
    "_follow-3.js": {"file": "assets/follow-3.js", "imports": ["_chunk-2.js"]},
    "src/components/pages/not-found/not-found-page.tsx": {"file": "assets/not-found-4.js", "isDynamicEntry": True},
    "src/components/pages/product/product-page.tsx": {
        "file": "assets/product-page-5.js",
        "isDynamicEntry": True,
        "imports": ["_chunk-2.js", "index.html", "_follow-3.js", "src/components/pages/not-found/not-found-page.tsx"],
        "dynamicImports": ["src/components/forms/comment-form.tsx"],
    },
    "src/components/forms/comment-form.tsx": {"file": "assets/comment-form-6.js", "isDynamicEntry": True},
}


@pytest.mark.django_db
def test_a_product_page_fetches_its_code_with_the_first_bundle(built_app: Path, client: Client) -> None:
    (built_app / ".vite").mkdir()
    (built_app / ".vite" / "manifest.json").write_text(json.dumps(VITE_MANIFEST), encoding="utf-8")
    product = ProductFactory.create(slug="lamp")

    page = client.get(f"/products/{product.pk}/lamp").content.decode()
    home = client.get("/").content.decode()

    # The page's chunk and what it imports, but not what the first bundle already brings, nor
    # what the page loads later (the comment form).
    assert [line.strip() for line in page.splitlines() if "modulepreload" in line] == [
        '<link rel="modulepreload" crossorigin href="/static/assets/product-page-5.js" />',
        '<link rel="modulepreload" crossorigin href="/static/assets/follow-3.js" />',
        '<link rel="modulepreload" crossorigin href="/static/assets/not-found-4.js" />',
    ]
    assert page.index("modulepreload") < page.index("<script")
    assert "modulepreload" not in home


@pytest.mark.django_db
def test_without_a_build_manifest_a_product_page_preloads_its_data_only(built_app: Path, client: Client) -> None:
    product = ProductFactory.create(slug="lamp")

    page = client.get(f"/products/{product.pk}/lamp").content.decode()

    assert "modulepreload" not in page
    assert f'href="/api/products/{product.pk}/"' in page


@pytest.mark.django_db
def test_with_the_cache_unreachable_a_product_page_is_described_from_the_database(
    built_app: Path, client: Client, settings: Settings
) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5, "IGNORE_EXCEPTIONS": True},
        }
    }
    product = ProductFactory.create(title="Lamp", slug="lamp")

    response = client.get(f"/products/{product.pk}/lamp")

    assert response.status_code == 200
    assert '<meta property="og:title" content="Lamp" />' in response.content.decode()
