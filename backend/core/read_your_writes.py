"""Read replica routing for web requests (core.db_router): a client reads its own writes, and a
replica that fails never fails a request.

Read-your-writes: a client that has just written reads from the primary for
REPLICA_PIN_SECONDS, long enough for the replica to replay the write. The client is known by:

- a short signed cookie (PIN_COOKIE) set on every answer to a request that wrote. It needs no
  shared state, so it works before there is an account (after sign-up the next request carries
  the new account's token, whose row the replica may not have yet) and while the cache is down.
  The web app is served from the API's origin, so its requests carry it.
- the account, when the write was signed in: a pin in the shared cache under the user id of the
  access token, read by every app server. It covers clients that keep no cookies (mobile apps,
  scripts) and the account's other tabs and devices.

When the cache cannot be asked whether a signed-in client is pinned, its request reads from the
primary: a stale answer right after a write looks like a lost write, while a primary that takes
some more reads for a while is only slower.

A safe request that fails on the replica (a connection error: the replica stopped, or a
persistent connection to it broke) marks it down and runs its view once more, reading from the
primary.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django_redis.exceptions import ConnectionInterrupted
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import AccessToken

from core.db_router import RequestRouting, current_routing, routing_for_request
from core.replica_health import REPLICA, close_quietly, replica_health

logger = logging.getLogger("vitrin.db")

PIN_COOKIE = "vitrin_wrote"
_PIN_SALT = "vitrin.read-your-writes"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_CACHE_UNREACHABLE = object()


def account_pin_key(user_id: str) -> str:
    return f"db-pin:account:{user_id}"


class ReadYourWritesMiddleware:
    """Routes the reads of each request (core.db_router), pins a client that wrote, and answers a
    safe request that the replica failed from the primary. Last in MIDDLEWARE: its view hook then
    runs after every other (CSRF's among them), and a retried view is all it re-runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        routing = RequestRouting(
            safe_method=request.method in _SAFE_METHODS, client_is_pinned=lambda: _client_is_pinned(request)
        )
        with routing_for_request(routing):
            response = self.get_response(request)
        if routing.wrote:
            _pin_client(request, response)
        return response

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: Any, view_kwargs: Any
    ) -> None:
        request.vitrin_view = (view_func, view_args, view_kwargs)  # type: ignore[attr-defined]

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponseBase | None:
        routing = current_routing()
        view = getattr(request, "vitrin_view", None)
        if (
            routing is None
            or view is None
            or not isinstance(exception, (OperationalError, InterfaceError))
            or not routing.read_from_replica
            or routing.primary_reason == "replica_failed"
            or not connections[REPLICA].errors_occurred
        ):
            return None
        view_func, view_args, view_kwargs = view
        if asyncio.iscoroutinefunction(view_func):
            return None
        logger.warning("replica failed during a request; answering it from the primary", exc_info=exception)
        replica_health.mark_down()
        close_quietly(REPLICA)
        routing.replica_failed()
        response: HttpResponseBase = view_func(request, *view_args, **view_kwargs)
        return response


def _client_is_pinned(request: HttpRequest) -> bool | None:
    """Whether the client wrote within the pin window; None when that cannot be told."""
    seconds = settings.REPLICA_PIN_SECONDS
    if request.get_signed_cookie(PIN_COOKIE, default=None, salt=_PIN_SALT, max_age=seconds) is not None:
        return True
    account = _account_id(request)
    if account is None:
        return False
    pinned_until = _shared_cache_get(account_pin_key(account))
    if pinned_until is _CACHE_UNREACHABLE:
        return None
    return pinned_until is not None and float(pinned_until) > time.time()


def _pin_client(request: HttpRequest, response: HttpResponseBase) -> None:
    seconds = settings.REPLICA_PIN_SECONDS
    response.set_signed_cookie(
        PIN_COOKIE,
        "1",
        salt=_PIN_SALT,
        max_age=seconds,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    account = _account_id(request)
    if account is not None:
        # The end of the window is stored, not just a key that expires: every app server then
        # reads the same end, whatever its cache does with a timeout.
        cache.set(account_pin_key(account), time.time() + seconds, timeout=seconds + 1)


def _account_id(request: HttpRequest) -> str | None:
    """The user id of the request's access token, if it holds a valid one. The views check the
    token again (and whether the account is active); this only chooses a database."""
    kind, _, raw_token = request.headers.get("Authorization", "").partition(" ")
    if kind not in api_settings.AUTH_HEADER_TYPES or not raw_token.strip():
        return None
    try:
        token = AccessToken(raw_token.strip())  # type: ignore[arg-type]
    except TokenError:
        return None
    user_id = token.get(api_settings.USER_ID_CLAIM)
    return None if user_id is None else str(user_id)


def _shared_cache_get(key: str) -> Any:
    """The cached value at `key`, or _CACHE_UNREACHABLE. django-redis is set to swallow its errors
    (a miss looks like an outage), so its client is asked directly, as /api/ready/ does."""
    client = getattr(cache, "client", None)
    if client is not None and hasattr(client, "get_client"):
        try:
            return client.get(key)
        except ConnectionInterrupted:
            return _CACHE_UNREACHABLE
    return cache.get(key)
