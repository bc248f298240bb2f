"""HTTP caching of the public reads: product lists and pages, categories, discussions, searches.

1. The shared representation. A view's answer for anonymous callers is rendered once and kept
   in the cache (Redis) for a few seconds, under the versions of the namespaces it depends on
   (core.cache): a write through the services bumps them, so what it changed is never served
   again, and the short lifetime bounds how late everything else shows (votes, profile edits).
   An anonymous request that finds a current one is answered from it before any work of the
   view — authentication, throttles, queries — as a caching proxy in front would answer it.

2. The caller's own state. A signed-in caller never gets a cached answer without their own
   state: the shared representation is completed with the caller's per-viewer fields
   (`has_upvoted` of each product, `is_following` of each user) from one query about the ids the
   entry shows (when none is theirs, the shared body is their answer as it is). The shared
   representation holds these fields false, as for anybody anonymous — also when a signed-in
   request computed it, which fills the cache without an extra query — so nobody's state
   reaches anybody else.

3. Validators. Every response carries a weak `ETag`, anonymous ones without fresh fields also a
   `Last-Modified`; a conditional request that still matches gets `304`. `Cache-Control` is
   `public, max-age=<seconds>` for anonymous callers and `private, no-cache` for signed-in
   ones, with `Vary: Authorization, Cookie`.

4. The worker's memory. Each worker also keeps the entries it last found current for
   PUBLIC_CACHE_LOCAL_SECONDS (a quarter of a second): the busiest pages then skip even the
   round trip to Redis. A write through the same worker forgets them at once; a write through
   another shows when they expire.

A view opts in with `SharedCacheMixin` and a `SharedCache` policy, and answers GET with
`self.shared_response(request, compute)`.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import orjson
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from rest_framework.request import Request

from core.cache import cache_versions, on_bump, version_key

SAFE_READS = frozenset({"GET", "HEAD"})
# The fields that depend on who asks; the shared representation holds them false.
UPVOTED_FIELD, FOLLOWING_FIELD = "has_upvoted", "is_following"
# A view does not make a product new: the view count is left out of every validator.
VALIDATOR_IGNORED_FIELDS = frozenset({"view_count"})
VARY = "Authorization, Cookie"
_CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")
_JSON_MEDIA_RANGES = ("*/*", "application/json", "application/*")
_SCALARS = frozenset({str, int, float, bool, type(None)})


@dataclass(frozen=True)
class ViewerMarks:
    """Which of the products shown the caller upvoted and which of the people shown they follow."""

    upvoted: frozenset[int]
    following: frozenset[int]


MarksLoader = Callable[..., ViewerMarks]


@dataclass(frozen=True)
class SharedCache:
    """How a view shares its answer.

    `name` tells its entries apart; `seconds_setting` names the setting holding how long an
    entry is served (and the `max-age` given to anonymous callers); `namespaces` gives, from
    the URL's arguments, the core.cache namespaces whose writes make an entry stale;
    `fresh_fields` are top-level fields the view reads anew for every response (left out of
    the shared entry's validator); `marks` loads a signed-in caller's ViewerMarks (None when
    the representation has no per-viewer field)."""

    name: str
    seconds_setting: str
    namespaces: Callable[[Mapping[str, Any]], tuple[str, ...]]
    fresh_fields: tuple[str, ...] = ()
    marks: MarksLoader | None = None

    @property
    def seconds(self) -> int:
        return int(getattr(settings, self.seconds_setting))


@dataclass(frozen=True)
class Private:
    """What a view's `compute` returns for an answer that is the caller's alone (a discussion of
    a draft its author reads, say): it is sent as it is and never shared."""

    payload: Any


@dataclass(frozen=True)
class _Entry:
    body: bytes
    etag: str
    last_modified: int
    versions: tuple[int, ...]
    # The ids of the products and of the people the body shows, for a signed-in caller's marks.
    product_ids: tuple[int, ...]
    people_ids: tuple[int, ...]

    @classmethod
    def from_cached(cls, value: Any) -> _Entry | None:
        try:
            body, etag, last_modified, versions, product_ids, people_ids = value
        except (TypeError, ValueError):
            return None
        return cls(
            body=body,
            etag=etag,
            last_modified=last_modified,
            versions=tuple(versions),
            product_ids=tuple(product_ids),
            people_ids=tuple(people_ids),
        )

    def cached(self) -> tuple[Any, ...]:
        return (self.body, self.etag, self.last_modified, self.versions, self.product_ids, self.people_ids)


@dataclass(frozen=True)
class _Lookup:
    key: str
    versions: tuple[int, ...]
    current: _Entry | None
    previous: _Entry | None  # stale, kept for its validators


# --- reading and writing entries -----------------------------------------------------------------
def _address(request: HttpRequest) -> str:
    """The request's scheme, host, path and parameters (in a canonical order): what the
    representation depends on, the absolute `next` and `previous` links included."""
    parameters = "&".join(sorted(request.META.get("QUERY_STRING", "").split("&")))
    return f"{request.scheme}://{request.get_host()}{request.path}?{parameters}"


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


def _lookup(request: HttpRequest, policy: SharedCache, url_kwargs: Mapping[str, Any]) -> _Lookup:
    """The shared entry for this request and the versions it must carry: one round trip, or
    none when this worker holds the entry (_LocalEntries)."""
    digest = hashlib.blake2b(_address(request).encode(), digest_size=16).hexdigest()
    key = f"http:{policy.name}:{digest}"
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


def _digest(data: bytes) -> str:
    return f'W/"{hashlib.blake2b(data, digest_size=16).hexdigest()}"'


def _derived_etag(entry: _Entry, state: list[Any]) -> str:
    """The validator of an answer made of the entry and `state` (the caller's marks, fresh fields)."""
    return _digest(entry.etag.encode() + orjson.dumps(state))


def _store(lookup: _Lookup, shared: Any, policy: SharedCache) -> _Entry:
    """Keeps `shared` (the anonymous representation) for `policy.seconds`. Its Last-Modified
    carries over from the entry it replaces when nothing changed, and is otherwise later than
    that entry's, so that If-Modified-Since never matches a changed representation."""
    body = orjson.dumps(shared)
    if policy.fresh_fields:
        etag = _digest(orjson.dumps({k: v for k, v in shared.items() if k not in policy.fresh_fields}))
    else:
        etag = _digest(body)
    now = int(time.time())
    previous = lookup.previous
    if previous is None:
        last_modified = now
    elif previous.etag == etag:
        last_modified = previous.last_modified
    else:
        last_modified = max(now, previous.last_modified + 1)
    objects = _ViewerObjects.of(shared)
    entry = _Entry(
        body=body,
        etag=etag,
        last_modified=last_modified,
        versions=lookup.versions,
        product_ids=tuple(sorted({item["id"] for item in objects.products})),
        people_ids=tuple(sorted({item["id"] for item in objects.people})),
    )
    cache.set(lookup.key, entry.cached(), policy.seconds)
    _local.keep(lookup.key, entry, policy)
    return entry


# --- per-viewer fields ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _ViewerObjects:
    """The objects of a representation that carry a per-viewer field: products (`has_upvoted`)
    and people (`is_following`), found at any depth (comment threads nest deeply)."""

    products: list[dict[str, Any]]
    people: list[dict[str, Any]]

    @classmethod
    def of(cls, payload: Any) -> _ViewerObjects:
        products: list[dict[str, Any]] = []
        people: list[dict[str, Any]] = []
        pending = [payload] if isinstance(payload, (dict, list)) else []
        push, pop = pending.append, pending.pop
        while pending:
            item = pop()
            values: Iterable[Any]
            if isinstance(item, dict):
                if UPVOTED_FIELD in item:
                    products.append(item)
                if FOLLOWING_FIELD in item:
                    people.append(item)
                values = item.values()
            else:
                values = item
            for value in values:
                kind = type(value)
                if kind is dict or kind is list or (kind not in _SCALARS and isinstance(value, (dict, list))):
                    push(value)
        return cls(products=products, people=people)

    def anonymize(self) -> None:
        for item in self.products:
            item[UPVOTED_FIELD] = False
        for item in self.people:
            item[FOLLOWING_FIELD] = False

    def personalize(self, found: ViewerMarks) -> None:
        """Sets the per-viewer fields to what `found` says of the caller."""
        for item in self.products:
            item[UPVOTED_FIELD] = item["id"] in found.upvoted
        for item in self.people:
            item[FOLLOWING_FIELD] = item["id"] in found.following

    def state(self) -> list[list[int]]:
        """What the per-viewer fields say, for the validator."""
        return [
            sorted({item["id"] for item in self.products if item[UPVOTED_FIELD]}),
            sorted({item["id"] for item in self.people if item[FOLLOWING_FIELD]}),
        ]


def _anonymized(payload: Any) -> Any:
    """A copy of `payload` with every per-viewer field false."""
    shared = orjson.loads(orjson.dumps(payload))
    _ViewerObjects.of(shared).anonymize()
    return shared


# --- responses -----------------------------------------------------------------------------------
def _respond(
    request: HttpRequest, *, body: bytes, etag: str, last_modified: int | None, public_seconds: int | None
) -> HttpResponseBase:
    response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = (
        f"public, max-age={public_seconds}" if public_seconds is not None else "private, no-cache"
    )
    response["Vary"] = VARY
    if not any(header in request.META for header in _CONDITIONAL_HEADERS):
        return response
    return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response) or response


def private_response(request: HttpRequest, payload: Any) -> HttpResponseBase:
    """A representation that is nobody else's (e.g. an author's draft): validated, never shared."""
    body = orjson.dumps(payload)
    return _respond(request, body=body, etag=_digest(body), last_modified=None, public_seconds=None)


def _is_anonymous(request: HttpRequest) -> bool:
    """No credentials at all: the API authenticates by the Authorization header only."""
    return "HTTP_AUTHORIZATION" not in request.META


def _accepts_json(request: HttpRequest) -> bool:
    accept = request.META.get("HTTP_ACCEPT", "")
    return not accept or any(media_range in accept for media_range in _JSON_MEDIA_RANGES)


class SharedCacheMixin:
    """For a DRF view whose GET answers `self.shared_response(request, compute)`. Put it
    before the DRF base class."""

    shared_cache: ClassVar[SharedCache]
    _lookup_done: _Lookup | None = None
    _fresh_done: bool = False
    _fresh: dict[str, Any] | None = None

    def fresh_values(self, viewer: Any, **url_kwargs: Any) -> dict[str, Any] | None:
        """The policy's `fresh_fields`, read anew for this response. None when nothing may be
        shared with this request (say, a draft its author is reading): the view then answers
        on its own. Called once per request at most (see `fresh`)."""
        return {}

    def fresh(self, viewer: Any, **url_kwargs: Any) -> dict[str, Any] | None:
        if not self._fresh_done:
            self._fresh = self.fresh_values(viewer, **url_kwargs)
            self._fresh_done = True
        return self._fresh

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method in SAFE_READS and _is_anonymous(request) and _accepts_json(request):
            lookup = self._lookup_done = _lookup(request, self.shared_cache, kwargs)
            if lookup.current is not None:
                fresh = self.fresh(AnonymousUser(), **kwargs)
                if fresh is not None:
                    return self._answer(request, lookup.current, fresh, viewer=None)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def shared_response(self, request: Request, compute: Callable[[], Any]) -> HttpResponseBase:
        """The answer to `request` from the shared entry; computed by `compute` (for the
        caller) and shared when there is none. `compute` returns the representation, or
        `Private(representation)` when what the caller sees may not be shown to anybody else.
        Precondition: `self.fresh(...)` is not None."""
        url_kwargs: dict[str, Any] = getattr(self, "kwargs", {})
        lookup = self._lookup_done or _lookup(request, self.shared_cache, url_kwargs)
        viewer = request.user if request.user.is_authenticated else None
        fresh = self.fresh(request.user, **url_kwargs) or {}
        if lookup.current is not None:
            return self._answer(request, lookup.current, fresh, viewer=viewer)
        payload = compute()
        if isinstance(payload, Private):
            return private_response(request, payload.payload)
        entry = _store(lookup, payload if viewer is None else _anonymized(payload), self.shared_cache)
        return self._render(request, entry, payload, fresh, viewer=viewer)

    def _answer(self, request: HttpRequest, entry: _Entry, fresh: dict[str, Any], *, viewer: Any) -> HttpResponseBase:
        if viewer is None and not fresh:
            return _respond(
                request,
                body=entry.body,
                etag=entry.etag,
                last_modified=entry.last_modified,
                public_seconds=self.shared_cache.seconds,
            )
        found = self._marks(viewer, entry) if viewer is not None else None
        if found is not None and not found.upvoted and not found.following and not fresh:
            # Nothing shown is the caller's (the usual case): the shared body is their answer.
            return _respond(
                request,
                body=entry.body,
                etag=_derived_etag(entry, [[[], []], []]),
                last_modified=None,
                public_seconds=None,
            )
        payload = orjson.loads(entry.body)
        objects = _ViewerObjects.of(payload) if found is not None else None
        if objects is not None and found is not None:
            objects.personalize(found)
        return self._render(request, entry, payload, fresh, viewer=viewer, objects=objects)

    def _marks(self, viewer: Any, entry: _Entry) -> ViewerMarks:
        """The caller's upvotes and follows among what the entry shows: one query at most."""
        if self.shared_cache.marks is None or not (entry.product_ids or entry.people_ids):
            return ViewerMarks(upvoted=frozenset(), following=frozenset())
        return self.shared_cache.marks(
            viewer=viewer, product_ids=set(entry.product_ids), user_ids=set(entry.people_ids)
        )

    def _render(
        self,
        request: HttpRequest,
        entry: _Entry,
        payload: Any,
        fresh: dict[str, Any],
        *,
        viewer: Any,
        objects: _ViewerObjects | None = None,
    ) -> HttpResponseBase:
        if viewer is None and not fresh:
            return self._answer(request, entry, fresh, viewer=None)
        if fresh:
            payload.update(fresh)
        state = [
            (objects or _ViewerObjects.of(payload)).state() if viewer is not None else None,
            sorted((k, v) for k, v in fresh.items() if k not in VALIDATOR_IGNORED_FIELDS),
        ]
        etag = entry.etag if state == [None, []] else _derived_etag(entry, state)
        return _respond(
            request,
            body=orjson.dumps(payload),
            etag=etag,
            # A fresh field or the caller's state may change while the entry does not.
            last_modified=entry.last_modified if state == [None, []] else None,
            public_seconds=self.shared_cache.seconds if viewer is None else None,
        )
