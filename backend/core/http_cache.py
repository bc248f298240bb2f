"""Shared answers of the public reads: product lists and pages, discussions, categories, searches.

A view opts in with `SharedCacheMixin` and a `SharedCache` policy, and answers GET with
`self.shared_response(request, compute)`. What makes it safe does not depend on the view:

1. Only anonymous representations are shared. `compute` always runs as an anonymous request
   would (`request.user` is AnonymousUser while it runs), whoever's request found the entry
   missing, so a field that depends on who asks holds what it holds for nobody. A signed-in
   caller gets that representation with their own marks put on top, by the policy's
   `Personalization`, which names the per-viewer fields and how to fill them. A page that no
   anonymous caller may see (an author's draft, a hidden product read by staff) is computed for
   its caller and never shared.
2. The key is what the view reads. While `compute` runs, the request carries only the query
   parameters the policy declares, each with the one value the view would use (the last, as
   Django and django-filter read a repeated parameter); the key is built from exactly those. An
   unknown parameter is ignored, so it can neither make a new entry nor change a shared body.
3. A read from the cache is a request like any other: the anonymous rate limit counts it, and
   a refusal is DRF's own answer (`_anonymous_read`).

Freshness: an entry is stored under the versions of the core.cache namespaces it depends on for
the policy's seconds; a write through the services bumps them, so what it changed is never served
again. Validators: a weak `ETag` on every answer, `Last-Modified` on anonymous ones, `304` when a
conditional request still matches; `Cache-Control: public, max-age=<seconds>` for anonymous
callers, `private, no-store` for signed-in ones (as core.middleware.PrivateAnswersMiddleware
says of every credentialed answer), `Vary: Authorization, Cookie`. Each worker also
keeps the entries it last found current for PUBLIC_CACHE_LOCAL_SECONDS (`_LocalEntries`).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ClassVar, cast

import orjson
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, QueryDict
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from core import domain_errors
from core.cache import cache_versions, on_bump, version_key
from core.pagination import KeysetPagination

# The query parameters of every paginated list, for a policy's `query_params`.
PAGE_PARAMS = (KeysetPagination.cursor_query_param, KeysetPagination.page_size_query_param)
VARY = "Authorization, Cookie"
_CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")
_JSON_MEDIA_RANGES = ("*/*", "application/json", "application/*")
_SCALARS = frozenset({str, int, float, bool, type(None)})

Marks = Mapping[str, Collection[int]]


@dataclass(frozen=True)
class Personalization:
    """The fields of a representation that depend on who asks, and how a signed-in caller's
    values are found. Each of `fields` is a boolean of JSON objects that have an `id`, at any
    depth; `marks(viewer=..., ids={field: ids shown})` returns, for each field, the ids for
    which it is true for `viewer`."""

    fields: tuple[str, ...]
    marks: Callable[..., Marks]


@dataclass(frozen=True)
class SharedCache:
    """How a view shares its answer: `name` tells its entries apart; `seconds_setting` names the
    setting holding how long an entry is served (and the anonymous `max-age`); `namespaces`
    gives, from the URL's arguments, the core.cache namespaces whose writes make an entry stale;
    `query_params` are the query parameters the view reads; `personal` puts a signed-in
    caller's own state on top of the shared representation (None: nothing in it is per viewer)."""

    name: str
    seconds_setting: str
    namespaces: Callable[[Mapping[str, Any]], tuple[str, ...]]
    query_params: tuple[str, ...] = ()
    personal: Personalization | None = None

    @property
    def seconds(self) -> int:
        return int(getattr(settings, self.seconds_setting))


@dataclass(frozen=True)
class Private:
    """What `compute` returns for an answer that may be shown to its caller alone."""

    payload: Any


@dataclass(frozen=True)
class _Entry:
    body: bytes
    etag: str
    last_modified: int
    versions: tuple[int, ...]
    shown: tuple[tuple[int, ...], ...]  # for each personal field, the ids of the objects carrying it

    @classmethod
    def from_cached(cls, value: Any) -> _Entry | None:
        try:
            body, etag, last_modified, versions, shown = value
        except (TypeError, ValueError):
            return None
        return cls(body, etag, last_modified, tuple(versions), tuple(tuple(ids) for ids in shown))

    def cached(self) -> tuple[Any, ...]:
        return (self.body, self.etag, self.last_modified, self.versions, self.shown)


@dataclass(frozen=True)
class _Lookup:
    key: str
    versions: tuple[int, ...]
    current: _Entry | None
    previous: _Entry | None  # stale, kept for its Last-Modified


# --- the key: the parameters the view reads ------------------------------------------------------
def _declared_query(request: HttpRequest, names: Collection[str]) -> QueryDict:
    """The declared parameters of `request`, each with the value the view would read (the last)."""
    query = QueryDict(mutable=True)
    for name in sorted(names):
        values = request.GET.getlist(name)
        if values:
            query[name] = values[-1]
    query._mutable = False
    return query


