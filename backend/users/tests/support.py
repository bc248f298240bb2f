"""Helpers of the users tests: signing in over HTTP, reading our tokens, a clock to travel
with and a stand-in for Google's key server. The fixtures built on them are in conftest.py;
helpers every app's tests use (threads for the concurrency tests) are in core/tests/support.py."""

import base64
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from rest_framework.test import APIClient

from users.models import User
from users.tests.factories import DEFAULT_PASSWORD

GOOGLE_CLIENT_ID = "vitrin-test.apps.googleusercontent.com"
GOOGLE_CERTS_URL = "https://google.test/oauth2/v3/certs"


def sign_in(client: APIClient, user: User, password: str = DEFAULT_PASSWORD) -> Any:
    """Signs `user` in through the login endpoint, as a client would."""
    response = client.post("/api/auth/login/", {"username": user.username, "password": password})
    assert response.status_code == 200, response.content
    return response


def decoded(token: str) -> dict[str, Any]:
    """The claims of a JWT, unverified (the tests only read them)."""
    return jwt.decode(token, options={"verify_signature": False})


# --- a clock to travel with -----------------------------------------------------------------
class Clock:
    """Moves "now" for Django, simplejwt and PyJWT together, starting at the real now."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = datetime.now(tz=UTC).replace(microsecond=0)
        clock = self

        class TravellingDatetime(datetime):
            @classmethod
            def now(cls, tz: Any = None) -> "TravellingDatetime":
                moment = clock.now if tz is not None else clock.now.replace(tzinfo=None)
                return cls.fromtimestamp(moment.timestamp(), tz=tz)

        monkeypatch.setattr("django.utils.timezone.now", lambda: self.now)
        monkeypatch.setattr("rest_framework_simplejwt.tokens.aware_utcnow", lambda: self.now)
        monkeypatch.setattr("jwt.api_jwt.datetime", TravellingDatetime)

    def travel(self, **delta: float) -> None:
        self.now += timedelta(**delta)


# --- Google ---------------------------------------------------------------------------------
_KEYS: dict[str, rsa.RSAPrivateKey] = {}


def rsa_key(name: str) -> rsa.RSAPrivateKey:
    """A locally made RSA key, one per name for the whole run (making them is slow)."""
    if name not in _KEYS:
        _KEYS[name] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return _KEYS[name]


def public_jwk(kid: str, key: rsa.RSAPrivateKey) -> dict[str, Any]:
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    return {**jwk, "kid": kid, "alg": "RS256", "use": "sig"}


class _FakeResponse:
    def __init__(self, body: dict[str, Any], headers: dict[str, str]) -> None:
        self._body = body
        self.headers = headers

    def raise_for_status(self) -> None:
        return None

    def json(self) -> dict[str, Any]:
        return self._body


@dataclass
class FakeGoogleCerts:
    """Serves a JWKS in place of Google's, as `requests.get` would, and counts the fetches."""

    keys: list[dict[str, Any]]
    max_age: int = 3600
    failing: bool = False
    urls: list[str] = field(default_factory=list)

    @property
    def fetches(self) -> int:
        return len(self.urls)

    def publish(self, kid: str, key: rsa.RSAPrivateKey) -> None:
        self.keys.append(public_jwk(kid, key))

    def get(self, url: str, timeout: float) -> _FakeResponse:
        assert timeout > 0
        self.urls.append(url)
        if self.failing:
            raise requests.ConnectionError("Google is unreachable")
        return _FakeResponse({"keys": list(self.keys)}, {"Cache-Control": f"public, max-age={self.max_age}"})


def google_id_token(*, key: rsa.RSAPrivateKey | None = None, kid: str = "google-key-1", **claims: Any) -> str:
    """A Google-style ID token signed with `key` (Google's test key unless given); `claims`
    override the defaults (a verified ada@example.com, valid for an hour)."""
    now = int(datetime.now(tz=UTC).timestamp())
    payload = {
        "iss": "https://accounts.google.com",
        "azp": GOOGLE_CLIENT_ID,
        "aud": GOOGLE_CLIENT_ID,
        "sub": "110169484474386276334",
        "email": "ada@example.com",
        "email_verified": True,
        "given_name": "Ada",
        "family_name": "Lovelace",
        "iat": now,
        "exp": now + 3600,
        **claims,
    }
    return jwt.encode(payload, key or rsa_key("google"), algorithm="RS256", headers={"kid": kid})


def unsigned_token(**claims: Any) -> str:
    """A JWT with `alg: none`: what a forger without any key would send."""

    def part(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    return f"{part({'alg': 'none', 'typ': 'JWT', 'kid': 'google-key-1'})}.{part(claims)}."
