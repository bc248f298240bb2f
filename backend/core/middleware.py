import logging
import re
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase

from core.errors import not_found
from core.logging import request_id_var

logger = logging.getLogger("vitrin.request")

# A caller (nginx, a load balancer) may hand us its own id; anything odd is replaced.
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdMiddleware:
    """Gives each request an id, logs one JSON line per request, returns `X-Request-ID`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            logger.info(
                "request",
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                },
            )
            return response
        finally:
            request_id_var.reset(token)


class HeadResponseMiddleware:
    """Answers `HEAD` with the headers of `GET` and no body.

    Django's views answer `HEAD` as `GET`, and only its development server and test client drop
    the body; gunicorn drops it too, but logs a warning for every such request (uptime probes and
    link-preview crawlers send many). Outermost, so the headers (`Content-Length`, `ETag`) stay
    those of the `GET`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if request.method == "HEAD":
            if isinstance(response, StreamingHttpResponse):
                response.streaming_content = []
            elif isinstance(response, HttpResponse):
                response.content = b""
        return response


class NulInPathMiddleware:
    """Answers 404 to a path holding a NUL (`%00`), before any view sees it.

    No Vitrin path segment holds a NUL, and PostgreSQL refuses one in any text it is given:
    `/api/users/%00/upvotes/` reached the driver and answered 500. One guard here instead of one
    per view and per `<str:…>` segment. (Query parameters need none: each is read by a form or
    serializer field, which refuses a NUL with a 400 naming the parameter.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if "\x00" in request.path_info:
            return not_found(request)
        return self.get_response(request)


class PrivateAnswersMiddleware:
    """Forbids every cache (the browser's, a proxy's, a CDN's) to keep an answer that is somebody's
    own: `Cache-Control: private, no-store` on the answer to any request with `Authorization` or
    the refresh cookie, and on any answer that sets or clears a cookie (every answer carrying
    tokens sets the refresh cookie).

    Its word is final, whatever the view said (`no-cache` would still let a browser keep the
    answer on disk after the person signs out). A header that already says `no-store` is left as
    it is."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        is_private = (
            "HTTP_AUTHORIZATION" in request.META
            or settings.REFRESH_COOKIE_NAME in request.COOKIES
            or bool(response.cookies)
        )
        if is_private and "no-store" not in response.get("Cache-Control", ""):
            response["Cache-Control"] = "private, no-store"
        return response
