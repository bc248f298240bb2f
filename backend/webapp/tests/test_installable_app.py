"""The installable web app: its service worker at /sw.js and its manifest at
/manifest.webmanifest, served at the site's root so that the worker's scope is the whole site;
and the web app's assets on a CDN when ASSETS_URL names one."""

from pathlib import Path

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from webapp.tests.support import serve_built_app

# What `vite build` writes (trimmed): assets referenced under the build's base, /static/.
INDEX_HTML = """<!doctype html><html><head>
<link rel="icon" type="image/svg+xml" href="/static/favicon.svg" />
<!--vitrin:meta--><title>Vitrin</title><!--/vitrin:meta-->
<script type="module" crossorigin src="/static/assets/index-Bx81kT0a.js"></script>
<link rel="modulepreload" crossorigin href="/static/assets/react-CD4h0mTe.js">
<link rel="stylesheet" crossorigin href="/static/assets/index-D3v9aQ1z.css">
<link rel="manifest" href="/manifest.webmanifest">
</head><body><div id="root"></div></body></html>"""
SERVICE_WORKER = 'self.addEventListener("fetch",()=>{});\n'
MANIFEST = '{"name":"Vitrin","start_url":"/","scope":"/","display":"standalone"}'


@pytest.fixture
def built_app(tmp_path: Path, settings: Settings) -> Path:
    return serve_built_app(
        tmp_path, settings, {"index.html": INDEX_HTML, "sw.js": SERVICE_WORKER, "manifest.webmanifest": MANIFEST}
    )


def _policy(header: str) -> dict[str, str]:
    return {directive.split(" ", 1)[0]: directive.split(" ", 1)[1] for directive in header.split("; ")}


@pytest.mark.django_db
def test_the_service_worker_is_served_at_the_root_and_always_revalidated(built_app: Path, client: Client) -> None:
    response = client.get("/sw.js")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    # A browser checks for a new worker on every visit; no-cache makes it ask this server.
    assert response["Cache-Control"] == "no-cache"
    assert response.content.decode() == f'self.__VITRIN_STATIC_URL = "/static/";\n{SERVICE_WORKER}'


@pytest.mark.django_db
def test_the_manifest_is_served_at_the_root_with_its_content_type(built_app: Path, client: Client) -> None:
    response = client.get("/manifest.webmanifest")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    assert response["Cache-Control"] == "no-cache"
    assert response.content.decode() == MANIFEST


@pytest.mark.django_db
def test_without_a_build_there_is_no_service_worker_nor_manifest(
    tmp_path: Path, settings: Settings, client: Client
) -> None:
    settings.FRONTEND_DIST_DIR = tmp_path
    settings.DEBUG = True

    assert client.get("/sw.js").status_code == 404
    assert client.get("/manifest.webmanifest").status_code == 404


@pytest.mark.django_db
def test_the_policy_lets_the_web_app_install_its_worker_and_manifest_from_its_own_origin_only(
    built_app: Path, client: Client
) -> None:
    policy = _policy(client.get("/")["Content-Security-Policy"])

    assert policy["worker-src"] == "'self'"
    assert policy["manifest-src"] == "'self'"
    assert policy["script-src"] == "'self' https://accounts.google.com/gsi/client"
    assert policy["font-src"] == "'self'"


@pytest.mark.django_db
def test_without_a_cdn_the_assets_come_from_this_server(built_app: Path, client: Client) -> None:
    html = client.get("/").content.decode()

    assert '<script type="module" crossorigin src="/static/assets/index-Bx81kT0a.js"></script>' in html
    assert '<link rel="stylesheet" crossorigin href="/static/assets/index-D3v9aQ1z.css">' in html


@pytest.mark.django_db
def test_with_a_cdn_the_page_references_its_assets_there_and_the_policy_allows_it(
    built_app: Path, client: Client, settings: Settings
) -> None:
    settings.STATIC_URL = "https://cdn.example.com/static/"

    response = client.get("/products/12/lamp")
    html = response.content.decode()
    policy = _policy(response["Content-Security-Policy"])

    cdn = "https://cdn.example.com/static"
    assert f'<script type="module" crossorigin src="{cdn}/assets/index-Bx81kT0a.js"></script>' in html
    assert f'<link rel="modulepreload" crossorigin href="{cdn}/assets/react-CD4h0mTe.js">' in html
    assert f'<link rel="stylesheet" crossorigin href="{cdn}/assets/index-D3v9aQ1z.css">' in html
    assert f'<link rel="icon" type="image/svg+xml" href="{cdn}/favicon.svg" />' in html
    assert 'src="/static/' not in html
    assert 'href="/static/' not in html
    # The worker and the manifest stay on this origin: a worker's script must be same-origin.
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert policy["script-src"] == "'self' https://cdn.example.com https://accounts.google.com/gsi/client"
    assert policy["style-src"] == "'self' https://cdn.example.com https://accounts.google.com/gsi/style"
    assert policy["font-src"] == "'self' https://cdn.example.com"
    assert policy["worker-src"] == "'self'"
    # The service worker precaches the assets from where the page loads them.
    assert (
        client.get("/sw.js")
        .content.decode()
        .startswith('self.__VITRIN_STATIC_URL = "https://cdn.example.com/static/";\n')
    )
