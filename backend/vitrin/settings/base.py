"""Settings common to every environment, read from the environment only.

The variables are listed in the README's configuration table. What differs between development
and production (the database and cache when none is given, the secret key, debug, cookies...)
is decided in ``development.py`` and ``production.py``; defaults here are the safe ones.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
REPO_DIR = BASE_DIR.parent
# Development's SQLite database and uploads; nothing here creates it (`make run` does).
VAR_DIR = Path(os.environ.get("VITRIN_VAR_DIR", BASE_DIR / "var"))


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


# Read by the benchmark to check it measures the production settings.
IS_PRODUCTION = False

DEBUG = env_bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core.apps.VitrinAdminConfig",  # django.contrib.admin, with two-factor for staff (core/admin_site.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework_simplejwt",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "core",
    "users",
    "categories",
    "products",
    "comments",
    "notifications",
    "uploads",
    "search",
    "demo",
    "webapp",
    "vitals",
]

MIDDLEWARE = [
    "core.middleware.HeadResponseMiddleware",
    "core.middleware.RequestIdMiddleware",
    # Outside every middleware and view that sets Cache-Control, so its no-store is final.
    "core.middleware.PrivateAnswersMiddleware",
    "core.middleware.NulInPathMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: turns a sign-in refused by the lockout into its answer (core.admin_site.lockout_response).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "vitrin.urls"
WSGI_APPLICATION = "vitrin.wsgi.application"
ASGI_APPLICATION = "vitrin.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# DATABASES itself is set by development.py (SQLite unless DATABASE_URL) and production.py.
DATABASE_URL = env("DATABASE_URL")
# How the processes reach PostgreSQL, chosen per deployment:
# - directly, each thread keeping its connection DATABASE_CONN_MAX_AGE seconds (the default);
# - DATABASE_POOLER=pgbouncer: DATABASE_URL is pgbouncer in transaction mode, where consecutive
#   transactions may run on different server connections, so nothing may outlive a transaction:
#   no server-side cursors (`.iterator()` opens one) and no prepared statements (pgbouncer 1.18,
#   Debian bookworm's, cannot share them; Django's default prepare_threshold None, kept explicit);
# - DATABASE_POOL=true: Django's own pool in each process (psycopg_pool, DATABASE_POOL_MAX_SIZE
#   connections per process, waiting at most DATABASE_POOL_TIMEOUT seconds for one); the pool
#   needs CONN_MAX_AGE 0, which it then is. Use it or pgbouncer, rarely both.
DATABASE_POOLER = env("DATABASE_POOLER")
if DATABASE_POOLER not in {"", "pgbouncer"}:
    raise ImproperlyConfigured('DATABASE_POOLER must be "pgbouncer" or empty (a direct connection).')
DATABASE_POOL = env_bool("DATABASE_POOL")
# A streaming replica of DATABASE_URL, reached directly (optional). With it, the reads of GET
# requests go there (core/db_router.py); a client that wrote reads from the primary for
# REPLICA_PIN_SECONDS (core/read_your_writes.py); a replica that is down or more than
# REPLICA_MAX_LAG_SECONDS behind is left alone (core/replica_health.py, probed at most every
# REPLICA_CHECK_SECONDS, or REPLICA_RETRY_SECONDS once found down).
DATABASE_REPLICA_URL = env("DATABASE_REPLICA_URL")
REPLICA_PIN_SECONDS = env_int("REPLICA_PIN_SECONDS", 5)
REPLICA_MAX_LAG_SECONDS = env_int("REPLICA_MAX_LAG_SECONDS", 10)
REPLICA_CHECK_SECONDS = float(env("REPLICA_CHECK_SECONDS", "1"))
REPLICA_RETRY_SECONDS = float(env("REPLICA_RETRY_SECONDS", "5"))
DATABASE_ROUTERS: list[str] = []


def database_from_url(url: str, *, pooler: str = "", connect_timeout: int | None = None) -> dict[str, Any]:
    """The database named by a URL such as postgres://user:pass@host:5432/vitrin, reached through
    `pooler` (DATABASE_POOLER) or directly, and pooled in the process when DATABASE_POOL is on."""
    pooled = DATABASE_POOL and url.startswith(("postgres://", "postgresql://"))
    conn_max_age = 0 if pooled else env_int("DATABASE_CONN_MAX_AGE", 60)
    database: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True))
    options: dict[str, Any] = database.setdefault("OPTIONS", {})
    if connect_timeout is not None:
        options["connect_timeout"] = connect_timeout
    if pooler == "pgbouncer":
        database["DISABLE_SERVER_SIDE_CURSORS"] = True
        options["prepare_threshold"] = None
    if pooled:
        options["pool"] = {
            "min_size": env_int("DATABASE_POOL_MIN_SIZE", 2),
            "max_size": env_int("DATABASE_POOL_MAX_SIZE", 8),
            "timeout": connect_timeout or env_int("DATABASE_POOL_TIMEOUT", 10),
        }
    return database


def with_replica(*, databases: dict[str, Any], middleware: list[str]) -> tuple[dict[str, Any], list[str], list[str]]:
    """The databases, routers and middleware, with DATABASE_REPLICA_URL's replica when it is set
    (else unchanged). Returns new objects: the arguments are left as they are."""
    if not DATABASE_REPLICA_URL:
        return databases, [], middleware
    # A replica that went away must not hold a request long: it is left for the primary.
    replica = database_from_url(DATABASE_REPLICA_URL, connect_timeout=2)
    # Tests read the test database through it instead of creating one on a read-only server.
    replica["TEST"] = {"MIRROR": "default"}
    return (
        {**databases, "replica": replica},
        ["core.db_router.PrimaryReplicaRouter"],
        [*middleware, "core.read_your_writes.ReadYourWritesMiddleware"],
    )


DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "users.User"

# --- Cache ----------------------------------------------------------------------------------
# CACHES itself is set by development.py (local memory unless REDIS_URL) and production.py.
REDIS_URL = env("REDIS_URL")


def redis_cache(url: str) -> dict[str, Any]:
    """The cache on the Redis server at `url`, shared by every worker."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", "vitrin"),
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
            # The cache accelerates; it is never a dependency. With Redis down, reads
            # miss and writes are dropped instead of raising.
            "IGNORE_EXCEPTIONS": True,
        },
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# --- Live updates (server-sent events, backend/live) ------------------------------------------
# Vote counts are published on Redis pub/sub when a URL is given (the app servers publish, the
# live server fans out); without one, only within the process (`make run` serves both in one).
LIVE_REDIS_URL = env("LIVE_REDIS_URL") or REDIS_URL
# Redis pub/sub channels are shared by every database number of a server: a prefix of their own.
LIVE_CHANNEL_PREFIX = env("LIVE_CHANNEL_PREFIX", "vitrin:live:")
# A comment line this often keeps idle streams open through proxies and shows dead clients.
LIVE_HEARTBEAT_SECONDS = float(env("LIVE_HEARTBEAT_SECONDS", "15"))

