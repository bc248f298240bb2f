"""Vitrin's own Prometheus metrics, beside django-prometheus's technical ones: what the site is
used for (sign-ups, launches, upvotes, comments, product views, e-mails) and what Celery does.

The services count a business event once its transaction has committed (`count_after_commit`),
so a rolled-back write counts nothing. Under gunicorn every worker writes its samples to
PROMETHEUS_MULTIPROC_DIR and the master serves their sum (infra/gunicorn.conf.py).

The Celery worker serves its own /metrics on CELERY_METRICS_PORT (`celery_metrics_serve`,
started by vitrin/celery.py once the worker is ready): the tasks run in the child processes of
the default prefork pool, so they write to a PROMETHEUS_MULTIPROC_DIR too and the parent process
serves the sum, adding the depth of the task outbox read from the database at each scrape.
"""

import logging
import os
import threading
import time
from collections.abc import Iterable
from typing import Any

from django.db import DatabaseError, connection, transaction
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, multiprocess, start_http_server
from prometheus_client.metrics_core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

logger = logging.getLogger(__name__)

# --- business events ------------------------------------------------------------------------
SIGNUPS = Counter("vitrin_signups", "Accounts created, by how (password or google).", ["method"])
LAUNCHES = Counter("vitrin_launches", "Products published for the first time.")
UPVOTES = Counter("vitrin_upvotes", "Upvotes added (a repeated upvote of the same product is not counted).")
COMMENTS = Counter("vitrin_comments", "Comments and replies written.")
PRODUCT_VIEWS_WRITTEN = Counter(
    "vitrin_product_views", "Product page views written to the database by the buffered flush."
)
EMAILS_SENT = Counter("vitrin_emails_sent", "E-mails handed to the mail server, by kind.", ["kind"])
for _method in ("password", "google"):
    SIGNUPS.labels(method=_method)
for _kind in ("password_reset", "email_verification"):
    EMAILS_SENT.labels(kind=_kind)

# --- Celery ---------------------------------------------------------------------------------
TASK_STATES = ("succeeded", "failed", "retried")
TASKS = Counter("vitrin_celery_tasks", "Celery task runs by task name and outcome.", ["task", "state"])
TASK_DURATION = Histogram(
    "vitrin_celery_task_duration_seconds",
    "How long Celery task runs took, by task name.",
    ["task"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, float("inf")),
)
OUTBOX_METRIC = "vitrin_celery_outbox_tasks"


def count_after_commit(counter: Counter, amount: float = 1) -> None:
    """Adds `amount` to `counter` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: counter.inc(amount))


_started: dict[str, float] = {}


def task_started(task_id: str) -> None:
    _started[task_id] = time.monotonic()


def task_ended(task_name: str, task_id: str) -> None:
    started = _started.pop(task_id, None)
    if started is not None:
        TASK_DURATION.labels(task=task_name).observe(time.monotonic() - started)


def task_counted(task_name: str, state: str) -> None:
    TASKS.labels(task=task_name, state=state).inc()


def tasks_known(task_names: Iterable[str]) -> None:
    """Shows every task and outcome at 0 before it first happens, so rates and alerts have a series."""
    for name in task_names:
        if not name.startswith("celery."):
            for state in TASK_STATES:
                TASKS.labels(task=name, state=state)
                TASK_DURATION.labels(task=name)


class OutboxDepthCollector(Collector):
    """The number of tasks waiting in the outbox, counted in the database at each scrape;
    nothing when the database does not answer."""

    def collect(self) -> Iterable[Metric]:
        from core.background import outbox_depth

        try:
            depth = outbox_depth()
        except DatabaseError as error:
            logger.warning("The task outbox could not be counted: %s", error)
            return
        finally:
            connection.close()  # the scrape's own thread: no connection left open between scrapes
        yield GaugeMetricFamily(OUTBOX_METRIC, "Tasks waiting in the outbox for the broker.", value=depth)


class _Delegate(Collector):
    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry

    def collect(self) -> Iterable[Metric]:
        return self.registry.collect()


def celery_metrics_registry() -> CollectorRegistry:
    """What the worker's /metrics shows: the samples of every process of the worker (or of this
    process alone outside multiprocess mode) and the outbox depth."""
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(_Delegate(REGISTRY))
    registry.register(OutboxDepthCollector())
    return registry


def celery_metrics_serve(*, port: int, addr: str = "0.0.0.0") -> tuple[Any, threading.Thread]:  # noqa: S104
    """Serves the worker's metrics at http://addr:port/metrics in a thread; returns the server
    and its thread."""
    server, thread = start_http_server(port, addr=addr, registry=celery_metrics_registry())
    logger.info("Celery metrics served on %s:%d", addr, port)
    return server, thread