@contextmanager
def _as_anonymous(request: Request, query: QueryDict) -> Iterator[None]:
    """`request` as an anonymous caller sending `query` would send it, for the time of the
    shared computation: its links (`next`, `previous`) are built from `query` too."""
    django_request = request._request
    user, auth = request.user, request.auth
    given, query_string = django_request.GET, django_request.META.get("QUERY_STRING", "")
    request.user, request.auth = AnonymousUser(), None
    django_request.GET, django_request.META["QUERY_STRING"] = query, query.urlencode()  # type: ignore[assignment]
    try:
        yield
    finally:
        request.user, request.auth = user, auth
        django_request.GET, django_request.META["QUERY_STRING"] = given, query_string


# --- entries -------------------------------------------------------------------------------------
class _LocalEntries:
    """The entries this worker found current last, kept in its memory for
    PUBLIC_CACHE_LOCAL_SECONDS (a fraction of a second): the busiest pages are then answered
    without even the round trip to Redis. A bump in this worker forgets them all at once; one
    in another worker shows here when they expire."""

    size = 256

    def __init__(self) -> None:
        self._entries: dict[str, tuple[float, _Entry]] = {}

    def get(self, key: str) -> _Entry | None:
        held = self._entries.get(key)
        if held is None or held[0] < time.monotonic() or settings.PUBLIC_CACHE_LOCAL_SECONDS <= 0:
            return None
        return held[1]

    def keep(self, key: str, entry: _Entry, policy: SharedCache) -> None:
        seconds = min(float(settings.PUBLIC_CACHE_LOCAL_SECONDS), policy.seconds)
        if seconds <= 0:
            return
        if len(self._entries) >= self.size:
            self._entries.clear()
        self._entries[key] = (time.monotonic() + seconds, entry)

    def forget(self) -> None:
        self._entries.clear()


_local = _LocalEntries()
on_bump(_local.forget)
forget_local_entries = _local.forget


def _digest(data: bytes) -> str:
    return f'W/"{hashlib.blake2b(data, digest_size=16).hexdigest()}"'


def _lookup(request: HttpRequest, query: QueryDict, policy: SharedCache, url_kwargs: Mapping[str, Any]) -> _Lookup:
    """The entry for this request and the versions it must carry: one round trip, or none when
    this worker holds it."""
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query.urlencode()}"
    key = f"http:{policy.name}:{hashlib.blake2b(address.encode(), digest_size=16).hexdigest()}"
    held = _local.get(key)
    if held is not None:
        return _Lookup(key=key, versions=held.versions, current=held, previous=None)
    namespaces = policy.namespaces(url_kwargs)
    found = cache.get_many([key, *(version_key(namespace) for namespace in namespaces)])
    versions = cache_versions(namespaces, found)
    entry = _Entry.from_cached(found.get(key))
    if entry is not None and entry.versions == versions:
        _local.keep(key, entry, policy)
        return _Lookup(key=key, versions=versions, current=entry, previous=None)
    return _Lookup(key=key, versions=versions, current=None, previous=entry)


def _carriers(payload: Any, fields: tuple[str, ...]) -> list[list[dict[str, Any]]]:
    """For each of `fields`, the JSON objects of `payload` that have it, at any depth."""
    found: list[list[dict[str, Any]]] = [[] for _ in fields]
    pending = [payload] if isinstance(payload, (dict, list)) else []
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            for index, field in enumerate(fields):
                if field in item:
                    found[index].append(item)
            values: Collection[Any] = item.values()
        else:
            values = item
        for value in values:
            kind = type(value)
            if kind is dict or kind is list or (kind not in _SCALARS and isinstance(value, (dict, list))):
                pending.append(value)
    return found


def _store(lookup: _Lookup, shared: Any, policy: SharedCache) -> _Entry:
    """Keeps `shared`, an anonymous representation. Its Last-Modified carries over from the entry
    it replaces when nothing changed, and is otherwise later than that entry's, so that
    If-Modified-Since never matches a changed representation."""
    body = orjson.dumps(shared)
    etag = _digest(body)
    now = int(time.time())
    previous = lookup.previous
    if previous is None:
        last_modified = now
    elif previous.etag == etag:
        last_modified = previous.last_modified
    else:
        last_modified = max(now, previous.last_modified + 1)
    fields = policy.personal.fields if policy.personal else ()
    shown = tuple(tuple(sorted({item["id"] for item in items})) for items in _carriers(shared, fields))
    entry = _Entry(body, etag, last_modified, lookup.versions, shown)
    cache.set(lookup.key, entry.cached(), policy.seconds)
    _local.keep(lookup.key, entry, policy)
    return entry


# --- responses -----------------------------------------------------------------------------------
def _respond(
    request: HttpRequest, *, body: bytes, etag: str, last_modified: int | None, public_seconds: int | None
) -> HttpResponseBase:
    response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = (
        f"public, max-age={public_seconds}" if public_seconds is not None else "private, no-store"
    )
    response["Vary"] = VARY
    if not any(header in request.META for header in _CONDITIONAL_HEADERS):
        return response
    return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response) or response


