"""Settings common to every environment, read from the environment only.

The variables are listed in the README's configuration table. What differs between development
and production (the database and cache when none is given, the secret key, debug, cookies...)
is decided in ``development.py`` and ``production.py``; defaults here are the safe ones.
"""

from __future__ import annotations

import os
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


def database_from_url(url: str) -> dict[str, Any]:
    """The database named by a URL such as postgres://user:pass@host:5432/vitrin."""
    return dict(dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60), conn_health_checks=True))


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
    },
}

# --- Files ----------------------------------------------------------------------------------
STATIC_URL = "/static/"
# Made by `collectstatic` (`make run` and the image run it before serving).
STATIC_ROOT: Path | None = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
FRONTEND_DIST_DIR = Path(env("FRONTEND_DIST_DIR", str(REPO_DIR / "frontend" / "dist")))
# The built web app's assets (frontend/dist/assets, built with base /static/) are collected with
# the rest; Vite names them by content hash, so they are cached for a year.
STATICFILES_DIRS = [FRONTEND_DIST_DIR] if FRONTEND_DIST_DIR.is_dir() else []
WHITENOISE_IMMUTABLE_FILE_TEST = r"^.+[.-][0-9A-Za-z_-]{8,12}\.[0-9a-z]+$"
MEDIA_URL = env("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))

AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
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
    """The same apps, middleware, database and cache, counting requests, queries, errors,
    latency and cache hits for /metrics. Returns new objects: the arguments are left as they are."""
    database = databases["default"]
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
            **databases,
            "default": {**database, "ENGINE": _METERED_DATABASE_ENGINES.get(database["ENGINE"], database["ENGINE"])},
        },
        {**caches, "default": cache},
    )
