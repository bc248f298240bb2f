"""The test suite's settings (pytest names this module in pyproject.toml): development's, plus
what makes the suite fast and deterministic. DATABASE_URL and REDIS_URL still apply, so the same
tests run on PostgreSQL and Redis in CI.

``DJANGO_ENV=production`` wins here too: a process started with it (a server launched from a
test run inherits DJANGO_SETTINGS_MODULE) gets production's settings and none of the test ones,
the fast password hasher above all.
"""

import os

if os.environ.get("DJANGO_ENV") == "production":
    from vitrin.settings.production import *  # noqa: F403
else:
    from vitrin.settings.development import *  # noqa: F403
    from vitrin.settings.development import PASSWORD_HASHERS, STORAGES, env, env_bool

    # The same bcrypt_sha256 algorithm with the fewest rounds, so the suite is not bcrypt-bound.
    PASSWORD_HASHERS = ["core.hashers.TestBCryptSHA256PasswordHasher", *PASSWORD_HASHERS]

    # The tests count and flush buffered page views themselves.
    VIEW_FLUSH_INLINE = env_bool("VIEW_FLUSH_INLINE", default=False)
    # No worker keeps its own copy of shared answers: a test sees each write at once.
    PUBLIC_CACHE_LOCAL_SECONDS = float(env("PUBLIC_CACHE_LOCAL_SECONDS", "0"))

    # Nothing is collected for the tests: plain static storage (no manifest to build first) and
    # no collected folder for WhiteNoise to look for.
    STATIC_ROOT = None
    STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
