"""Versioned cache keys: a write bumps its namespace's version, and every key built on the old
version is simply never read again (it expires on its own). No key has to be found and deleted.

Namespaces: PRODUCTS (any change of what a product says or of whether it is listed), VOTES
(an upvote given or withdrawn: what lists show and how they rank), CATEGORIES, and one per
product discussion (`comments_namespace(product_id)`).

The cache accelerates and is never a dependency: with Redis down `cache.get` misses and
`cache.set` does nothing (django-redis IGNORE_EXCEPTIONS), so every caller falls back to the
database.
"""

import hashlib
import json
import secrets
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import transaction

T = TypeVar("T")

PRODUCTS = "products"
VOTES = "votes"
CATEGORIES = "categories"
COMMENTS = "comments"
_VERSION_KEY = "version:{namespace}"


def comments_namespace(product_id: int) -> str:
    """The namespace of one product's discussion: a comment written there bumps it alone."""
    return f"{COMMENTS}:{product_id}"


def version_key(namespace: str) -> str:
    """The cache key holding the namespace's current version (for reading several at once)."""
    return _VERSION_KEY.format(namespace=namespace)


def cache_version(namespace: str) -> int:
    version = cache.get(version_key(namespace))
    if version is None:
        # Unknown (first use, or lost with a Redis restart): start a fresh, unique generation
        # so that no entry cached before the loss can be served as current.
        version = secrets.randbelow(2**31)
        cache.add(version_key(namespace), version, timeout=None)
        version = cache.get(version_key(namespace), version)
    return int(version)


def cache_versions(namespaces: Sequence[str], known: dict[str, Any]) -> tuple[int, ...]:
    """The current versions of `namespaces`, taken from `known` (the answer of a `get_many`
    that included their `version_key`s) and asked for only when missing there."""
    return tuple(
        int(known[version_key(namespace)]) if version_key(namespace) in known else cache_version(namespace)
        for namespace in namespaces
    )


_bump_listeners: list[Callable[[], None]] = []


def on_bump(listener: Callable[[], None]) -> None:
    """Calls `listener` at every bump: for copies kept outside the cache (core.http_cache)."""
    _bump_listeners.append(listener)


def bump_cache_version(*namespaces: str) -> None:
    """Makes every cached entry of these namespaces stale: at once, and again when the current
    transaction commits — a read between the two could have cached what the transaction had
    not yet made visible."""

    def bump() -> None:
        for listener in _bump_listeners:
            listener()
        for namespace in namespaces:
            try:
                cache.incr(version_key(namespace))
            except ValueError:  # not in the cache: the next read starts a new generation
                cache_version(namespace)

    bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(bump)


def versioned_key(namespace: str, name: str, params: Any) -> str:
    digest = hashlib.sha256(json.dumps(params, sort_keys=True, default=str).encode()).hexdigest()[:32]
    return f"{namespace}:{cache_version(namespace)}:{name}:{digest}"


def cached(key: str, timeout: int, compute: Callable[[], T]) -> T:
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value
