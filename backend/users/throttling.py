"""Limits on signing in, signing up and password resets, per client address and per account.

Every limit here holds over any period of its length, not per period of the clock, and is still
enforced, per process, with Redis unreachable (core.throttling.SlidingWindowRateThrottle).

The client address is DRF's `get_ident`: the socket address unless `NUM_PROXIES` trusted
proxies are configured, so a forged `X-Forwarded-For` header does not give a fresh budget.
The account is the one the typed e-mail address or username means, found exactly as signing in
finds it (users.selectors.user_for_sign_in): "ADA@example.com", the same address in full-width
letters and the username "ada" all spend the budget of one account. Text that means no account is counted
under its normalised form, so that asking about an address reveals nothing by its limit either.
Rates are read from `settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]` on every request (DRF
reads them once, at import), so they can be changed without a restart of the test suite.
"""

import hashlib
from typing import Any, cast

from django.conf import settings
from rest_framework.request import Request
from rest_framework.views import APIView

from core.throttling import SlidingWindowRateThrottle
from users.selectors import sign_in_identifier, user_for_sign_in


class _RateFromSettingsThrottle(SlidingWindowRateThrottle):
    def get_rate(self) -> str | None:
        rates: dict[str, str | None] = cast(dict[str, Any], settings.REST_FRAMEWORK)["DEFAULT_THROTTLE_RATES"]
        return rates[self.scope or ""]


class _ClientAddressThrottle(_RateFromSettingsThrottle):
    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class _SubmittedAccountThrottle(_RateFromSettingsThrottle):
    """Keyed on the account named in the body, whoever sends the request."""

    account_fields: tuple[str, ...] = ()

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        data: Any = request.data
        if not isinstance(data, dict):
            return None  # the view refuses the body; nothing to count against an account
        email, username = (self._text(data, field) for field in ("email", "username"))
        kind, identifier = sign_in_identifier(email=email, username=username)
        if not kind:
            return None
        user = user_for_sign_in(email=email, username=username)
        if user is not None:
            ident = f"user{user.pk}"
        else:
            # Hashed so that any text the client sends makes a short, well-formed cache key.
            ident = hashlib.sha256(f"{kind}:{identifier}".encode(errors="surrogatepass")).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def _text(self, data: dict[str, Any], field: str) -> str:
        # Anything but text is refused by the view (400) before it is tried against an account.
        value = data.get(field) if field in self.account_fields else None
        return value if isinstance(value, str) else ""


class LoginIpThrottle(_ClientAddressThrottle):
    scope = "login_ip"


class LoginAccountThrottle(_SubmittedAccountThrottle):
    scope = "login_account"
    account_fields = ("email", "username")


class RegisterThrottle(_ClientAddressThrottle):
    scope = "register"


class PasswordResetIpThrottle(_ClientAddressThrottle):
    scope = "password_reset_ip"


class PasswordResetAccountThrottle(_SubmittedAccountThrottle):
    scope = "password_reset_account"
    account_fields = ("email",)


class PasswordChangeThrottle(_RateFromSettingsThrottle):
    """Each password change tries a guess at the current password, so it gets the same budget
    per account as signing in (`login_account`), counted on its own key."""

    scope = "login_account"

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        if not request.user or not request.user.is_authenticated:
            return None
        return f"throttle_password_change_{request.user.pk}"


class _SignedInAccountThrottle(_RateFromSettingsThrottle):
    """Keyed on the signed-in caller's account; nothing to count for anybody else."""

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        if not request.user or not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class EmailVerifyIpThrottle(_ClientAddressThrottle):
    """Anyone holding an e-mailed link may open it, signed in or not: counted per address."""

    scope = "email_verify_ip"


class EmailVerificationResendThrottle(_SignedInAccountThrottle):
    """Each resend e-mails somebody: a few per account and hour, from wherever it is asked."""

    scope = "email_verify"