# --- Celery ---------------------------------------------------------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
# Development runs tasks inline when no broker is given (development.py).
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
# A request that queues a task never waits long for an absent broker: connecting gives up after
# half a second and publishing is tried twice, so `.delay()` fails within about a second, and a
# task that must not be lost waits in the outbox (core.background) for the broker to return.
CELERY_BROKER_CONNECTION_TIMEOUT = float(env("CELERY_BROKER_CONNECTION_TIMEOUT", "0.5"))
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
# The worker, though, waits for the broker however long it is away, and reconnects.
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
# The worker serves Prometheus metrics on this port when set (vitrin/celery.py, core.metrics).
CELERY_METRICS_PORT = env_int("CELERY_METRICS_PORT", 0)
# Product page views (products.services.product_view_count): one viewer (account or client
# address) counts once per VIEW_DEDUP_SECONDS; views are buffered in the cache and written every
# VIEW_FLUSH_SECONDS by the beat task below. Without a broker no beat runs: the requests write
# them (VIEW_FLUSH_INLINE, on in development without a broker), as they must with an
# in-process cache, whose buffer only its own process can read.
VIEW_DEDUP_SECONDS = env_int("VIEW_DEDUP_SECONDS", 1800)
VIEW_FLUSH_SECONDS = env_int("VIEW_FLUSH_SECONDS", 10)
VIEW_FLUSH_INLINE = env_bool("VIEW_FLUSH_INLINE", default=False)
CELERY_BEAT_SCHEDULE = {
    "refresh-hot-scores": {
        "task": "products.tasks.refresh_hot_scores",
        "schedule": 600.0,
    },
    "flush-view-counts": {
        "task": "products.tasks.flush_view_counts",
        "schedule": float(VIEW_FLUSH_SECONDS),
    },
    # Publishes the tasks that waited in the outbox while the broker was away.
    "relay-task-outbox": {
        "task": "core.tasks.relay_task_outbox",
        "schedule": 15.0,
    },
}

