from pathlib import Path

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from products.models import ProductStatus
from products.tests.factories import ProductFactory
from uploads.services import upload_variants_make
from uploads.tests.factories import UploadFactory
from users.tests.factories import UserFactory
from webapp.tests.support import serve_built_app

INDEX_HTML = """<!doctype html><html><head>
<!--vitrin:meta--><title>Vitrin</title><meta property="og:title" content="Vitrin" /><!--/vitrin:meta-->
</head><body><div id="root"></div></body></html>"""


@pytest.fixture
def built_app(tmp_path: Path, settings: Settings) -> Path:
    return serve_built_app(tmp_path, settings, {"index.html": INDEX_HTML})


@pytest.mark.django_db
def test_every_page_outside_the_api_is_the_web_app_uncached(built_app: Path, client: Client) -> None:
    for path in ("/", "/search?q=lamp", "/users/ada/followers", "/no/such/page"):
        response = client.get(path)

        assert response.status_code == 200
        assert response["Content-Type"] == "text/html; charset=utf-8"
        assert response["Cache-Control"] == "no-cache"
        assert '<div id="root"></div>' in response.content.decode()


@pytest.mark.django_db
def test_the_web_app_runs_under_a_content_security_policy_and_the_api_does_not_need_one(
    built_app: Path, client: Client
) -> None:
    page = client.get("/products/lamp")
    policy = {
        directive.split(" ", 1)[0]: directive.split(" ", 1)[1]
        for directive in page["Content-Security-Policy"].split("; ")
    }

    # Scripts come only from Vitrin itself and Google's sign-in client: no inline script, no eval.
    assert policy["script-src"] == "'self' https://accounts.google.com/gsi/client"
    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["base-uri"] == "'self'"
    assert "Content-Security-Policy" not in client.get("/api/categories/")


@pytest.mark.django_db
def test_a_product_page_carries_the_products_open_graph_tags(built_app: Path, client: Client) -> None:
    product = ProductFactory.create(
        title='Lamp <script>alert("x")</script>',
        slug="lamp",
        tagline="Light for your tabs & windows",
        image="/media/uploads/lamp.png",
    )

    html = client.get(f"/products/{product.pk}/lamp").content.decode()

    assert '<meta property="og:title" content="Lamp &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" />' in html
    assert '<meta property="og:description" content="Light for your tabs &amp; windows" />' in html
    assert '<meta property="og:image" content="http://testserver/media/uploads/lamp.png" />' in html
    assert '<meta name="twitter:card" content="summary_large_image" />' in html
    assert '<link rel="preload" as="image" href="/media/uploads/lamp.png" fetchpriority="high" />' in html
    assert f'<meta property="og:url" content="http://testserver/products/{product.pk}/lamp" />' in html
    assert "<script>alert" not in html
    assert html.count("og:title") == 1


@pytest.mark.django_db
def test_the_description_stands_in_for_a_missing_tagline_and_is_shortened(built_app: Path, client: Client) -> None:
    product = ProductFactory.create(tagline="", description="word " * 100, image="")

    html = client.get(f"/products/{product.pk}/").content.decode()

    assert '<meta name="twitter:card" content="summary" />' in html
    assert "og:image" not in html
    description = html.split('<meta property="og:description" content="')[1].split('"')[0]
    assert len(description) <= 200
    assert description.endswith("…")


@pytest.mark.django_db
def test_a_draft_or_unknown_product_keeps_the_default_tags(built_app: Path, client: Client) -> None:
    draft = ProductFactory.create(title="Secret plan", status=ProductStatus.DRAFT)

    for path in (f"/products/{draft.pk}/secret", "/products/999999/none", "/products/abc"):
        html = client.get(path).content.decode()

        assert '<meta property="og:title" content="Vitrin" />' in html
        assert "Secret plan" not in html


@pytest.mark.django_db
def test_robots_txt_is_plain_text_that_keeps_crawlers_out_of_the_api(built_app: Path, client: Client) -> None:
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines == ["User-agent: *", "Allow: /", "Disallow: /api/", "Disallow: /admin/"]


@pytest.mark.django_db
def test_a_product_page_preloads_the_copy_of_its_image_that_the_page_draws(built_app: Path, client: Client) -> None:
    owner = UserFactory.create()
    cover = UploadFactory.create(owner=owner, width=2000, height=1000, content_type="image/jpeg")
    upload_variants_make(upload_id=cover.pk)
    stem = "/media/" + cover.file.name.rsplit(".", 1)[0]
    product = ProductFactory.create(author=owner, image=cover.url)

    html = client.get(f"/products/{product.pk}/").content.decode()

    assert (
        f'<link rel="preload" as="image" type="image/avif" imagesrcset="{stem}.w160.avif 160w, '
        f'{stem}.w480.avif 480w, {stem}.w800.avif 800w, {stem}.w1280.avif 1280w" '
        'imagesizes="(min-width: 1024px) 760px, calc(100vw - 2rem)" fetchpriority="high" />'
    ) in html
