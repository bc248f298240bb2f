"""The OpenAPI schema documents every answer the API really gives: a client generated from it
(or a fuzzer holding the API to it) meets no status code, header or body it was not told about.

The refusals are checked twice: in the schema (derived from each view by core.schema), and by
making the API really refuse, then holding the answer to what the schema says for it."""

from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from django.conf import settings
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from conftest import client_for
from core.pagination import INVALID_CURSOR_MESSAGE
from notifications.serializers import IDS_MESSAGE
from products.models import Product
from products.tests.factories import ProductFactory
from users.apis import CROSS_SITE_MESSAGE
from users.models import User
from users.tests.factories import DEFAULT_PASSWORD

ERROR_DETAIL = {"$ref": "#/components/schemas/ErrorDetail"}
VALIDATION_ERRORS = {"$ref": "#/components/schemas/ValidationErrors"}
RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds until the rate limit lets this client through again.",
        "schema": {"type": "integer", "minimum": 0},
    }
}
NOT_SIGNED_IN = {"detail": "Authentication credentials were not provided."}


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return SchemaGenerator().get_schema(request=None, public=True)


def _answers(schema: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    return schema["paths"][path][method]["responses"]


def _resolved(node: Any, document: dict[str, Any]) -> Any:
    """`node` with its `$ref`s replaced by what they name and OpenAPI 3.0's `nullable` spelled as
    JSON Schema says it (for schemas without cycles)."""
    if isinstance(node, list):
        return [_resolved(item, document) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return _resolved(target, document)
    resolved = {key: _resolved(value, document) for key, value in node.items()}
    if resolved.pop("nullable", False):
        return {"anyOf": [resolved, {"type": "null"}]}
    return resolved


def _assert_documented(schema: dict[str, Any], path: str, method: str, response: Any) -> None:
    """The answer's status code, content type, body and Retry-After are the schema's."""
    answers = _answers(schema, path, method)
    status = str(response.status_code)
    assert status in answers, f"{method.upper()} {path} answered an undocumented {status}"
    assert response["Content-Type"] == "application/json"
    body_schema = _resolved(answers[status]["content"]["application/json"]["schema"], schema)
    validator = jsonschema_rs.validator_for(body_schema, validate_formats=True)
    assert validator.is_valid(response.json()), list(validator.iter_errors(response.json()))
    if response.status_code == 429:
        assert answers[status]["headers"] == RETRY_AFTER
        assert response["Retry-After"].isdigit()


# --- what the schema says -------------------------------------------------------------------
def test_the_schema_validates_without_a_warning(tmp_path: Path) -> None:
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))

    assert (tmp_path / "schema.yaml").read_text().startswith("openapi: 3.0.3")


def test_the_two_error_shapes_are_shared_components(schema: dict[str, Any]) -> None:
    components = schema["components"]["schemas"]

    assert components["ErrorDetail"] == {
        "type": "object",
        "description": "A refusal explained in one sentence a person can read.",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    }
    assert components["ValidationErrors"]["type"] == "object"
    assert components["ValidationErrors"]["properties"] == {"detail": {"type": "string"}}
    messages = {"type": "array", "items": {"type": "string"}}
    assert components["ValidationErrors"]["additionalProperties"] == messages


def test_every_refusal_has_one_of_the_two_shapes(schema: dict[str, Any]) -> None:
    bodies = {}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status, answer in operation["responses"].items():
                if int(status) >= 400 and (path, status) != ("/api/ready/", "503"):  # the probe's own body
                    bodies[f"{method.upper()} {path} {status}"] = answer["content"]["application/json"]["schema"]

    assert bodies
    assert {key: body for key, body in bodies.items() if body not in (ERROR_DETAIL, VALIDATION_ERRORS)} == {}
    assert {key for key, body in bodies.items() if body == VALIDATION_ERRORS} == {
        key for key in bodies if key.endswith(" 400")
    }


@pytest.mark.parametrize(
    ("path", "method", "codes"),
    [
        # no authentication, no throttle, nothing to read: nothing to refuse
        ("/api/health/", "get", {"200"}),
        # a body; sign-in required; rate limited
        ("/api/products/", "post", {"201", "400", "401", "413", "415", "429"}),
        # query parameters (filters, cursor, page_size); a bearer token that may be refused
        ("/api/products/", "get", {"200", "400", "401", "429"}),
        # an id in the path; no query parameter, no body
        ("/api/products/{product_id}/", "get", {"200", "401", "404", "429"}),
        # the author alone may change it
        ("/api/products/{product_id}/", "patch", {"200", "400", "401", "403", "404", "413", "415", "429"}),
        ("/api/products/{product_id}/", "delete", {"204", "401", "403", "404", "429"}),
        # staff only
        ("/api/categories/", "post", {"201", "400", "401", "403", "413", "415", "429"}),
        # a username in the path, no body
        ("/api/users/{username}/follow/", "delete", {"200", "401", "404", "429"}),
        # credentials in the body, no bearer token read; cross-site calls refused (`error_answers`)
        ("/api/auth/login/", "post", {"200", "400", "401", "403", "413", "415", "429"}),
    ],
)
def test_each_operation_documents_the_refusals_its_view_can_give(
    schema: dict[str, Any], path: str, method: str, codes: set[str]
) -> None:
    assert set(_answers(schema, path, method)) == codes


def test_every_rate_limited_operation_says_how_long_to_wait(schema: dict[str, Any]) -> None:
    throttled = [
        (path, method, operation["responses"]["429"])
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if "429" in operation["responses"]
    ]

    assert len(throttled) > 20
    assert [(path, method) for path, method, answer in throttled if answer.get("headers") != RETRY_AFTER] == []