# --- Auth -----------------------------------------------------------------------------------
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The lockout first: it refuses a locked-out account or address before the password is checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 3600)
# How long the link that verifies an account's e-mail address works, in seconds (3 days).
EMAIL_VERIFICATION_TIMEOUT = env_int("EMAIL_VERIFICATION_TIMEOUT", 3 * 24 * 3600)

ACCESS_TOKEN_MINUTES = env_int("JWT_ACCESS_TOKEN_MINUTES", 5)
REFRESH_TOKEN_DAYS = env_int("JWT_REFRESH_TOKEN_DAYS", 14)
# However often a refresh token is rotated, a session never outlives this, counted from login.
SESSION_MAX_DAYS = env_int("JWT_SESSION_MAX_DAYS", 30)
# A spent refresh token presented again means it was copied: its whole session is revoked. Not
# within this many seconds of its spending, which is one client sending it twice at once.
REFRESH_REUSE_GRACE_SECONDS = env_int("JWT_REFRESH_REUSE_GRACE_SECONDS", 10)


def simple_jwt(*, signing_key: str) -> dict[str, Any]:
    """The token settings, signed with `signing_key` (JWT_SIGNING_KEY, or else the secret key)."""
    return {
        "ACCESS_TOKEN_LIFETIME": timedelta(minutes=ACCESS_TOKEN_MINUTES),
        "REFRESH_TOKEN_LIFETIME": timedelta(days=REFRESH_TOKEN_DAYS),
        "ROTATE_REFRESH_TOKENS": True,
        "BLACKLIST_AFTER_ROTATION": True,
        "UPDATE_LAST_LOGIN": True,
        "ALGORITHM": "HS256",
        "SIGNING_KEY": signing_key,
        "AUTH_HEADER_TYPES": ("Bearer",),
        "USER_ID_FIELD": "id",
        "USER_ID_CLAIM": "user_id",
    }


# The web app keeps its refresh token in this httpOnly cookie instead of JavaScript memory.
REFRESH_COOKIE_NAME = env("REFRESH_COOKIE_NAME", "vitrin_refresh")
REFRESH_COOKIE_PATH = "/api/auth/"
REFRESH_COOKIE_SECURE = env_bool("REFRESH_COOKIE_SECURE", default=True)

GOOGLE_OAUTH_CLIENT_ID = env("GOOGLE_OAUTH_CLIENT_ID")
GOOGLE_CERTS_URL = env("GOOGLE_CERTS_URL", "https://www.googleapis.com/oauth2/v3/certs")
GOOGLE_ISSUERS = ["https://accounts.google.com", "accounts.google.com"]

# --- REST framework -------------------------------------------------------------------------
THROTTLE_RATES = {
    "anon": env("THROTTLE_ANON", "600/min"),
    "user": env("THROTTLE_USER", "1200/min"),
    "login_ip": env("THROTTLE_LOGIN_IP", "20/min"),
    "login_account": env("THROTTLE_LOGIN_ACCOUNT", "10/min"),
    "register": env("THROTTLE_REGISTER", "10/hour"),
    "password_reset_ip": env("THROTTLE_PASSWORD_RESET_IP", "10/hour"),
    "password_reset_account": env("THROTTLE_PASSWORD_RESET_ACCOUNT", "3/hour"),
    "email_verify": env("THROTTLE_EMAIL_VERIFY", "3/hour"),
    "email_verify_ip": env("THROTTLE_EMAIL_VERIFY_IP", "30/hour"),
    "writes": env("THROTTLE_WRITES", "120/min"),
    "uploads": env("THROTTLE_UPLOADS", "60/hour"),
    "vitals": env("THROTTLE_VITALS", "60/min"),
}
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "users.authentication.CachedUserJWTAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "core.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.FormParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "core.pagination.KeysetPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "core.schema.ErrorAnswersAutoSchema",
    "EXCEPTION_HANDLER": "core.exceptions.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "core.throttling.AnonRateThrottle",
        "core.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": THROTTLE_RATES,
    # X-Forwarded-For is believed only as far as this many trusted proxies in front of us;
    # with none (the default) the socket address is used, so a forged header changes nothing.
    "NUM_PROXIES": env_int("TRUSTED_PROXY_COUNT", 0),
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
MAX_PAGE_SIZE = 100

