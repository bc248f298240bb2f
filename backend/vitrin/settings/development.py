"""Development: the embedded defaults of ``make run``, each replaceable from the environment.

SQLite in backend/var (its folder is made by ``make run``), the local-memory cache, Celery tasks
run inline, e-mail printed to the console (base.py's default), debug on. With DATABASE_URL,
REDIS_URL or CELERY_BROKER_URL set, those services are used instead (CI runs the tests that way).
"""

from vitrin.settings.base import *  # noqa: F403
from vitrin.settings.base import (
    CELERY_BROKER_URL,
    DATABASE_POOLER,
    DATABASE_URL,
    INSTALLED_APPS,
    MIDDLEWARE,
    REDIS_URL,
    VAR_DIR,
    database_from_url,
    env,
    env_bool,
    env_list,
    metered,
    redis_cache,
    simple_jwt,
    with_replica,
)

DEBUG = env_bool("DJANGO_DEBUG", default=True)
# A fixed, obviously-insecure key so sessions survive restarts; production requires its own.
SECRET_KEY = env("DJANGO_SECRET_KEY") or "django-insecure-development-key-never-used-in-production-0123456789abcdef"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

if DATABASE_URL:
    DATABASES = {"default": database_from_url(DATABASE_URL, pooler=DATABASE_POOLER)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env("SQLITE_PATH", str(VAR_DIR / "vitrin.sqlite3")),
            "OPTIONS": {
                # WAL lets readers proceed while a write is in progress; the timeout makes a
                # concurrent writer wait for the lock instead of failing at once.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
            },
        }
    }
DATABASES, DATABASE_ROUTERS, MIDDLEWARE = with_replica(databases=DATABASES, middleware=MIDDLEWARE)

if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "vitrin"}}

# Without a broker, tasks run inside the request that queues them, and so do the writes of
# buffered page views (no beat runs to make them).
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
VIEW_FLUSH_INLINE = env_bool("VIEW_FLUSH_INLINE", default=not CELERY_BROKER_URL)

JWT_SIGNING_KEY = env("JWT_SIGNING_KEY") or SECRET_KEY
SIMPLE_JWT = simple_jwt(signing_key=JWT_SIGNING_KEY)
# Served over plain HTTP on 127.0.0.1.
REFRESH_COOKIE_SECURE = env_bool("REFRESH_COOKIE_SECURE", default=False)
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA", default=False)

METRICS_ENABLED = env_bool("METRICS_ENABLED", default=True)
if METRICS_ENABLED:
    INSTALLED_APPS, MIDDLEWARE, DATABASES, CACHES = metered(
        installed_apps=INSTALLED_APPS, middleware=MIDDLEWARE, databases=DATABASES, caches=CACHES
    )
