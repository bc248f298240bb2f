"""One error shape for the whole API: `{"field": ["message"]}` or `{"detail": "message"}`."""

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework_simplejwt.exceptions import InvalidToken

INVALID_ACCESS_TOKEN_MESSAGE = "Your sign-in has expired or is not valid. Sign in again (or refresh the access token)."
TOO_MANY_FIELDS_MESSAGE = "The request body has too many fields. Send JSON."


class ServiceError(exceptions.APIException):
    """Raised by services for a refusal a person should read (a 400 unless said otherwise)."""

    status_code: int = status.HTTP_400_BAD_REQUEST
    default_code = "invalid"

    def __init__(self, message: str | dict[str, Any], status_code: int | None = None) -> None:
        super().__init__(message)
        if status_code is not None:
            self.status_code = status_code


class BodyTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"


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
    if isinstance(exc, DjangoValidationError):
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
