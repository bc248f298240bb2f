"""The Django admin's defences against password guessing.

* `VitrinAdminSite` is django-otp's `OTPAdminSite`: with `ADMIN_REQUIRE_2FA` on, staff sign in
  with their password and the current code of an enrolled authenticator app (`manage.py
  admin_totp_add`), and a session that has not given a code is treated as not staff.
* django-axes counts failed sign-ins per account and per client address (settings `AXES_*`);
  the functions below are the hooks it calls: who the client is, which account was tried, and
  the page shown while locked out.

The site is installed as `django.contrib.admin.site` by `core.apps.VitrinAdminConfig`.
"""

from __future__ import annotations

import math
from typing import Any

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite
from rest_framework.throttling import BaseThrottle

OTP_LOGIN_TEMPLATE = "otp/admin111/login.html"
LOCKOUT_TEMPLATE = "admin/locked_out.html"


class VitrinAdminSite(OTPAdminSite):
    """Asks for a one-time code only while `settings.ADMIN_REQUIRE_2FA` is on.

    The setting is read on each request rather than when the site is built at import, so one
    process (and the test suite) can serve either way; it is the same for the whole site."""

    def __init__(self, name: str = "admin") -> None:
        super().__init__(name)

    @property
    def login_form(self) -> type[AdminAuthenticationForm]:
        return OTPAdminAuthenticationForm if settings.ADMIN_REQUIRE_2FA else AdminAuthenticationForm

    @property
    def login_template(self) -> str | None:
        return OTP_LOGIN_TEMPLATE if settings.ADMIN_REQUIRE_2FA else None

    def has_permission(self, request: HttpRequest) -> bool:
        if settings.ADMIN_REQUIRE_2FA:
            return bool(super().has_permission(request))  # staff, and verified by a device
        return AdminSite.has_permission(self, request)


def client_ip_address(request: HttpRequest) -> str | None:
    """The client's address exactly as the API's throttles take it (DRF's `get_ident` with
    `NUM_PROXIES`): X-Forwarded-For is believed only as far as the trusted proxies, so a
    forged header neither gives an attacker a fresh budget nor locks out everyone else who
    comes through the same proxy."""
    return BaseThrottle().get_ident(request)  # type: ignore[arg-type]


def login_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """The account a sign-in tried, lower-cased: accounts are found ignoring case, so "ADA"
    and "ada" are guesses at the same password and must share one budget."""
    username = credentials.get("username") if credentials else request.POST.get("username")
    return username.strip().lower() if isinstance(username, str) else None


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    """A short page saying what happened and when to try again, with `Retry-After`."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    minutes = math.ceil(seconds / 60)
    response = render(
        request,
        LOCKOUT_TEMPLATE,
        {"minutes": minutes, "title": "Sign-in locked", "site_header": "Vitrin administration"},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Retry-After"] = str(seconds)
    return response
