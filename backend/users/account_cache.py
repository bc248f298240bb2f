"""The cached copy of an account's row that signed-in reads authenticate with.

Reads (users.authentication) take the few columns that authentication and permissions need
(id, username, is_active, is_staff, is_superuser) from the shared cache, where they are kept for
a minute. The services are the one owner of this copy: each service that changes one of those
columns (users.services: deactivation, staff edits in the admin) calls `account_forget`. A write
made any other way, a queryset `.update()` or a shell session, reaches reads within CACHE_SECONDS.

`account_forget` leaves a short-lived marker in the entry's place, now and again at commit;
entries are only ever added where there is none (`cache.add`), so a request that read the old row
just before the change cannot put it back while the marker lives.
"""

from typing import Any

from django.core.cache import cache
from django.db import transaction

from users.models import User

# In the model's own column order, as Model.from_db expects the values of a partial row.
CACHED_FIELDS = tuple(
    field.attname
    for field in User._meta.concrete_fields
    if field.attname in {"id", "username", "is_active", "is_staff", "is_superuser"}
)
CACHE_SECONDS = 60
CHANGED_MARKER_SECONDS = 5
_KEY = "auth-user:v1:{user_id}"
_CHANGED = "changed"


def _key(user_id: Any) -> str:
    return _KEY.format(user_id=user_id)


def account_forget(user_id: Any) -> None:
    """Replaces the cached copy of a user's row with a marker, now and again once the
    transaction commits."""
    key = _key(user_id)
    cache.set(key, _CHANGED, CHANGED_MARKER_SECONDS)
    transaction.on_commit(lambda: cache.set(key, _CHANGED, CHANGED_MARKER_SECONDS))


def account_cached(user_id: Any) -> User | None:
    """The cached partial row of an active user, or None."""
    values = cache.get(_key(user_id))
    if not isinstance(values, tuple) or len(values) != len(CACHED_FIELDS):
        return None
    return User.from_db("default", list(CACHED_FIELDS), list(values))


def account_remember(user: User) -> None:
    """Caches the row of an active user that a read just loaded, unless a change marker (or
    another copy) is there."""
    cache.add(_key(user.pk), tuple(getattr(user, field) for field in CACHED_FIELDS), CACHE_SECONDS)
