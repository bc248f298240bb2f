"""Limits on signing in, signing up and password resets, per client address and per account.

The client address is DRF's `get_ident`: the socket address unless `NUM_PROXIES` trusted
proxies are configured, so a forged `X-Forwarded-For` header does not give a fresh budget.
Rates are read from `settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]` on every request (DRF
reads them once, at import), so they can be changed without a restart of the test suite.
"""

import hashlib
from typing import Any, cast

from django.conf import settings
from rest_framework.request import Request
from rest_framework.views import APIView

from core.throttling import WindowRateThrottle


class _RateFromSettingsThrottle(WindowRateThrottle):
    def get_rate(self) -> str | None:
        rates: dict[str, str | None] = cast(dict[str, Any], settings.REST_FRAMEWORK)["DEFAULT_THROTTLE_RATES"]
        return rates[self.scope or ""]


class _ClientAddressThrottle(_RateFromSettingsThrottle):
    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class _SubmittedAccountThrottle(_RateFromSettingsThrottle):
    """Keyed on the account named in the body (lower-cased), whoever sends the request."""

    account_fields: tuple[str, ...] = ()

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        data: Any = request.data
        if not isinstance(data, dict):
            return None  # the view refuses the body; nothing to count against an account
        for field in self.account_fields:
            value = data.get(field)
            if isinstance(value, str) and value.strip():
                # Hashed so that any text the client sends makes a well-formed cache key.
                digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()
                return self.cache_format % {"scope": self.scope, "ident": digest}
        return None


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
