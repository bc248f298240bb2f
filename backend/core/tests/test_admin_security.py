"""The Django admin cannot be brute-forced: sign-in failures lock the account and the address
for a cool-off (django-axes), staff give a one-time code from an authenticator app when
ADMIN_REQUIRE_2FA is on (django-otp TOTP), and the admin lives at ADMIN_URL."""

import importlib
import io
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest
import time_machine
from axes.models import AccessAttempt, AccessLog
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import clear_url_caches
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient

import vitrin.urls
from users.models import User
from users.tests.factories import DEFAULT_PASSWORD, UserFactory

LOGIN = "/admin/login/"
INDEX = "/admin/"
API_LOGIN = "/api/auth/login/"
LOCKED_MESSAGE = "Too many failed sign-ins to the Vitrin admin. Try again in 15 minutes."
NO_CODE_MESSAGE = "Please enter your OTP token."
WRONG_CODE_MESSAGE = "Invalid token. Please make sure you have entered it correctly."
START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def ada(db: None) -> User:
    return UserFactory.create(username="ada", is_staff=True, is_superuser=True)


def _sign_in(client: Client, username: str, password: str, *, forwarded_for: str | None = None) -> int:
    """Posts the admin's sign-in form (through a proxy when `forwarded_for` is given); the
    status code of its answer."""
    body = {"username": username, "password": password, "next": INDEX}
    if forwarded_for is None:
        return client.post(LOGIN, body).status_code
    return client.post(LOGIN, body, HTTP_X_FORWARDED_FOR=forwarded_for).status_code


def _is_signed_in(client: Client) -> bool:
    return client.get(INDEX).status_code == 200


# --- lockout --------------------------------------------------------------------------------
def test_thirty_wrong_passwords_lock_the_account_and_the_right_one_no_longer_gets_in(ada: User) -> None:
    client = Client(REMOTE_ADDR="198.51.100.1")

    wrong = [_sign_in(client, "ada", f"guess-{attempt}") for attempt in range(30)]
    right = client.post(LOGIN, {"username": "ada", "password": DEFAULT_PASSWORD, "next": INDEX})

    # Four failures are answered with the form; the fifth locks, and so does every later one.
    assert wrong == [200] * 4 + [429] * 26
    assert right.status_code == 429
    assert LOCKED_MESSAGE in right.content.decode()
    assert right["Retry-After"] == "900"
    assert "_auth_user_id" not in client.session
    assert not _is_signed_in(client)
    # Every failure, the refused right password included, is on record for the admin to read.
    attempt = AccessAttempt.objects.get(username="ada")
    assert (attempt.ip_address, attempt.failures_since_start, attempt.path_info) == ("198.51.100.1", 31, LOGIN)
    assert AccessLog.objects.count() == 0


