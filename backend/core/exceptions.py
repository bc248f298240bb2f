"""One error shape for the whole API: `{"field": ["message"]}` or `{"detail": "message"}`.

This is also the one place where the domain's refusals (core.domain_errors) get their HTTP
status: the services say what went wrong, not how HTTP puts it.
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework_simplejwt.exceptions import InvalidToken

from core import domain_errors

INVALID_ACCESS_TOKEN_MESSAGE = "Your sign-in has expired or is not valid. Sign in again (or refresh the access token)."  # noqa: S105  # a sentence, no secret
TOO_MANY_FIELDS_MESSAGE = "The request body has too many fields. Send JSON."


class BodyTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"


class ServiceUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_code = "unavailable"


# The DRF refusal each domain error is answered as; a subclass of a domain error is answered as
# its parent, so only these six kinds exist over HTTP.
_API_EXCEPTION_OF: dict[type[domain_errors.DomainError], type[exceptions.APIException]] = {
    domain_errors.Invalid: exceptions.ValidationError,
    domain_errors.NotFound: exceptions.NotFound,
    domain_errors.NotAllowed: exceptions.PermissionDenied,
    domain_errors.CredentialsRefused: exceptions.AuthenticationFailed,
    domain_errors.TooLarge: BodyTooLarge,
    domain_errors.Unavailable: ServiceUnavailable,
}


def _api_exception(exc: domain_errors.DomainError, context: dict[str, Any]) -> exceptions.APIException:
    api_exception_class = next(
        (api_class for domain_class, api_class in _API_EXCEPTION_OF.items() if isinstance(exc, domain_class)),
        None,
    )
    if api_exception_class is None:
        raise TypeError(f"{type(exc).__name__} has no HTTP answer: derive it from one of core.domain_errors' kinds.")
    refusal = api_exception_class(exc.message)
    if isinstance(refusal, exceptions.AuthenticationFailed):
        # As APIView.handle_exception does for a DRF AuthenticationFailed, which it sees before
        # this handler: a 401 names the way to authenticate (`WWW-Authenticate`); a view that
        # names none answers 403.
        view, request = context.get("view"), context.get("request")
        header = view.get_authenticate_header(request) if view is not None and request is not None else None
        if header:
            refusal.auth_header = header  # type: ignore[attr-defined]
        else:
            refusal.status_code = status.HTTP_403_FORBIDDEN
    return refusal


def _body_too_large_message() -> str:
    megabytes = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / (1024 * 1024)
    return f"The request body is too large: send at most {megabytes:g} MB."


def _django_validation_error_detail(exc: DjangoValidationError) -> Any:
    if hasattr(exc, "error_dict"):
        return {field: [str(message) for message in messages] for field, messages in exc.message_dict.items()}
    return {"detail": " ".join(exc.messages)}


def _flattened(detail: Any) -> Any:
    """Errors of list items come from DRF as `{"field": {"2": ["message"]}}`; the API's shape is
    `{"field": ["message"]}`, so they become `{"field": ["Item 3: message"]}`."""
    if not isinstance(detail, dict):
        return detail
    flat: dict[str, Any] = {}
    for field, errors in detail.items():
        if isinstance(errors, dict) and all(str(key).isdigit() for key in errors):
            flat[field] = [
                f"Item {int(index) + 1}: {message}"
                for index, messages in sorted(errors.items(), key=lambda item: int(item[0]))
                for message in (messages if isinstance(messages, list) else [messages])
            ]
        else:
            flat[field] = errors
    return flat


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, domain_errors.DomainError):
        exc = _api_exception(exc, context)
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(_django_validation_error_detail(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, RequestDataTooBig):
        # Django's own answer would be a bare HTML 400.
        exc = BodyTooLarge(_body_too_large_message())
    elif isinstance(exc, (TooManyFieldsSent, TooManyFilesSent)):
        exc = exceptions.ParseError(TOO_MANY_FIELDS_MESSAGE)
    elif isinstance(exc, InvalidToken):
        # simplejwt's answer lists its internals (token classes, codes) and no advice.
        readable = exceptions.AuthenticationFailed(INVALID_ACCESS_TOKEN_MESSAGE)
        readable.auth_header = getattr(exc, "auth_header", None)  # type: ignore[attr-defined]  # WWW-Authenticate
        exc = readable
    elif isinstance(exc, exceptions.ParseError):
        exc = exceptions.ParseError(f"The request body could not be read: {exc.detail}")
    elif isinstance(exc, exceptions.UnsupportedMediaType):
        exc = exceptions.UnsupportedMediaType(
            media_type=getattr(exc, "media_type", ""),
            detail="Send the body as JSON (Content-Type: application/json), or multipart for uploads.",
        )

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(response.data, list):
        response.data = {"detail": " ".join(str(item) for item in response.data)}
    elif isinstance(exc, exceptions.ValidationError):
        response.data = _flattened(response.data)
    wait = getattr(exc, "wait", None)
    if isinstance(exc, exceptions.Throttled) and wait is not None:
        # `wait` is already rounded up, as in the Retry-After header; never "0 seconds".
        seconds = max(1, int(wait))
        response.data = {"detail": f"Too many requests. Try again in {seconds} second{'s' if seconds > 1 else ''}."}
    return response