SPECTACULAR_SETTINGS = {
    "TITLE": "Vitrin API",
    "DESCRIPTION": "Launch products, upvote them, discuss them, follow their makers.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/",
    # Swagger UI's files come from our static files (drf-spectacular-sidecar), not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # `<id:…>` in the paths (core.converters): a positive 64-bit integer, as before an integer.
    "PATH_CONVERTER_OVERRIDES": {"id": {"type": "integer", "format": "int64", "minimum": 1, "maximum": 2**63 - 1}},
    "ENUM_NAME_OVERRIDES": {
        "ProductStatusEnum": "products.models.ProductStatus",
        "NotificationVerbEnum": "notifications.models.NotificationVerb",
        "WebVitalsPageEnum": "vitals.metrics.PageType",
    },
}

# --- Files ----------------------------------------------------------------------------------
# The origin of a CDN in front of this server's /static/ (e.g. https://cdn.example.com): the web
# app's document, its service worker and the admin then reference the assets there. The CDN
# pulls them from here (WhiteNoise serves the path of STATIC_URL). Empty: served from here.
ASSETS_URL = env("ASSETS_URL").rstrip("/")
if ASSETS_URL and not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?", ASSETS_URL):
    raise ImproperlyConfigured(f"ASSETS_URL must be an origin such as https://cdn.example.com, not {ASSETS_URL!r}.")
