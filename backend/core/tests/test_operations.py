import io
import json
import logging
from collections.abc import Callable
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from rest_framework.test import APIClient


@pytest.mark.django_db
def test_health_answers_ok(api_client: APIClient) -> None:
    response = api_client.get("/api/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_ready_checks_database_and_cache(api_client: APIClient) -> None:
    response = api_client.get("/api/ready/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


@pytest.mark.django_db
def test_ready_names_the_failing_cache(api_client: APIClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from core import apis

    monkeypatch.setattr(apis, "_check_cache", lambda: "failed: ConnectionError")

    response = api_client.get("/api/ready/")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "failed: ConnectionError"}


@pytest.mark.django_db
def test_every_response_carries_a_request_id(api_client: APIClient) -> None:
    generated = api_client.get("/api/health/")
    forwarded = api_client.get("/api/health/", HTTP_X_REQUEST_ID="abc-123")
    forged = api_client.get("/api/health/", HTTP_X_REQUEST_ID="<script>")

    assert len(generated["X-Request-ID"]) == 32
    assert forwarded["X-Request-ID"] == "abc-123"
    assert forged["X-Request-ID"] != "<script>"


@pytest.mark.django_db
def test_request_log_is_one_json_line_with_the_request_id(api_client: APIClient) -> None:
    console = next(h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler))
    buffer = io.StringIO()
    previous = console.setStream(buffer)
    try:
        api_client.get("/api/health/", HTTP_X_REQUEST_ID="trace-42")
    finally:
        console.setStream(previous)

    lines = [json.loads(line) for line in buffer.getvalue().splitlines()]
    request_lines = [line for line in lines if line["logger"] == "vitrin.request"]
    assert len(request_lines) == 1
    assert request_lines[0]["request_id"] == "trace-42"
    assert request_lines[0]["path"] == "/api/health/"
    assert request_lines[0]["status"] == 200
    assert request_lines[0]["method"] == "GET"


@pytest.mark.django_db
def test_unknown_api_path_is_a_json_404(api_client: APIClient) -> None:
    response = api_client.get("/api/no-such-thing/")

    assert response.status_code == 404
    assert response.json() == {"detail": "There is nothing at this address."}


@pytest.mark.django_db
def test_other_paths_serve_the_web_app(api_client: APIClient) -> None:
    response = api_client.get("/products/42/some-launch")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert b"<html" in response.content.lower()


@pytest.mark.django_db
def test_schema_is_served(api_client: APIClient) -> None:
    response = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Vitrin API"
    # Clients generated from the schema learn how to sign their requests.
    assert schema["components"]["securitySchemes"]["jwtAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
    }
    assert {"jwtAuth": []} in schema["paths"]["/api/auth/me/"]["get"]["security"]


@pytest.mark.django_db
def test_client_config_names_the_google_client_id(api_client: APIClient, settings: object) -> None:
    settings.GOOGLE_OAUTH_CLIENT_ID = "vitrin-web.apps.googleusercontent.com"  # type: ignore[attr-defined]
    assert api_client.get("/api/config/").json() == {"google_client_id": "vitrin-web.apps.googleusercontent.com"}

    settings.GOOGLE_OAUTH_CLIENT_ID = ""  # type: ignore[attr-defined]
    assert api_client.get("/api/config/").json() == {"google_client_id": None}


@pytest.mark.django_db
def test_swagger_ui_is_served_from_our_own_static_files(api_client: APIClient) -> None:
    response = api_client.get("/api/docs/")

    assert response.status_code == 200
    assert b"/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in response.content
    assert b"cdn.jsdelivr.net" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/categories/", "/", "/products/lamp"])
def test_head_answers_the_headers_of_get_without_a_body(path: str) -> None:
    # Through Django's WSGI handler, as gunicorn calls it: the test client drops HEAD bodies itself.
    def answer(method: str) -> tuple[str, dict[str, str], bytes]:
        environ: dict[str, object] = {"REQUEST_METHOD": method, "PATH_INFO": path}
        setup_testing_defaults(environ)
        started: list[tuple[str, list[tuple[str, str]]]] = []

        def start_response(
            status: str, headers: list[tuple[str, str]], exc_info: object = None
        ) -> Callable[[bytes], object]:
            started.append((status, headers))
            return lambda data: None

        # As Django's test client does: the test's database connection outlives the request.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            body = WSGIHandler()(environ, start_response)
            content = b"".join(body)
            getattr(body, "close", lambda: None)()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return started[0][0], dict(started[0][1]), content

    get_status, get_headers, get_body = answer("GET")
    head_status, head_headers, head_body = answer("HEAD")

    assert get_status == head_status == "200 OK"
    assert get_body
    assert head_body == b""
    assert head_headers["Content-Type"] == get_headers["Content-Type"]
    assert head_headers.get("Content-Length") == get_headers.get("Content-Length")
