"""Sign-in sessions as JWT pairs: issuing, rotating and revoking refresh tokens.

Every refresh token is recorded as an `OutstandingToken` (so it can be revoked) and carries
`auth_time`, the moment its session began at sign-in. Rotation copies `auth_time` forward and
never lets a token outlive `auth_time + SESSION_MAX_DAYS`, so a stolen token cannot be rotated
forever. A refresh token works once: rotation and sign-out write its `BlacklistedToken` row
*before* anything else and only the request that created that row goes on; the one-to-one
constraint on the row decides between parallel requests.

Reuse detection (OAuth 2.0 Security BCP, refresh token rotation): every token of one sign-in
carries the same session id, `sid`, which also begins its `jti` (`<sid>.<random>`), so the
session's tokens are found by the index on `jti` without a table of their own. A spent token
presented again means two parties hold copies of it, and which one is the thief cannot be
told; so every token of its session is revoked, the thief's and the person's alike, and the
person signs in again. Other sign-ins of the same person are untouched. Not within
`REFRESH_REUSE_GRACE_SECONDS` of the spending, though: that is one client sending its token
twice at once (two tabs restoring the session, a retried request), which gets its 401 and no more.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import update_last_login
from django.db import transaction
from django.utils import timezone
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken
from rest_framework_simplejwt.utils import datetime_from_epoch, datetime_to_epoch

from core.domain_errors import CredentialsRefused
from users.models import User

# The OpenID Connect names for "when the person signed in" and "which sign-in this is".
SESSION_START_CLAIM = "auth_time"
SESSION_ID_CLAIM = "sid"

REFRESH_REFUSED_MESSAGE = "This refresh token is invalid, expired or already used. Please sign in again."
SESSION_OVER_MESSAGE = "This session has reached its maximum length. Please sign in again."


@dataclass(frozen=True)
class SessionTokens:
    access: str
    refresh: str
    refresh_expires_at: datetime


def _session_ends_at(started_at: int) -> int:
    return started_at + int(timedelta(days=settings.SESSION_MAX_DAYS).total_seconds())


def _session_jti_prefix(session_id: str) -> str:
    return f"{session_id}."


def _issue(*, user: User, session_started_at: int | None, session_id: str | None) -> SessionTokens:
    """A new pair for `user`: of a new session when `session_started_at` and `session_id` are
    None, else of the one they name."""
    refresh = RefreshToken()
    now = datetime_to_epoch(refresh.current_time)
    started_at = now if session_started_at is None else session_started_at
    session_id = session_id or uuid.uuid4().hex
    session_ends_at = _session_ends_at(started_at)
    refresh[jwt_settings.USER_ID_CLAIM] = str(user.pk)
    refresh[SESSION_START_CLAIM] = started_at
    refresh[SESSION_ID_CLAIM] = session_id
    refresh[jwt_settings.JTI_CLAIM] = _session_jti_prefix(session_id) + uuid.uuid4().hex
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
    return _issue(user=user, session_started_at=None, session_id=None)


class _SignedRefreshToken(RefreshToken):
    """simplejwt's refresh token without its read of the blacklist, which would refuse a spent
    token like a forged one: `_spend` tells them apart, and a spent one revokes its session."""

    def check_blacklist(self) -> None:
        return None


def _decode_refresh(raw_token: str) -> RefreshToken:
    """The signed, unexpired refresh token `raw_token`, or 401. Whether it was spent already is
    for `_spend` to decide."""
    try:
        return _SignedRefreshToken(raw_token)  # type: ignore[arg-type]
    except TokenError as exc:
        raise CredentialsRefused(REFRESH_REFUSED_MESSAGE) from exc


def _spend(token: RefreshToken) -> BlacklistedToken | None:
    """Blacklists `token`: None when this call did, else the row of its earlier spending. 401
    when the token is not one Vitrin recorded.

    Call inside a transaction: when two requests spend one token, both try to insert the same
    one-to-one row and the database lets exactly one of them create it.
    """
    outstanding = OutstandingToken.objects.filter(jti=token[jwt_settings.JTI_CLAIM]).first()
    if outstanding is None:
        # Every token Vitrin issues is recorded; one that is not was not issued here.
        raise CredentialsRefused(REFRESH_REFUSED_MESSAGE)
    spending, created = BlacklistedToken.objects.get_or_create(token=outstanding)
    return None if created else spending


def _session_revoke_on_reuse(*, token: RefreshToken, spending: BlacklistedToken) -> None:
    """`token` was spent already (`spending`) and is presented again: revokes every token of its
    session, unless it was spent moments ago (see the module's docstring).

    Takes the user's row lock, as a rotation does, so a rotation of the same session running
    at the same time either finishes first (and its new token is revoked here) or finds its
    token revoked."""
    if timezone.now() - spending.blacklisted_at < timedelta(seconds=settings.REFRESH_REUSE_GRACE_SECONDS):
        return
    session_id = token.get(SESSION_ID_CLAIM)
    if not isinstance(session_id, str) or not session_id:
        return  # issued before sessions had ids
    user_id = spending.token.user_id
    if user_id is None:
        return  # the account is gone, and its tokens with it
    User.objects.select_for_update().filter(pk=user_id).first()  # the lock is what is wanted
    session_tokens = OutstandingToken.objects.filter(
        user_id=user_id, jti__startswith=_session_jti_prefix(session_id), blacklistedtoken__isnull=True
    )
    rows = [BlacklistedToken(token_id=token_id) for token_id in session_tokens.values_list("id", flat=True)]
    BlacklistedToken.objects.bulk_create(rows, ignore_conflicts=True)


def _session_user(token: RefreshToken) -> User:
    """The active user `token` belongs to, its row locked so that a password change (which
    revokes every token of the user under the same lock) cannot interleave with a rotation."""
    try:
        user_id = int(token[jwt_settings.USER_ID_CLAIM])
    except (KeyError, TypeError, ValueError) as exc:
        raise CredentialsRefused(REFRESH_REFUSED_MESSAGE) from exc
    user = User.objects.select_for_update().filter(pk=user_id, is_active=True).first()
    if user is None:
        raise CredentialsRefused(REFRESH_REFUSED_MESSAGE)
    return user


def session_refresh(*, raw_token: str) -> SessionTokens:
    """Spends the refresh token `raw_token` and returns the session's next pair of tokens.

    401 when the token is forged, expired, revoked, already used, or its session is older than
    `SESSION_MAX_DAYS`. Of several requests spending one token at once exactly one succeeds. A
    token spent before revokes its whole session; that revocation is committed, then the 401
    raised (so this is not one atomic block: the refusal must not roll the revocation back).
    """
    token = _decode_refresh(raw_token)
    started_at = token.get(SESSION_START_CLAIM)
    if not isinstance(started_at, int):
        raise CredentialsRefused(REFRESH_REFUSED_MESSAGE)
    if datetime_to_epoch(token.current_time) >= _session_ends_at(started_at):
        raise CredentialsRefused(SESSION_OVER_MESSAGE)
    with transaction.atomic():
        user = _session_user(token)
        spending = _spend(token)
        if spending is None:
            session_id = token.get(SESSION_ID_CLAIM)
            return _issue(
                user=user,
                session_started_at=started_at,
                session_id=session_id if isinstance(session_id, str) else None,
            )
        _session_revoke_on_reuse(token=token, spending=spending)
    raise CredentialsRefused(REFRESH_REFUSED_MESSAGE)


def session_end(*, raw_token: str) -> None:
    """Signs out: the refresh token `raw_token` is refused from now on. 401 when it is not a
    valid token any more (forged, expired, already used or signed out); one spent before
    revokes its whole session, as in `session_refresh`."""
    token = _decode_refresh(raw_token)
    with transaction.atomic():
        spending = _spend(token)
        if spending is None:
            return
        _session_revoke_on_reuse(token=token, spending=spending)
    raise CredentialsRefused(REFRESH_REFUSED_MESSAGE)


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
