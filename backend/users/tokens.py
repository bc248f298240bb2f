"""Sign-in sessions as JWT pairs: issuing, rotating and revoking refresh tokens.

Every refresh token is recorded as an `OutstandingToken` (so it can be revoked) and carries
`auth_time`, the moment its session began at sign-in. Rotation copies `auth_time` forward and
never lets a token outlive `auth_time + SESSION_MAX_DAYS`, so a stolen token cannot be rotated
forever. A refresh token works once: rotation and sign-out write its `BlacklistedToken` row
*before* anything else and only the request that created that row goes on; the one-to-one
constraint on the row decides between parallel requests.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import update_last_login
from django.db import transaction
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken
from rest_framework_simplejwt.utils import datetime_from_epoch, datetime_to_epoch

from users.models import User

# The OpenID Connect name for "when the person signed in".
SESSION_START_CLAIM = "auth_time"

REFRESH_REFUSED_MESSAGE = "This refresh token is invalid, expired or already used. Please sign in again."
SESSION_OVER_MESSAGE = "This session has reached its maximum length. Please sign in again."


@dataclass(frozen=True)
class SessionTokens:
    access: str
    refresh: str
    refresh_expires_at: datetime


def _session_ends_at(started_at: int) -> int:
    return started_at + int(timedelta(days=settings.SESSION_MAX_DAYS).total_seconds())


def _issue(*, user: User, session_started_at: int | None) -> SessionTokens:
    refresh = RefreshToken()
    now = datetime_to_epoch(refresh.current_time)
    started_at = now if session_started_at is None else session_started_at
    session_ends_at = _session_ends_at(started_at)
    refresh[jwt_settings.USER_ID_CLAIM] = str(user.pk)
    refresh[SESSION_START_CLAIM] = started_at
    refresh["exp"] = min(refresh["exp"], session_ends_at)
    access = refresh.access_token
    access["exp"] = min(access["exp"], session_ends_at)

    encoded_refresh = str(refresh)
    expires_at = datetime_from_epoch(refresh["exp"])
    OutstandingToken.objects.create(
        user=user,
        jti=refresh[jwt_settings.JTI_CLAIM],
        token=encoded_refresh,
        created_at=refresh.current_time,
        expires_at=expires_at,
    )
    return SessionTokens(access=str(access), refresh=encoded_refresh, refresh_expires_at=expires_at)


@transaction.atomic
def session_start(*, user: User) -> SessionTokens:
    """A new session for `user`, who has just proven who they are (password, Google...)."""
    if jwt_settings.UPDATE_LAST_LOGIN:
        update_last_login(User, user)
    return _issue(user=user, session_started_at=None)


def _decode_refresh(raw_token: str) -> RefreshToken:
    """The signed, unexpired refresh token `raw_token`, or 401. A token already blacklisted is
    refused here too, but that read is only a fast path: callers decide by writing the row."""
    try:
        return RefreshToken(raw_token)  # type: ignore[arg-type]
    except TokenError as exc:
        raise AuthenticationFailed(REFRESH_REFUSED_MESSAGE) from exc


def _spend(token: RefreshToken) -> OutstandingToken:
    """Blacklists `token`; 401 when it is unknown or another request blacklisted it first.

    Call inside a transaction: when two requests spend one token, both try to insert the same
    one-to-one row and the database lets exactly one of them create it.
    """
    outstanding = OutstandingToken.objects.filter(jti=token[jwt_settings.JTI_CLAIM]).first()
    if outstanding is None:
        # Every token Vitrin issues is recorded; one that is not was not issued here.
        raise AuthenticationFailed(REFRESH_REFUSED_MESSAGE)
    _, created = BlacklistedToken.objects.get_or_create(token=outstanding)
    if not created:
        raise AuthenticationFailed(REFRESH_REFUSED_MESSAGE)
    return outstanding


def _session_user(token: RefreshToken) -> User:
    """The active user `token` belongs to, its row locked so that a password change (which
    revokes every token of the user under the same lock) cannot interleave with a rotation."""
    try:
        user_id = int(token[jwt_settings.USER_ID_CLAIM])
    except (KeyError, TypeError, ValueError) as exc:
        raise AuthenticationFailed(REFRESH_REFUSED_MESSAGE) from exc
    user = User.objects.select_for_update().filter(pk=user_id, is_active=True).first()
    if user is None:
        raise AuthenticationFailed(REFRESH_REFUSED_MESSAGE)
    return user


@transaction.atomic
def session_refresh(*, raw_token: str) -> SessionTokens:
    """Spends the refresh token `raw_token` and returns the session's next pair of tokens.

    401 when the token is forged, expired, revoked, already used, or its session is older than
    `SESSION_MAX_DAYS`. Of several requests spending one token at once exactly one succeeds.
    """
    token = _decode_refresh(raw_token)
    started_at = token.get(SESSION_START_CLAIM)
    if not isinstance(started_at, int):
        raise AuthenticationFailed(REFRESH_REFUSED_MESSAGE)
    if datetime_to_epoch(token.current_time) >= _session_ends_at(started_at):
        raise AuthenticationFailed(SESSION_OVER_MESSAGE)
    user = _session_user(token)
    _spend(token)
    return _issue(user=user, session_started_at=started_at)


@transaction.atomic
def session_end(*, raw_token: str) -> None:
    """Signs out: the refresh token `raw_token` is refused from now on. 401 when it is not a
    valid token any more (forged, expired, already used or signed out)."""
    _spend(_decode_refresh(raw_token))


def user_sessions_revoke(*, user: User) -> int:
    """Blacklists every refresh token `user` holds; returns how many were still valid.

    Call inside the transaction that changes the password, holding the user's row lock
    (`select_for_update`), so a rotation running at the same time either finishes first (and
    its new token is revoked here) or waits and then finds its token blacklisted.
    """
    live = OutstandingToken.objects.filter(user=user, blacklistedtoken__isnull=True)
    rows = [BlacklistedToken(token_id=token_id) for token_id in live.values_list("id", flat=True)]
    BlacklistedToken.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)
