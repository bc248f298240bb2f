"""JWT authentication whose reads do not query the users table.

Every signed-in request used to load the caller's row: one SQL query, about half of what a
signed-in read costs before its own work (see docs/performance.md). Reads (GET, HEAD, OPTIONS)
now take the few columns that authentication and permissions need from the shared cache
(users.account_cache, kept current by the services that change those columns). Any other field
a read touches is loaded from the database on first access (Django's deferred fields), so a read
never sees a stale value of it. Writes always load the row itself: they may change it, check its
password or lock it.

With the cache down every read simply loads the row, as before.
"""

from typing import Any, cast

from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import Token

from users.account_cache import account_cached, account_remember
from users.models import User


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
        cached = account_cached(user_id)  # only active users are ever stored
        if cached is not None:
            return cached
        user = cast(User, super().get_user(validated_token))  # the row; refuses unknown and inactive users
        account_remember(user)
        return user
