"""Production (``DJANGO_ENV=production``): never runs on a development default.

A missing service or secret stops start-up with a message naming it; HTTPS, HSTS and secure
cookies are on, and ``manage.py check --deploy`` passes.
"""

from django.core.exceptions import ImproperlyConfigured

from vitrin.settings.base import *  # noqa: F403
from vitrin.settings.base import (
    ALLOWED_HOSTS,
    CELERY_BROKER_URL,
    DATABASE_POOLER,
    DATABASE_REPLICA_URL,
    DATABASE_URL,
    INSTALLED_APPS,
    METRICS_ENABLED,
    MIDDLEWARE,
    REDIS_URL,
    SECRET_KEY,
    database_from_url,
    env,
    env_bool,
    env_int,
    metered,
    redis_cache,
    simple_jwt,
    with_replica,
)

IS_PRODUCTION = True


def required(name: str, value: str, *, why: str) -> str:
    """A missing setting stops start-up, naming it."""
    if not value:
        raise ImproperlyConfigured(f"{name} must be set when DJANGO_ENV=production ({why}).")
    return value


if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_ENV=production.")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be a random string of at least 50 characters.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_ENV=production.")

required("DATABASE_URL", DATABASE_URL, why="a PostgreSQL URL; the embedded SQLite is for development")
if not DATABASE_URL.startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured("DATABASE_URL must be a PostgreSQL URL (postgres://…) when DJANGO_ENV=production.")
DATABASES = {"default": database_from_url(DATABASE_URL, pooler=DATABASE_POOLER)}
if DATABASE_REPLICA_URL and not DATABASE_REPLICA_URL.startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured("DATABASE_REPLICA_URL must be a PostgreSQL URL (postgres://…), a replica.")
DATABASES, DATABASE_ROUTERS, MIDDLEWARE = with_replica(databases=DATABASES, middleware=MIDDLEWARE)

required(
    "REDIS_URL", REDIS_URL, why="the cache and the rate limits must be shared by every worker, not kept per process"
)
CACHES = {"default": redis_cache(REDIS_URL)}

required("CELERY_BROKER_URL", CELERY_BROKER_URL, why="background tasks must not run inside web requests")

JWT_SIGNING_KEY = env("JWT_SIGNING_KEY") or SECRET_KEY
# HS256 with a short key can be brute-forced offline from any token: RFC 7518 asks for at least
# the hash size, 256 bits.
if len(JWT_SIGNING_KEY.encode()) < 32:
    raise ImproperlyConfigured("JWT_SIGNING_KEY must be at least 32 bytes long (HS256 needs a 256-bit key).")
SIMPLE_JWT = simple_jwt(signing_key=JWT_SIGNING_KEY)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^api/health/$", r"^api/ready/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

if METRICS_ENABLED:
    INSTALLED_APPS, MIDDLEWARE, DATABASES, CACHES = metered(
        installed_apps=INSTALLED_APPS, middleware=MIDDLEWARE, databases=DATABASES, caches=CACHES
    )
    # Prometheus scrapes the backend over plain HTTP inside the private network.
    SECURE_REDIRECT_EXEMPT = [*SECURE_REDIRECT_EXEMPT, r"^metrics$"]
