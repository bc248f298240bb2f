"""Verification of Google ID tokens ("Sign in with Google") against Google's published keys.

A token is accepted only when its RS256 signature verifies with one of Google's keys
(`settings.GOOGLE_CERTS_URL`, cached as long as Google's `Cache-Control: max-age` allows), it
is for our client (`aud` == `settings.GOOGLE_OAUTH_CLIENT_ID`), from Google
(`iss` in `settings.GOOGLE_ISSUERS`), unexpired, and its e-mail address is verified by Google.

Without `GOOGLE_OAUTH_CLIENT_ID` the server cannot tell whose tokens to accept, so every
sign-in is refused with 503 (the server is not set up for it; the client did nothing wrong).
"""

import logging
import re
from dataclasses import dataclass
from typing import Any

import jwt
import requests
from django.conf import settings
from django.core.cache import cache

from core.domain_errors import CredentialsRefused, Unavailable

logger = logging.getLogger(__name__)

JWKS_CACHE_KEY = "users:google-jwks"
# Set when the keys were fetched again because a token named an unknown key: at most one such
# fetch per period, so tokens with made-up key ids cannot make us hammer Google.
JWKS_REFETCH_GUARD_KEY = "users:google-jwks-refetched"
JWKS_REFETCH_GUARD_SECONDS = 60
JWKS_DEFAULT_MAX_AGE_SECONDS = 3600
JWKS_FETCH_TIMEOUT_SECONDS = 5
# Our clock and Google's may differ by a little; a token is not refused for that.
CLOCK_SKEW_SECONDS = 60

NOT_CONFIGURED_MESSAGE = "Sign-in with Google is not set up on this server."
UNAVAILABLE_MESSAGE = "Google sign-in is unavailable right now. Please try again in a moment."
GOOGLE_REFUSED_MESSAGE = "This Google sign-in could not be verified. Please try again."
GOOGLE_EXPIRED_MESSAGE = "This Google sign-in has expired. Please try again."
UNVERIFIED_EMAIL_MESSAGE = "Google has not verified this e-mail address, so it cannot be used to sign in."

_MAX_AGE = re.compile(r"max-age=(\d+)")


@dataclass(frozen=True)
class GoogleIdentity:
    issuer: str
    subject: str
    email: str
    given_name: str
    family_name: str


def _fetch_jwks() -> dict[str, Any]:
    """Google's current signing keys, fetched and cached for as long as Google says."""
    try:
        response = requests.get(settings.GOOGLE_CERTS_URL, timeout=JWKS_FETCH_TIMEOUT_SECONDS)
        response.raise_for_status()
        jwks = response.json()
    except (requests.RequestException, ValueError) as exc:
        logger.warning("google: fetching the signing keys failed", exc_info=exc)
        raise Unavailable(UNAVAILABLE_MESSAGE) from exc
    if not isinstance(jwks, dict) or not isinstance(jwks.get("keys"), list):
        logger.warning("google: the signing keys document has no key list")
        raise Unavailable(UNAVAILABLE_MESSAGE)
    max_age = _MAX_AGE.search(response.headers.get("Cache-Control", ""))
    timeout = int(max_age.group(1)) if max_age else JWKS_DEFAULT_MAX_AGE_SECONDS
    if timeout > 0:
        cache.set(JWKS_CACHE_KEY, jwks, timeout=timeout)
    return jwks


def _find_key(jwks: dict[str, Any], kid: str) -> dict[str, Any] | None:
    return next((key for key in jwks["keys"] if isinstance(key, dict) and key.get("kid") == kid), None)


def _signing_key(kid: str) -> jwt.PyJWK:
    """Google's public key `kid`; the keys are fetched again once when `kid` is unknown, as
    happens for a while after Google rotates its keys."""
    jwks = cache.get(JWKS_CACHE_KEY)
    found = _find_key(jwks, kid) if jwks is not None else None
    if found is None and (jwks is None or cache.add(JWKS_REFETCH_GUARD_KEY, True, JWKS_REFETCH_GUARD_SECONDS)):
        found = _find_key(_fetch_jwks(), kid)
    if found is None:
        raise CredentialsRefused(GOOGLE_REFUSED_MESSAGE)
    try:
        return jwt.PyJWK(found, algorithm="RS256")
    except jwt.PyJWTError as exc:
        raise CredentialsRefused(GOOGLE_REFUSED_MESSAGE) from exc


def _claim_text(claims: dict[str, Any], name: str) -> str:
    value = claims.get(name)
    return value if isinstance(value, str) else ""


def google_id_token_verify(*, id_token: str) -> GoogleIdentity:
    """Who Google says signed in with `id_token`; 401 when Google did not say it for us."""
    client_id = settings.GOOGLE_OAUTH_CLIENT_ID
    if not client_id:
        raise Unavailable(NOT_CONFIGURED_MESSAGE)
    try:
        header = jwt.get_unverified_header(id_token)
    except jwt.PyJWTError as exc:
        raise CredentialsRefused(GOOGLE_REFUSED_MESSAGE) from exc
    kid = header.get("kid")
    if header.get("alg") != "RS256" or not isinstance(kid, str):
        raise CredentialsRefused(GOOGLE_REFUSED_MESSAGE)
    try:
        claims = jwt.decode(
            id_token,
            _signing_key(kid),
            algorithms=["RS256"],
            audience=client_id,
            issuer=settings.GOOGLE_ISSUERS,
            leeway=CLOCK_SKEW_SECONDS,
            options={"require": ["exp", "iat", "iss", "aud", "sub"]},
        )
    except jwt.ExpiredSignatureError as exc:
        raise CredentialsRefused(GOOGLE_EXPIRED_MESSAGE) from exc
    except jwt.PyJWTError as exc:
        raise CredentialsRefused(GOOGLE_REFUSED_MESSAGE) from exc

    email = _claim_text(claims, "email")
    subject = _claim_text(claims, "sub")
    if not email or not subject:
        raise CredentialsRefused(GOOGLE_REFUSED_MESSAGE)
    if claims.get("email_verified") not in (True, "true"):
        raise CredentialsRefused(UNVERIFIED_EMAIL_MESSAGE)
    issuer = _claim_text(claims, "iss")
    return GoogleIdentity(
        # Google writes its issuer with and without the scheme; one person is one identity.
        issuer=issuer if issuer.startswith("https://") else f"https://{issuer}",
        subject=subject,
        email=email,
        given_name=_claim_text(claims, "given_name"),
        family_name=_claim_text(claims, "family_name"),
    )
