"""CPU time per request, in-process: what each read path costs this machine's processor, apart
from the other work running on it (which skews every figure of a load test).

    .venv/bin/python bench/cpu.py        # DATABASE_URL and REDIS_URL as for `make bench` (full scale)
    .venv/bin/python bench/cpu.py --profile "signed-in product page"   # where one request's time goes

Each request goes through Django's WSGI handler in this process, with the production settings
and the benchmark's URLs, and is repeated; the time counted is this process's CPU time (the
database's and Redis's own work is not in it, their round trips' client side is).
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import secrets
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent / "backend"), str(BENCH)]
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/vitrin_bench")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/3")
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/4")  # production settings insist on one
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "benchsite.settings",
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",
        "CACHE_KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "vitrin_bench_cpu"),
        "THROTTLE_ANON": "100000000/min",
        "THROTTLE_USER": "100000000/min",
    }
)
REPEAT = 300
# `cpu.py --profile "signed-in product page"`: a cProfile of the first request whose name holds the words.
PROFILE = sys.argv[sys.argv.index("--profile") + 1] if "--profile" in sys.argv else ""
PROFILE_LINES = 45


def uncached() -> Any:
    """No shared cache and no worker memory of shared answers: every request computes."""
    from django.test import override_settings  # after django.setup(), as main's imports

    dummy = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    return override_settings(CACHES=dummy, PUBLIC_CACHE_LOCAL_SECONDS=0.0)


def main() -> None:
    import django

    django.setup()
    logging.disable(logging.CRITICAL)
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import RequestFactory
    from scenarios import COMMON_WORD, Fixtures

    fixtures = Fixtures.prepare(scale_name="cpu", signed_in_users=1)
    token = fixtures.tokens[0]
    handler = WSGIHandler()
    factory = RequestFactory()

    def call(path: str, authorization: str = "") -> Callable[[], None]:
        def run() -> None:
            headers = {"Authorization": authorization} if authorization else {}
            environ = factory.get(path, headers=headers).environ
            environ["wsgi.input"] = io.BytesIO(b"")
            status: list[str] = []

            def start_response(code: str, response_headers: Any, exc_info: Any = None) -> Any:
                status.append(code)

            b"".join(handler(environ, start_response))
            assert status[0].startswith(("200", "304")), (path, status)

        return run

    def cpu_ms(run: Callable[[], None]) -> float:
        for _ in range(3):
            run()
        started = time.process_time()
        for _ in range(REPEAT):
            run()
        return (time.process_time() - started) / REPEAT * 1000

    product = f"/api/products/{fixtures.product_id}/"
    rows = [
        ("ceiling", call("/bench/ceiling/"), True),
        ("anonymous home, from the worker's memory", call("/api/products/"), True),
        ("anonymous product page (counts a view)", call(product), True),
        ("signed-in floor (bench/benchsite/ceiling.py)", call("/bench/signed-in-floor/", token), True),
        ("signed-in home, from the shared entry", call("/api/products/", token), True),
        ("signed-in product page", call(product, token), True),
        ("anonymous discussion (first page)", call(f"{product}comments/"), True),
        ("signed-in discussion (first page)", call(f"{product}comments/", token), True),
        ("uncached home (the database, compiled output)", call("/api/products/"), False),
        (f"uncached search: {COMMON_WORD}", call(f"/api/search/products/?q={COMMON_WORD}"), False),
        (f"uncached search: {fixtures.rare_word}", call(f"/api/search/products/?q={fixtures.rare_word}"), False),
        (f"uncached search: {fixtures.typo_word}", call(f"/api/search/products/?q={fixtures.typo_word}"), False),
        ("uncached suggestions", call(f"/api/search/suggest/?q={fixtures.rare_word[:3]}"), False),
    ]
    if PROFILE:
        import cProfile
        import pstats

        name, run, cached = next(row for row in rows if PROFILE in row[0])
        with uncached() if not cached else contextlib.nullcontext():
            cpu_ms(run)
            profiler = cProfile.Profile(time.process_time)
            profiler.runcall(lambda: [run() for _ in range(REPEAT)])
        print(f"{name}: the {PROFILE_LINES} functions with the most CPU time, their callees included")
        pstats.Stats(profiler).sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(PROFILE_LINES)
        return
    print(f"{'request':<52} {'CPU ms':>7}")
    for name, run, cached in rows:
        with uncached() if not cached else contextlib.nullcontext():
            figure = cpu_ms(run)
        print(f"{name:<52} {figure:>7.2f}")
    assert settings.IS_PRODUCTION


if __name__ == "__main__":
    main()
