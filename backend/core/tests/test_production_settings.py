"""Production refuses to start on development defaults (SQLite, a per-process cache and so
per-worker rate limits, tasks run inside requests, a weak token key, the test password hasher).

Each case loads the settings module in a fresh interpreter, as a production server would."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BACKEND_DIR = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
    "DJANGO_ALLOWED_HOSTS": "vitrin.example.com",
    "DATABASE_URL": "postgres://vitrin@db.internal:5432/vitrin",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "CELERY_BROKER_URL": "amqp://vitrin@broker.internal:5672//",
}


def _load_settings(environment: dict[str, str], statement: str = "pass") -> subprocess.CompletedProcess[str]:
    # Nothing of the test run's own environment (database, cache, pytest markers) leaks in.
    kept = {name: value for name, value in os.environ.items() if name in {"PATH", "HOME", "LANG"}}
    return subprocess.run(  # noqa: S603  (this interpreter, a statement of the test's own)
        [sys.executable, "-c", f"import vitrin.settings as settings; {statement}"],
        cwd=BACKEND_DIR,
        env={**kept, **environment},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_load_when_every_service_is_given() -> None:
    loaded = _load_settings(PRODUCTION, "print(settings.DATABASES['default']['ENGINE'])")

    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "django.db.backends.postgresql"


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("DATABASE_URL", "DATABASE_URL must be set when DJANGO_ENV=production"),
        ("REDIS_URL", "REDIS_URL must be set when DJANGO_ENV=production"),
        ("CELERY_BROKER_URL", "CELERY_BROKER_URL must be set when DJANGO_ENV=production"),
    ],
)
def test_production_refuses_to_start_without_its_services(missing: str, message: str) -> None:
    environment = {name: value for name, value in PRODUCTION.items() if name != missing}

    loaded = _load_settings(environment)

    assert loaded.returncode == 1
    assert f"django.core.exceptions.ImproperlyConfigured: {message}" in loaded.stderr


def test_production_refuses_sqlite() -> None:
    loaded = _load_settings({**PRODUCTION, "DATABASE_URL": "sqlite:////tmp/vitrin.sqlite3"})

    assert loaded.returncode == 1
    assert "DATABASE_URL must be a PostgreSQL URL (postgres://…) when DJANGO_ENV=production." in loaded.stderr


def test_production_refuses_a_short_jwt_signing_key() -> None:
    loaded = _load_settings({**PRODUCTION, "JWT_SIGNING_KEY": "x" * 31})

    assert loaded.returncode == 1
    assert "JWT_SIGNING_KEY must be at least 32 bytes long (HS256 needs a 256-bit key)." in loaded.stderr


def test_production_accepts_a_32_byte_jwt_signing_key() -> None:
    loaded = _load_settings({**PRODUCTION, "JWT_SIGNING_KEY": "x" * 32}, "print(settings.SIMPLE_JWT['SIGNING_KEY'])")

    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "x" * 32


def test_the_fast_test_password_hasher_is_unreachable_in_production() -> None:
    # Even when the process looks like a test run (as a server started from a test harness would).
    loaded = _load_settings(
        {**PRODUCTION, "PYTEST_VERSION": "9", "VITRIN_TESTING": "1"}, "print(settings.PASSWORD_HASHERS)"
    )

    assert loaded.returncode == 0, loaded.stderr
    assert "core.hashers" not in loaded.stdout
    assert loaded.stdout.startswith("['django.contrib.auth.hashers.BCryptSHA256PasswordHasher'")


def test_production_settings_pass_the_deployment_checks_without_a_warning() -> None:
    checked = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BACKEND_DIR,
        env={**os.environ, **PRODUCTION},  # the check connects to none of the services named
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert checked.returncode == 0, checked.stderr
    assert "System check identified no issues" in checked.stdout


def test_the_test_settings_are_production_when_django_env_is_production() -> None:
    # A server started from a test run inherits DJANGO_SETTINGS_MODULE=vitrin.settings.test.
    loaded = _load_settings(
        PRODUCTION,
        "import vitrin.settings.test as test_settings; "
        "print(test_settings.IS_PRODUCTION, test_settings.DEBUG, test_settings.PASSWORD_HASHERS[0])",
    )

    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "True False django.contrib.auth.hashers.BCryptSHA256PasswordHasher"


def test_development_settings_do_not_sniff_a_test_run() -> None:
    # Only the test settings module has the fast hasher; looking like pytest changes nothing.
    loaded = _load_settings(
        {"PYTEST_VERSION": "9", "VITRIN_TESTING": "1"},
        "print(settings.PASSWORD_HASHERS[0], settings.VIEW_FLUSH_INLINE, settings.PUBLIC_CACHE_LOCAL_SECONDS)",
    )

    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "django.contrib.auth.hashers.BCryptSHA256PasswordHasher True 0.25"


def test_loading_the_settings_creates_no_folder(tmp_path: Path) -> None:
    var_dir = tmp_path / "var"
    static_root = tmp_path / "static"

    loaded = _load_settings({"VITRIN_VAR_DIR": str(var_dir), "STATIC_ROOT": str(static_root)}, "print(settings.DEBUG)")

    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "True"
    assert list(tmp_path.iterdir()) == []
