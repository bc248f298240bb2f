"""The OpenAPI schema's error answers, derived from each view rather than listed by hand.

drf-spectacular documents what a view returns when all goes well; the refusals come from DRF's
machinery around the view (authentication, permissions, throttles, parsers, the URL's
parameters) and from `core.exceptions`, which gives them one of two shapes:
`{"field": ["message", …]}` (`ValidationErrors`; a list's refused items are named in the message,
`{"tags": ["Item 3: …"]}`) or `{"detail": "message"}` (`ErrorDetail`).
`ErrorAnswersAutoSchema` adds to every operation the refusals that its view can really give,
read from the same classes that give them at run time:

    400  the operation takes a body or query parameters (a cursor, a filter, `page_size`)
    401  the view authenticates a bearer token, which may be refused; or signing in is required
    403  a permission can refuse somebody signed in (staff only, the author only)
    404  the path names something by id, slug or username
    413  a body is read: an upload, or any body over DATA_UPLOAD_MAX_MEMORY_SIZE
    415  a body is read and its content type is not one the view parses
    429  a rate limit applies, with `Retry-After`: the seconds to wait

What a view's `extend_schema` already says about one of these codes stays (its description, e.g.
"Wrong credentials."); only the shared body is added where it gave none. A view that refuses
outside those classes (in `initial`, say) names its refusals in an `error_answers` attribute,
`{403: "why"}`, which every operation of the view then lists. Anything else a view documents
itself (the 503 of Google sign-in, the readiness probe's own 503 body).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.contrib.auth.models import AnonymousUser
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework.permissions import SAFE_METHODS, BasePermission

ERROR_DETAIL = "ErrorDetail"
VALIDATION_ERRORS = "ValidationErrors"
JSON = "application/json"

ERROR_DETAIL_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "A refusal explained in one sentence a person can read.",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
VALIDATION_ERRORS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": (
        "What was wrong with the request: for each field of the body or query that was refused, "
        'the messages that say why (`{"title": ["Ensure this field has no more than 120 characters."]}`); '
        "or, when no single field is to blame, one message under `detail`."
    ),
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}

DESCRIPTIONS = {
    400: "The request was refused: each field's messages say why.",
    401: "Not signed in, or the access token sent is invalid or expired.",
    403: "Signed in, but not allowed to do this.",
    404: "Nothing is at this address (also: a draft that is not yours).",
    413: "The body is too large.",
    415: "The body's content type is not one this endpoint reads.",
    429: "Too many requests: wait the seconds in `Retry-After`.",
}
READ_ANONYMOUSLY = "The access token sent is invalid or expired (send none to read anonymously)."
RETRY_AFTER_HEADER: dict[str, Any] = {
    "Retry-After": {
        "description": "Seconds until the rate limit lets this client through again.",
        "schema": {"type": "integer", "minimum": 0},
    }
}
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


class ErrorAnswersAutoSchema(AutoSchema):
    """drf-spectacular's `AutoSchema` plus each operation's error answers (see the module)."""

    def get_operation(
        self, path: str, path_regex: str, path_prefix: str, method: str, registry: Any
    ) -> dict[str, Any] | None:
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        responses: dict[str, Any] = operation["responses"]
        for code, description in self._error_answers(operation).items():
            answer = responses.setdefault(str(code), {})
            if not answer.get("description"):
                answer["description"] = description
            answer.setdefault("content", {JSON: {"schema": self._error_schema(code)}})
            if code == 429:
                answer.setdefault("headers", {}).update(RETRY_AFTER_HEADER)
        # Answers a view documents itself without a body (Google's 503) get the shared one too.
        for status, answer in responses.items():
            if status.isdigit() and int(status) >= 400 and "content" not in answer:
                answer["content"] = {JSON: {"schema": self._error_schema(int(status))}}
        operation["responses"] = dict(sorted(responses.items()))
        return operation

    # --- which refusals ----------------------------------------------------------------------
    def _error_answers(self, operation: dict[str, Any]) -> dict[int, str]:
        parameters = operation.get("parameters", [])
        reads_body = "requestBody" in operation and self.method in BODY_METHODS
        answers: dict[int, str] = {}
        if reads_body or any(parameter["in"] == "query" for parameter in parameters):
            answers[400] = DESCRIPTIONS[400]
        refuses_anonymous = self._refuses(anonymous=True)
        if self.view.get_authenticators():
            answers[401] = DESCRIPTIONS[401] if refuses_anonymous else READ_ANONYMOUSLY
        if self._refuses(anonymous=False) or (refuses_anonymous and not self.view.get_authenticators()):
            # Without an authentication scheme to name in WWW-Authenticate, DRF refuses with 403.
            answers[403] = DESCRIPTIONS[403]
        if any(parameter["in"] == "path" for parameter in parameters):
            answers[404] = DESCRIPTIONS[404]
        if reads_body:
            answers[413] = DESCRIPTIONS[413]
            answers[415] = DESCRIPTIONS[415]
        if self.view.get_throttles():
            answers[429] = DESCRIPTIONS[429]
        answers.update(getattr(self.view, "error_answers", {}))
        return answers

    def _refuses(self, *, anonymous: bool) -> bool:
        """Whether the view's permissions can refuse this method to an anonymous caller, or to
        a signed-in one without privileges (neither staff nor the author of what is changed)."""
        user: Any = AnonymousUser() if anonymous else SimpleNamespace(is_authenticated=True, is_staff=False, pk=0, id=0)
        request: Any = SimpleNamespace(method=self.method, user=user, META={}, headers={}, COOKIES={}, data={})
        for permission in self.view.get_permissions():
            try:
                if not permission.has_permission(request, self.view):
                    return True
            except Exception:  # a permission that needs more of the request: it checks something
                return True
            checks_objects = type(permission).has_object_permission is not BasePermission.has_object_permission
            if not anonymous and checks_objects and self.method not in SAFE_METHODS:
                return True
        return False

    # --- the shared bodies --------------------------------------------------------------------
    def _error_schema(self, code: int) -> dict[str, Any]:
        name, schema = (
            (VALIDATION_ERRORS, VALIDATION_ERRORS_SCHEMA) if code == 400 else (ERROR_DETAIL, ERROR_DETAIL_SCHEMA)
        )
        component = ResolvedComponent(name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema)
        self.registry.register_on_missing(component)
        return component.ref
