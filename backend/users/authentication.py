"""JWT authentication whose reads do not query the users table.

Every signed-in request used to load the caller's row: one SQL query, about half of what a
signed-in read costs before its own work (see docs/performance.md). Reads (GET, HEAD, OPTIONS)
now take the few columns that authentication and permissions need (id, username, is_active,
is_staff, is_superuser) from the shared cache, where they are kept for a minute and deleted as
soon as the row changes (`forget_cached_user`, connected to the User model's post_save and
post_delete: it leaves a short-lived marker in the entry's place, so a request that read the
old row just before the change cannot put it back). Any other field a read touches is loaded
from the database on first access (Django's deferred fields), so a read never sees a stale value
of it. Writes always load the row itself: they may change it, check its password or lock it.

With the cache down every read simply loads the row, as before.
"""

from typing import Any

from django.core.cache import cache
from django.db import transaction
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import Token

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


def forget_cached_user(user_id: Any) -> None:
    """Replaces the cached copy of a user's row with a marker, now and again once the
    transaction commits. Entries are only ever added where there is none (`cache.add`), so
    while the marker lives no request can cache a row it read before the change."""
    key = _key(user_id)
    cache.set(key, _CHANGED, CHANGED_MARKER_SECONDS)
    transaction.on_commit(lambda: cache.set(key, _CHANGED, CHANGED_MARKER_SECONDS))


def _user_from_cache(user_id: Any) -> User | None:
    values = cache.get(_key(user_id))
    if not isinstance(values, tuple) or len(values) != len(CACHED_FIELDS):
        return None
    return User.from_db("default", list(CACHED_FIELDS), list(values))


class CachedUserJWTAuthentication(JWTAuthentication):
    """simplejwt's `JWTAuthentication`, taking the caller's row from the cache on reads."""

    read_only = False

    def authenticate(self, request: Request) -> tuple[Any, Token] | None:
        self.read_only = request.method in SAFE_METHODS
        return super().authenticate(request)

    def get_user(self, validated_token: Token) -> Any:
        user_id = validated_token.get(api_settings.USER_ID_CLAIM)
        if not self.read_only or user_id is None:
            return super().get_user(validated_token)
        cached = _user_from_cache(user_id)  # only active users are ever stored
        if cached is not None:
            return cached
        user = super().get_user(validated_token)  # the row; refuses unknown and inactive users
        cache.add(_key(user_id), tuple(getattr(user, field) for field in CACHED_FIELDS), CACHE_SECONDS)
        return user