STATIC_URL = f"{ASSETS_URL}/static/"
# Made by `collectstatic` (`make run` and the image run it before serving).
STATIC_ROOT: Path | None = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
FRONTEND_DIST_DIR = Path(env("FRONTEND_DIST_DIR", str(REPO_DIR / "frontend" / "dist")))
# The built web app's assets (frontend/dist/assets, built with base /static/) are collected with
# the rest; Vite names them by content hash, so they are cached for a year.
STATICFILES_DIRS = [FRONTEND_DIST_DIR] if FRONTEND_DIST_DIR.is_dir() else []
WHITENOISE_IMMUTABLE_FILE_TEST = r"^.+[.-][0-9A-Za-z_-]{8,12}\.[0-9a-z]+$"
MEDIA_URL = env("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))


def s3_storage(
    *,
    bucket_name: str,
    endpoint_url: str | None = None,
    region_name: str | None = None,
    custom_domain: str | None = None,
) -> dict[str, Any]:
    """Uploads in an S3 bucket, served from their public URLs. Every object is stored once under
    a name never used before (a random one, or the name of a copy derived from it, which is the
    same bytes each time it is made), so browsers and CDNs may keep it for a year unasked."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket_name,
            "region_name": region_name,
            "endpoint_url": endpoint_url,
            "custom_domain": custom_domain,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }


AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    default_storage = s3_storage(
        bucket_name=AWS_STORAGE_BUCKET_NAME,
        endpoint_url=env("AWS_S3_ENDPOINT_URL") or None,
        region_name=env("AWS_S3_REGION_NAME") or None,
        custom_domain=env("AWS_S3_CUSTOM_DOMAIN") or None,
    )
else:
    default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": default_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads are judged against these before the image is decoded (see uploads/services.py).
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 5 * 1024 * 1024)
UPLOAD_MAX_PIXELS = env_int("UPLOAD_MAX_PIXELS", 40_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
# The folder of the file-based backend (django.core.mail.backends.filebased), as `make stack` uses.
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH") or None
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Vitrin <no-reply@vitrin.local>")
# Where the web app's pages live, for links in e-mails (password reset).
FRONTEND_URL = env("FRONTEND_URL", "http://127.0.0.1:8000").rstrip("/")

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Security -------------------------------------------------------------------------------
# HTTPS, HSTS and secure cookies are production's (production.py).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin-allow-popups"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# --- Admin ----------------------------------------------------------------------------------
# Where the Django admin lives (a path of its own keeps it out of scripted scans of /admin/).
ADMIN_URL = env("ADMIN_URL", "admin/").strip("/") + "/"
if ADMIN_URL == "/":
    raise ImproperlyConfigured('ADMIN_URL must be a path such as "admin/" or "staff-4f7c/", not empty.')
# Staff give the code of an authenticator app after their password (manage.py admin_totp_add).
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA", default=True)
OTP_TOTP_ISSUER = "Vitrin"
# django-axes: this many failed sign-ins to one account, or from one address, lock further
# sign-ins for the cool-off (any try while locked starts it again); the API's own sign-in
# checks passwords itself and has its rate limits instead. Attempts are kept in the database
# (listed in the admin) and logged.
AXES_FAILURE_LIMIT = env_int("ADMIN_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("ADMIN_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Lockouts are logged; the banner axes prints at every start-up is not.
AXES_VERBOSE = False
AXES_HTTP_RESPONSE_CODE = 429
AXES_CLIENT_IP_CALLABLE = "core.admin_site.client_ip_address"
AXES_USERNAME_CALLABLE = "core.admin_site.login_username"
AXES_LOCKOUT_CALLABLE = "core.admin_site.lockout_response"
# Log lines and stored attempts name the client's address (nginx logs it anyway), never what
# was typed as a username, password or one-time code.
AXES_SENSITIVE_PARAMETERS = ["username", "otp_token"]

# --- Logging --------------------------------------------------------------------------------
LOG_LEVEL = env("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django.db.backends": {"level": "INFO"},
    },
}

# --- Vitrin ---------------------------------------------------------------------------------
# hot = log10(max(upvotes, 1)) + published_epoch / HOT_TIME_SCALE_SECONDS: ten times the votes
# are worth this many seconds of freshness (see docs/performance.md).
HOT_TIME_SCALE_SECONDS = env_int("HOT_TIME_SCALE_SECONDS", 45000)
SEARCH_CACHE_SECONDS = env_int("SEARCH_CACHE_SECONDS", 60)
# Anonymous answers of the public reads are shared this long at most (core/http_cache.py): a
# write through the API is visible at once, a vote or a profile edit within this time.
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 1)
# ...and each worker keeps those it last read this long (seconds; 0: off, as in the tests), so
# the busiest pages skip even the round trip to Redis; a write made through another worker
# shows after it.
PUBLIC_CACHE_LOCAL_SECONDS = float(env("PUBLIC_CACHE_LOCAL_SECONDS", "0.25"))
# Categories change only through writes that make their cached answers stale at once (unless
# Redis was unreachable when they were made: then this bounds how late they show).
CATEGORIES_CACHE_SECONDS = env_int("CATEGORIES_CACHE_SECONDS", 10)

# --- Monitoring -----------------------------------------------------------------------------
# Prometheus metrics (django-prometheus) at /metrics: on by default in development; production
# turns them on with METRICS_ENABLED=true for the Prometheus of its private network, and nginx
# never serves the path to the public (see docs/deployment.md). Each environment applies
# `metered` once its database and cache are known.
METRICS_ENABLED = env_bool("METRICS_ENABLED", default=False)
# Finer than the library's default below 100 ms, where most API answers fall.
PROMETHEUS_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, float("inf"))
_METERED_DATABASE_ENGINES = {
    "django.db.backends.postgresql": "django_prometheus.db.backends.postgresql",
    "django.db.backends.sqlite3": "django_prometheus.db.backends.sqlite3",
}


def metered(
    *, installed_apps: list[str], middleware: list[str], databases: dict[str, Any], caches: dict[str, Any]
) -> tuple[list[str], list[str], dict[str, Any], dict[str, Any]]:
    """The same apps, middleware, databases and cache, counting requests, queries, errors,
    latency and cache hits for /metrics. Returns new objects: the arguments are left as they are."""
    cache = caches["default"]
    # The local-memory cache of development stays unmetered.
    if cache["BACKEND"] == "django_redis.cache.RedisCache":
        cache = {**cache, "BACKEND": "django_prometheus.cache.backends.redis.RedisCache"}
    return (
        [*installed_apps, "django_prometheus"],
        [
            "django_prometheus.middleware.PrometheusBeforeMiddleware",
            *middleware,
            "django_prometheus.middleware.PrometheusAfterMiddleware",
        ],
        {
            alias: {**database, "ENGINE": _METERED_DATABASE_ENGINES.get(database["ENGINE"], database["ENGINE"])}
            for alias, database in databases.items()
        },
        {**caches, "default": cache},
    )