def test_a_lockout_is_logged_and_listed_in_the_admin(
    ada: User, admin_client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    client = Client(REMOTE_ADDR="198.51.100.1")

    with caplog.at_level(logging.WARNING, logger="axes"):
        for attempt in range(5):
            _sign_in(client, "ada", f"guess-{attempt}")
    listing = admin_client.get("/admin/axes/accessattempt/")

    lockouts = [record.getMessage() for record in caplog.records if "Locking out" in record.getMessage()]
    assert len(lockouts) == 1
    assert 'ip_address: "198.51.100.1"' in lockouts[0]
    assert 'path_info: "/admin/login/"' in lockouts[0]
    assert "guess-" not in caplog.text  # passwords are never logged
    assert listing.status_code == 200
    assert [row.username for row in listing.context["cl"].result_list] == ["ada"]


@pytest.mark.usefixtures("two_factor")
def test_stored_attempts_keep_no_password_username_or_code(ada: User) -> None:
    Client(REMOTE_ADDR="198.51.100.1").post(LOGIN, {"username": "ada", "password": "guess-0", "otp_token": "123456"})

    post_data = AccessAttempt.objects.get().post_data

    assert "password=********************" in post_data
    assert "otp_token=********************" in post_data
    assert "username=********************" in post_data
    assert "guess-0" not in post_data
    assert "123456" not in post_data


def test_the_lock_follows_the_account_to_another_address(ada: User) -> None:
    attacker, ada_at_home = Client(REMOTE_ADDR="198.51.100.1"), Client(REMOTE_ADDR="203.0.113.7")

    wrong = [_sign_in(attacker, "ada", f"guess-{attempt}") for attempt in range(5)]

    assert wrong == [200] * 4 + [429]
    assert _sign_in(ada_at_home, "ada", DEFAULT_PASSWORD) == 429
    assert not _is_signed_in(ada_at_home)


def test_guesses_spread_over_case_variants_of_a_username_count_against_one_account(ada: User) -> None:
    # The admin finds accounts by username ignoring case, so "ADA" is a guess at ada's password.
    variants = ["ada", "ADA", "Ada", "aDa", "adA"]

    wrong = [
        _sign_in(Client(REMOTE_ADDR=f"198.51.100.{number}"), variant, "guess")
        for number, variant in enumerate(variants, start=1)
    ]

    assert wrong == [200] * 4 + [429]
    assert _sign_in(Client(REMOTE_ADDR="198.51.100.99"), "ada", DEFAULT_PASSWORD) == 429


def test_one_address_guessing_across_accounts_is_locked_and_other_addresses_are_not(ada: User) -> None:
    sprayer, ada_at_home = Client(REMOTE_ADDR="198.51.100.1"), Client(REMOTE_ADDR="203.0.113.7")

    sprayed = [_sign_in(sprayer, f"staff{number}", "Summer2025!") for number in range(5)]

    assert sprayed == [200] * 4 + [429]
    assert _sign_in(sprayer, "ada", DEFAULT_PASSWORD) == 429
    assert _sign_in(ada_at_home, "ada", DEFAULT_PASSWORD) == 302
    assert _is_signed_in(ada_at_home)


def test_behind_the_proxy_a_forged_forwarded_for_gives_no_fresh_budget(ada: User, settings: Settings) -> None:
    # nginx (REMOTE_ADDR 10.0.0.2) appends the address it saw to whatever the client sent.
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    through_nginx = Client(REMOTE_ADDR="10.0.0.2")

    sprayed = [
        _sign_in(through_nginx, f"staff{number}", "guess", forwarded_for=f"192.0.2.{number}, 198.51.100.1")
        for number in range(5)
    ]
    attacker_again = _sign_in(through_nginx, "ada", DEFAULT_PASSWORD, forwarded_for="192.0.2.200, 198.51.100.1")
    # Somebody else behind the same nginx is not locked out with the attacker.
    ada_at_home = _sign_in(Client(REMOTE_ADDR="10.0.0.2"), "ada", DEFAULT_PASSWORD, forwarded_for="203.0.113.7")

    assert sprayed == [200] * 4 + [429]
    assert attacker_again == 429
    assert ada_at_home == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.1"}


def test_the_lock_ends_after_the_cool_off_and_each_try_while_locked_restarts_it(ada: User) -> None:
    client = Client(REMOTE_ADDR="198.51.100.1")

    with time_machine.travel(START, tick=False) as clock:
        wrong = [_sign_in(client, "ada", f"guess-{attempt}") for attempt in range(5)]
        clock.shift(timedelta(minutes=14, seconds=59))
        still_locked = _sign_in(client, "ada", DEFAULT_PASSWORD)
        clock.shift(timedelta(minutes=14, seconds=59))
        locked_again = _sign_in(client, "ada", DEFAULT_PASSWORD)
        clock.shift(timedelta(minutes=15, seconds=1))
        after_cool_off = _sign_in(client, "ada", DEFAULT_PASSWORD)

    assert wrong == [200] * 4 + [429]
    assert [still_locked, locked_again, after_cool_off] == [429, 429, 302]
    # The successful sign-in clears the failures and is logged.
    assert AccessAttempt.objects.count() == 0
    assert list(AccessLog.objects.values_list("username", "ip_address")) == [("ada", "198.51.100.1")]


def test_a_successful_sign_in_clears_earlier_failures(ada: User) -> None:
    client = Client(REMOTE_ADDR="198.51.100.1")

    before = [_sign_in(client, "ada", f"guess-{attempt}") for attempt in range(4)]
    signed_in = _sign_in(client, "ada", DEFAULT_PASSWORD)
    client.post("/admin/logout/")
    after = [_sign_in(client, "ada", f"typo-{attempt}") for attempt in range(4)]

    assert (before, signed_in, after) == ([200] * 4, 302, [200] * 4)


def test_the_api_sign_in_is_neither_locked_by_nor_counted_in_the_admin_lockout(ada: User) -> None:
    admin_browser, app = Client(REMOTE_ADDR="198.51.100.1"), APIClient(REMOTE_ADDR="198.51.100.1")
    for attempt in range(5):
        _sign_in(admin_browser, "ada", f"guess-{attempt}")

    wrong_api = [app.post(API_LOGIN, {"username": "ada", "password": "guess"}).status_code for _ in range(3)]
    right_api = app.post(API_LOGIN, {"username": "ada", "password": DEFAULT_PASSWORD})

    assert wrong_api == [401, 401, 401]
    assert right_api.status_code == 200
    assert set(right_api.json()) >= {"access", "user"}
    assert AccessAttempt.objects.get().failures_since_start == 5


def test_api_failures_do_not_lock_the_admin(ada: User) -> None:
    app = APIClient(REMOTE_ADDR="198.51.100.1")

    wrong_api = [app.post(API_LOGIN, {"username": "ada", "password": "guess"}).status_code for _ in range(6)]

    assert wrong_api == [401] * 6
    assert AccessAttempt.objects.count() == 0
    assert _sign_in(Client(REMOTE_ADDR="198.51.100.1"), "ada", DEFAULT_PASSWORD) == 302


# --- two-factor -----------------------------------------------------------------------------
@pytest.fixture
def two_factor(settings: Settings) -> None:
    settings.ADMIN_REQUIRE_2FA = True


def _current_code(device: TOTPDevice) -> str:
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return f"{code:0{device.digits}d}"


def _form_errors(client: Client, **body: str) -> list[str]:
    response = client.post(LOGIN, {"next": INDEX, **body})
    assert response.status_code == 200
    return list(response.context["form"].non_field_errors())


@pytest.mark.usefixtures("two_factor")
def test_with_two_factor_a_password_alone_does_not_get_staff_without_a_device_in(ada: User) -> None:
    client = Client()

    form = client.get(LOGIN)
    errors = _form_errors(client, username="ada", password=DEFAULT_PASSWORD)

    assert form.status_code == 200
    assert 'name="otp_token"' in form.content.decode()
    assert errors == [NO_CODE_MESSAGE]
    assert "_auth_user_id" not in client.session
    assert not _is_signed_in(client)


@pytest.mark.usefixtures("two_factor")
def test_with_two_factor_a_session_without_a_verified_device_cannot_reach_the_admin(ada: User) -> None:
    client = Client()
    client.force_login(ada)  # signed in to Django, but no code given

    index = client.get(INDEX)

    assert index.status_code == 302
    assert index["Location"] == f"{LOGIN}?next={INDEX}"


@pytest.mark.usefixtures("two_factor")
def test_with_two_factor_the_password_and_the_current_code_sign_staff_in(ada: User) -> None:
    device = TOTPDevice.objects.create(user=ada, name="phone", confirmed=True)
    client = Client()

    response = client.post(
        LOGIN,
        {
            "username": "ada",
            "password": DEFAULT_PASSWORD,
            "otp_device": device.persistent_id,
            "otp_token": _current_code(device),
            "next": INDEX,
        },
    )

    assert response.status_code == 302
    assert response["Location"] == INDEX
    assert client.get(INDEX).status_code == 200


@pytest.mark.usefixtures("two_factor")
def test_with_two_factor_a_wrong_or_replayed_code_is_refused(ada: User) -> None:
    device = TOTPDevice.objects.create(user=ada, name="phone", confirmed=True)
    right = _current_code(device)
    wrong = f"{(int(right) + 1) % 10**device.digits:0{device.digits}d}"
    stranger, ada_browser = Client(), Client()

    with time_machine.travel(START, tick=False) as clock:
        wrong_errors = _form_errors(
            stranger, username="ada", password=DEFAULT_PASSWORD, otp_device=device.persistent_id, otp_token=wrong
        )
        clock.shift(timedelta(seconds=2))  # past django-otp's own back-off after a wrong code
        code = _current_code(device)
        first = ada_browser.post(
            LOGIN,
            {"username": "ada", "password": DEFAULT_PASSWORD, "otp_device": device.persistent_id, "otp_token": code},
        )
        replay_errors = _form_errors(
            stranger, username="ada", password=DEFAULT_PASSWORD, otp_device=device.persistent_id, otp_token=code
        )

    assert wrong_errors == [WRONG_CODE_MESSAGE]
    assert first.status_code == 302
    assert replay_errors == [WRONG_CODE_MESSAGE]
    assert not _is_signed_in(stranger)


@pytest.mark.usefixtures("two_factor")
def test_with_two_factor_a_device_of_another_account_is_no_second_factor(ada: User) -> None:
    grace = UserFactory.create(username="grace", is_staff=True)
    graces_device = TOTPDevice.objects.create(user=grace, name="phone", confirmed=True)
    client = Client()

    errors = _form_errors(
        client,
        username="ada",
        password=DEFAULT_PASSWORD,
        otp_device=graces_device.persistent_id,
        otp_token=_current_code(graces_device),
    )

    assert errors == ["Please select a device."]
    assert not _is_signed_in(client)


def test_without_two_factor_staff_sign_in_with_their_password(ada: User, settings: Settings) -> None:
    settings.ADMIN_REQUIRE_2FA = False
    client = Client()

    assert _sign_in(client, "ada", DEFAULT_PASSWORD) == 302
    assert _is_signed_in(client)


# --- enrolment ------------------------------------------------------------------------------
@pytest.mark.usefixtures("two_factor")
def test_admin_totp_add_enrols_a_device_whose_codes_sign_staff_in(ada: User) -> None:
    output = io.StringIO()

    call_command("admin_totp_add", "ADA", stdout=output)

    printed = output.getvalue()
    device = TOTPDevice.objects.get(user=ada)
    url = next(line for line in printed.splitlines() if line.startswith("otpauth://"))
    assert device.confirmed is True
    assert device.name == "authenticator"
    assert url == device.config_url
    assert unquote(urlparse(url).path) == "/Vitrin:ada"
    assert parse_qs(urlparse(url).query)["issuer"] == ["Vitrin"]
    assert "█" in printed  # the QR code, drawn in the terminal
    client = Client()
    signed_in = client.post(
        LOGIN,
        {
            "username": "ada",
            "password": DEFAULT_PASSWORD,
            "otp_device": device.persistent_id,
            "otp_token": _current_code(device),
        },
    )
    assert signed_in.status_code == 302
    assert _is_signed_in(client)


@pytest.mark.usefixtures("two_factor")
def test_admin_totp_add_replace_revokes_a_lost_phone(ada: User) -> None:
    lost_phone = TOTPDevice.objects.create(user=ada, name="old phone", confirmed=True)
    lost_code = _current_code(lost_phone)
    output = io.StringIO()

    call_command("admin_totp_add", "ada", "--name", "new phone", "--replace", stdout=output)

    assert list(TOTPDevice.objects.filter(user=ada).values_list("name", flat=True)) == ["new phone"]
    assert "Removed 1 earlier authenticator app(s)." in output.getvalue()
    errors = _form_errors(
        Client(), username="ada", password=DEFAULT_PASSWORD, otp_device=lost_phone.persistent_id, otp_token=lost_code
    )
    assert errors == ["Please select a device."]


def test_admin_totp_add_refuses_unknown_and_non_staff_accounts(db: None) -> None:
    UserFactory.create(username="grace", is_staff=False)

    with pytest.raises(CommandError) as unknown:
        call_command("admin_totp_add", "nobody")
    with pytest.raises(CommandError) as not_staff:
        call_command("admin_totp_add", "grace")

    assert str(unknown.value) == 'No account has the username "nobody".'
    assert str(not_staff.value) == '"grace" is not staff: give the account staff status first.'
    assert TOTPDevice.objects.count() == 0


# --- ADMIN_URL ------------------------------------------------------------------------------
@pytest.fixture
def admin_at_back_office(settings: Settings, tmp_path: Path) -> Iterator[None]:
    (tmp_path / "index.html").write_text('<!doctype html><div id="root"></div>', encoding="utf-8")
    settings.FRONTEND_DIST_DIR = tmp_path
    settings.DEBUG = True
    settings.ADMIN_URL = "back-office/"
    importlib.reload(vitrin.urls)
    clear_url_caches()
    yield
    settings.ADMIN_URL = "admin/"
    importlib.reload(vitrin.urls)
    clear_url_caches()


@pytest.mark.django_db
@pytest.mark.usefixtures("admin_at_back_office")
def test_the_admin_lives_at_admin_url_and_the_web_app_has_the_old_path(client: Client) -> None:
    index = client.get("/back-office/")
    unknown = client.get("/back-office/no-such-page/")
    old_path = client.get("/admin/")

    assert index.status_code == 302
    assert index["Location"] == "/back-office/login/?next=/back-office/"
    assert unknown.status_code == 302  # the admin's own answer (sign in first), not the web app
    assert unknown["Location"].startswith("/back-office/login/")
    assert old_path.status_code == 200
    assert '<div id="root"></div>' in old_path.content.decode()


@pytest.mark.usefixtures("admin_at_back_office")
def test_the_lockout_guards_the_admin_at_admin_url(ada: User) -> None:
    client = Client(REMOTE_ADDR="198.51.100.1")

    wrong = [
        client.post("/back-office/login/", {"username": "ada", "password": f"guess-{attempt}"}).status_code
        for attempt in range(5)
    ]

    assert wrong == [200] * 4 + [429]
    assert AccessAttempt.objects.get().path_info == "/back-office/login/"
