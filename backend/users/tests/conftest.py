from collections.abc import Callable

import pytest
from pytest_django.fixtures import Settings

from users.tests.support import GOOGLE_CERTS_URL, GOOGLE_CLIENT_ID, Clock, FakeGoogleCerts, public_jwk, rsa_key


@pytest.fixture
def throttle_rates(settings: Settings) -> Callable[..., None]:
    """Sets some throttle rates (e.g. `login_ip="2/min"`) for this test only."""

    def set_rates(**rates: str) -> None:
        framework = dict(settings.REST_FRAMEWORK)
        framework["DEFAULT_THROTTLE_RATES"] = {**framework["DEFAULT_THROTTLE_RATES"], **rates}
        settings.REST_FRAMEWORK = framework

    return set_rates


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


@pytest.fixture
def google_certs(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> FakeGoogleCerts:
    """Google sign-in set up for our test client, Google's keys served by a fake key server that
    publishes "google-key-1" (`rsa_key("google")`). The real verification code runs."""
    settings.GOOGLE_OAUTH_CLIENT_ID = GOOGLE_CLIENT_ID
    settings.GOOGLE_CERTS_URL = GOOGLE_CERTS_URL
    certs = FakeGoogleCerts(keys=[public_jwk("google-key-1", rsa_key("google"))])
    monkeypatch.setattr("users.google.requests.get", certs.get)
    return certs
