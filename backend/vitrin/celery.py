"""The Celery application. Without CELERY_BROKER_URL tasks run inline (see settings).

With CELERY_METRICS_PORT set, the worker serves Prometheus metrics on that port (core.metrics).
Its tasks run in the child processes of the prefork pool, which write their samples to
PROMETHEUS_MULTIPROC_DIR for the parent to sum: a fresh folder is made when none is given. It
must be set before prometheus_client is first imported, hence here, the worker's first import.
"""

import os
import tempfile
from typing import Any

from celery import Celery, Task
from celery.signals import task_failure, task_postrun, task_prerun, task_retry, task_success, worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vitrin.settings")
if os.environ.get("CELERY_METRICS_PORT") and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="vitrin-celery-metrics-")

app = Celery("vitrin")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_ready.connect
def _serve_metrics(sender: Any = None, **_: Any) -> None:
    from django.conf import settings

    from core.metrics import celery_metrics_serve, tasks_known

    if settings.CELERY_METRICS_PORT:
        tasks_known(app.tasks.keys())
        celery_metrics_serve(port=settings.CELERY_METRICS_PORT)


@task_prerun.connect
def _task_started(task_id: str, **_: Any) -> None:
    from core.metrics import task_started

    task_started(task_id)


@task_postrun.connect
def _task_ended(sender: Task, task_id: str, **_: Any) -> None:
    from core.metrics import task_ended

    task_ended(sender.name, task_id)


@task_success.connect
def _task_succeeded(sender: Task, **_: Any) -> None:
    from core.metrics import task_counted

    task_counted(sender.name, "succeeded")


@task_failure.connect
def _task_failed(sender: Task, **_: Any) -> None:
    from core.metrics import task_counted

    task_counted(sender.name, "failed")


@task_retry.connect
def _task_retried(sender: Task, **_: Any) -> None:
    from core.metrics import task_counted

    task_counted(sender.name, "retried")
