"""Each refusal of the domain code (core.domain_errors) becomes its HTTP status and the API's one
error shape in core.exceptions, whatever view it escapes from."""

from typing import Any

import pytest
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from core.domain_errors import (
    CredentialsRefused,
    DomainError,
    Invalid,
    NotAllowed,
    NotFound,
    TooLarge,
    Unavailable,
)

BEARER_CHALLENGE = 'Bearer realm="api"'


def _answer(error: DomainError, *, authenticate_header: str | None = BEARER_CHALLENGE) -> Response:
    """What a view answers when a service it calls raises `error`."""

    class RefusingApi(APIView):
        authentication_classes: list[type] = []
        permission_classes: list[type] = []

        def get_authenticate_header(self, request: Request) -> str | None:  # type: ignore[override]
            return authenticate_header

        def post(self, request: Request) -> Response:
            raise error

    response: Response = RefusingApi.as_view()(APIRequestFactory().post("/api/refusing/", {}, format="json"))
    return response


DELETED = "This comment was deleted, so it can no longer be edited."
NAME_TAKEN = "A category with this name already exists."
NOT_THE_AUTHOR = "Only its author can comment on a product that is not published."
TOO_LARGE = "This file is larger than 5 MB; send a smaller image."
GOOGLE_DOWN = "Google sign-in is unavailable right now. Please try again in a moment."


@pytest.mark.parametrize(
    ("error", "status_code", "body"),
    [
        pytest.param(Invalid(DELETED), 400, {"detail": DELETED}, id="invalid-sentence"),
        pytest.param(Invalid({"name": [NAME_TAKEN]}), 400, {"name": [NAME_TAKEN]}, id="invalid-field"),
        pytest.param(
            Invalid({"username": ["Taken."], "email": ["Taken too."]}),
            400,
            {"username": ["Taken."], "email": ["Taken too."]},
            id="invalid-fields",
        ),
        pytest.param(NotFound(), 404, {"detail": "Not found."}, id="not-found"),
        pytest.param(NotFound("Just deleted."), 404, {"detail": "Just deleted."}, id="not-found-said"),
        pytest.param(NotAllowed(NOT_THE_AUTHOR), 403, {"detail": NOT_THE_AUTHOR}, id="not-allowed"),
        pytest.param(TooLarge(TOO_LARGE), 413, {"detail": TOO_LARGE}, id="too-large"),
        pytest.param(Unavailable(GOOGLE_DOWN), 503, {"detail": GOOGLE_DOWN}, id="unavailable"),
    ],
)
def test_each_domain_error_is_answered_with_its_status_and_the_one_error_shape(
    error: DomainError, status_code: int, body: dict[str, Any]
) -> None:
    response = _answer(error)

    assert (response.status_code, response.data) == (status_code, body)
    assert "WWW-Authenticate" not in response


def test_refused_credentials_are_a_401_that_names_how_to_authenticate() -> None:
    response = _answer(CredentialsRefused("No active account matches this e-mail address or username and password."))

    assert (response.status_code, response.data) == (
        401,
        {"detail": "No active account matches this e-mail address or username and password."},
    )
    assert response["WWW-Authenticate"] == BEARER_CHALLENGE


def test_refused_credentials_are_a_403_where_the_view_names_no_way_to_authenticate() -> None:
    # As DRF does for its own AuthenticationFailed: a 401 must say how to authenticate.
    response = _answer(CredentialsRefused("This refresh token is invalid."), authenticate_header=None)

    assert (response.status_code, response.data) == (403, {"detail": "This refresh token is invalid."})
    assert "WWW-Authenticate" not in response


def test_an_unexpected_error_is_not_taken_for_a_refusal() -> None:
    class Broken(Exception):
        pass

    class BrokenApi(APIView):
        authentication_classes: list[type] = []
        permission_classes: list[type] = []

        def get(self, request: Request) -> Response:
            raise Broken

    with pytest.raises(Broken):
        BrokenApi.as_view()(APIRequestFactory().get("/api/broken/"))
