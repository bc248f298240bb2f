"""gunicorn settings of the Vitrin image (infra/Dockerfile), tuned from the environment.

Metrics: every worker writes its Prometheus samples to PROMETHEUS_MULTIPROC_DIR, and the
master serves their sum on METRICS_PORT (9100), on the private network only. Prometheus
scrapes that port, never the public site: it bypasses Django's host checks and HTTPS redirect,
and a scrape sees the whole container rather than whichever worker answered.
"""

import os

from prometheus_client import CollectorRegistry, multiprocess, start_http_server

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# Two workers per core plus one is gunicorn's rule of thumb; threads cover I/O waits.
workers = int(os.environ.get("GUNICORN_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak never grows unbounded.
max_requests = 5000
max_requests_jitter = 500
# Heartbeat files in memory, not on the container's overlay filesystem.
worker_tmp_dir = "/dev/shm"  # noqa: S108 - gunicorn's documented choice in containers
# nginx on the private network sets X-Forwarded-Proto; Django's SECURE_PROXY_SSL_HEADER reads it.
forwarded_allow_ips = "*"
# One JSON line per request is logged by Django (core.middleware); gunicorn adds errors only.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()

METRICS_PORT = int(os.environ.get("METRICS_PORT", "9100"))


def when_ready(server):  # type: ignore[no-untyped-def]
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR") and METRICS_PORT:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        start_http_server(METRICS_PORT, registry=registry)


def child_exit(server, worker):  # type: ignore[no-untyped-def]
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(worker.pid)