def test_what_a_view_says_about_a_refusal_is_kept(schema: dict[str, Any]) -> None:
    login = _answers(schema, "/api/auth/login/", "post")["401"]
    google = _answers(schema, "/api/auth/google/", "post")["503"]

    assert login == {"description": "Wrong credentials.", "content": {"application/json": {"schema": ERROR_DETAIL}}}
    assert google == {
        "description": "Google sign-in is not set up on this server, or Google is unreachable.",
        "content": {"application/json": {"schema": ERROR_DETAIL}},
    }


def test_a_website_may_be_empty(schema: dict[str, Any]) -> None:
    for name in ("Me", "UserPublic"):
        website = schema["components"]["schemas"][name]["properties"]["website"]

        assert website == {
            "type": "string",
            "readOnly": True,
            "description": 'Their web address (http or https), or "" when they gave none.',
        }


# --- what the API really answers ------------------------------------------------------------
@pytest.mark.django_db
def test_signing_in_is_required_to_launch_a_product(schema: dict[str, Any], api_client: APIClient) -> None:
    response = api_client.post("/api/products/", {"title": "Sneaky"}, format="json")

    assert response.status_code == 401
    assert response.json() == NOT_SIGNED_IN
    _assert_documented(schema, "/api/products/", "post", response)
    assert Product.objects.count() == 0


@pytest.mark.django_db
def test_a_refused_body_names_its_fields(schema: dict[str, Any], user_client: APIClient) -> None:
    response = user_client.post("/api/products/", {"title": ""}, format="json")

    assert response.status_code == 400
    assert response.json()["title"] == ["Give the product a title."]
    _assert_documented(schema, "/api/products/", "post", response)
    assert Product.objects.count() == 0


@pytest.mark.django_db
def test_a_refused_list_item_is_named_by_its_position(schema: dict[str, Any], user_client: APIClient) -> None:
    response = user_client.post("/api/notifications/read/", {"ids": [1, "two"]}, format="json")

    assert response.status_code == 400
    assert response.json() == {"ids": [f"Item 2: {IDS_MESSAGE}"]}
    _assert_documented(schema, "/api/notifications/read/", "post", response)


@pytest.mark.django_db
def test_a_body_that_is_not_json_is_refused(schema: dict[str, Any], user_client: APIClient) -> None:
    response = user_client.post("/api/products/", "title=Sneaky", content_type="text/plain")

    assert response.status_code == 415
    assert response.json() == {
        "detail": "Send the body as JSON (Content-Type: application/json), or multipart for uploads."
    }
    _assert_documented(schema, "/api/products/", "post", response)
    assert Product.objects.count() == 0


@pytest.mark.django_db
def test_a_product_is_changed_by_its_author_alone(schema: dict[str, Any], user: User, other_client: APIClient) -> None:
    product = ProductFactory.create(author=user, title="Mine")

    response = other_client.patch(f"/api/products/{product.pk}/", {"title": "Theirs"}, format="json")

    assert response.status_code == 403
    assert response.json() == {"detail": "Only the author can change this."}
    _assert_documented(schema, "/api/products/{product_id}/", "patch", response)
    product.refresh_from_db()
    assert product.title == "Mine"


@pytest.mark.django_db
def test_a_missing_product_is_not_found(schema: dict[str, Any], api_client: APIClient) -> None:
    response = api_client.get("/api/products/987654321/")

    assert response.status_code == 404
    assert set(response.json()) == {"detail"}
    _assert_documented(schema, "/api/products/{product_id}/", "get", response)


@pytest.mark.django_db
def test_a_forged_page_link_is_refused(schema: dict[str, Any], api_client: APIClient) -> None:
    response = api_client.get("/api/products/", {"cursor": "not-a-cursor"})

    assert response.status_code == 400
    assert response.json() == {"cursor": [INVALID_CURSOR_MESSAGE]}
    _assert_documented(schema, "/api/products/", "get", response)


@pytest.mark.django_db
def test_a_forged_access_token_is_refused_even_where_reading_is_public(
    schema: dict[str, Any], api_client: APIClient
) -> None:
    api_client.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")

    response = api_client.get("/api/products/")

    assert response.status_code == 401
    assert response.json() == {
        "detail": "Your sign-in has expired or is not valid. Sign in again (or refresh the access token)."
    }
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    _assert_documented(schema, "/api/products/", "get", response)


@pytest.mark.django_db
def test_a_throttled_client_is_told_how_long_to_wait(
    schema: dict[str, Any], monkeypatch: pytest.MonkeyPatch, api_client: APIClient
) -> None:
    monkeypatch.setitem(settings.THROTTLE_RATES, "anon", "1/hour")
    assert api_client.get("/api/config/").status_code == 200

    response = api_client.get("/api/config/")

    assert response.status_code == 429
    assert response.json()["detail"].startswith("Too many requests. Try again in ")
    _assert_documented(schema, "/api/config/", "get", response)


@pytest.mark.django_db
def test_a_sign_in_from_another_website_is_refused(schema: dict[str, Any], user: User) -> None:
    client = APIClient(HTTP_ORIGIN="https://evil.example")

    response = client.post("/api/auth/login/", {"username": user.username, "password": DEFAULT_PASSWORD}, format="json")

    assert response.status_code == 403
    assert response.json() == {"detail": CROSS_SITE_MESSAGE}
    _assert_documented(schema, "/api/auth/login/", "post", response)
    assert settings.REFRESH_COOKIE_NAME not in response.cookies


@pytest.mark.django_db
def test_a_person_without_a_website_matches_the_schema(schema: dict[str, Any], user: User) -> None:
    assert user.website == ""

    response = client_for(user).get("/api/auth/me/")

    assert response.status_code == 200
    assert response.json()["website"] == ""
    _assert_documented(schema, "/api/auth/me/", "get", response)