def private_response(request: HttpRequest, payload: Any) -> HttpResponseBase:
    """An answer that is nobody else's (e.g. an author's draft): validated, never shared."""
    body = orjson.dumps(payload)
    return _respond(request, body=body, etag=_digest(body), last_modified=None, public_seconds=None)


def _personal_response(request: Request, entry: _Entry, personal: Personalization | None) -> HttpResponseBase:
    """The shared representation with the signed-in caller's marks on top: one query at most,
    none when nothing shown can be theirs."""
    marks: Marks = {}
    if personal is not None and any(entry.shown):
        marks = personal.marks(viewer=request.user, ids=dict(zip(personal.fields, entry.shown, strict=True)))
    fields = personal.fields if personal else ()
    state = [sorted(marks.get(field, ())) for field in fields]
    body = entry.body
    if any(state):
        payload = orjson.loads(body)
        for field, items in zip(fields, _carriers(payload, fields), strict=True):
            marked = marks.get(field, ())
            for item in items:
                item[field] = item["id"] in marked
        body = orjson.dumps(payload)
    etag = _digest(entry.etag.encode() + orjson.dumps(state))
    return _respond(request._request, body=body, etag=etag, last_modified=None, public_seconds=None)


def _accepts_json(request: HttpRequest) -> bool:
    accept = request.META.get("HTTP_ACCEPT", "")
    return not accept or any(media_range in accept for media_range in _JSON_MEDIA_RANGES)


class SharedCacheMixin:
    """For a DRF view whose GET answers `self.shared_response(request, compute)`. Put it before
    the DRF base class."""

    shared_cache: ClassVar[SharedCache]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method in ("GET", "HEAD") and "HTTP_AUTHORIZATION" not in request.META and _accepts_json(request):
            return self._anonymous_read(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def _anonymous_read(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        """DRF's dispatch for a read that sent no credentials, without what it cannot need: no
        authentication (there is nothing to check: the API reads credentials from the
        Authorization header only), no parsing (a read has no body), no content negotiation
        (JSON, checked above) and only the anonymous throttles (one counter round trip).
        Permissions, the handler and the error answers are DRF's own."""
        view = cast(APIView, self)
        drf_request = Request(request)
        drf_request.user, drf_request.auth = AnonymousUser(), None  # what authenticating would find
        view.args, view.kwargs, view.request, view.headers = args, kwargs, drf_request, view.default_response_headers
        view.format_kwarg = view.get_format_suffix(**kwargs)  # read by get_serializer_context
        try:
            view.check_permissions(drf_request)
            self._check_anonymous_throttles(drf_request)
            response = getattr(view, str(request.method).lower())(drf_request, *args, **kwargs)
        except Exception as exc:  # handed to DRF's handler, as its dispatch does
            response = view.handle_exception(exc)
        return view.finalize_response(drf_request, response, *args, **kwargs)

    def _check_anonymous_throttles(self, request: Request) -> None:
        """DRF's `check_throttles` with the view's anonymous throttles only."""
        view = cast(APIView, self)
        waits: list[float | None] = []
        for throttle_class in view.throttle_classes:
            if not issubclass(throttle_class, AnonRateThrottle):
                continue
            throttle = throttle_class()
            if not throttle.allow_request(request, view):
                waits.append(throttle.wait())
        if waits:
            known = [wait for wait in waits if wait is not None]
            view.throttled(request, max(known) if known else None)  # type: ignore[arg-type]  # as DRF

    def shared_response(self, request: Request, compute: Callable[[], Any]) -> HttpResponseBase:
        """The answer to `request` from the shared entry, computed by `compute` as for an
        anonymous caller and stored when there is none. `compute` reads the caller and the
        query from `request` (or `self.request`), and returns the representation, or
        `Private(representation)` when it may not be shown to anybody else."""
        policy = self.shared_cache
        django_request = request._request
        query = _declared_query(django_request, policy.query_params)
        lookup = _lookup(django_request, query, policy, cast(APIView, self).kwargs)
        entry = lookup.current
        if entry is None:
            try:
                with _as_anonymous(request, query):
                    shared = compute()
            except (domain_errors.NotFound, Http404, NotFound):
                if not request.user.is_authenticated:
                    raise
                shared = Private(None)  # nobody anonymous may see it; perhaps the caller may
            if isinstance(shared, Private):
                if not request.user.is_authenticated:
                    return private_response(django_request, shared.payload)
                own = compute()  # as the caller: their draft, or a hidden product read by staff
                return private_response(django_request, own.payload if isinstance(own, Private) else own)
            entry = _store(lookup, shared, policy)
        if request.user.is_authenticated:
            return _personal_response(request, entry, policy.personal)
        return _respond(
            django_request,
            body=entry.body,
            etag=entry.etag,
            last_modified=entry.last_modified,
            public_seconds=policy.seconds,
        )
