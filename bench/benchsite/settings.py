"""Vitrin's own settings (production when DJANGO_ENV=production), with the benchmark's URLs and
its data generator (benchdata: `manage.py generate_data`).

BENCH_CACHE=off replaces the cache with Django's dummy cache and turns off the workers' memory of
shared answers, so that every request reaches the database: the "uncached" scenarios (search,
page 1 versus page 500) run against such a server.
"""

import os

from vitrin.settings import *  # noqa: F403

ROOT_URLCONF = "benchsite.urls"
# `manage.py generate_data`, the benchmark's data set.
INSTALLED_APPS = [*INSTALLED_APPS, "benchdata"]  # noqa: F405

if os.environ.get("BENCH_CACHE") == "off":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    PUBLIC_CACHE_LOCAL_SECONDS = 0.0  # nor the workers' own memory of shared answers
