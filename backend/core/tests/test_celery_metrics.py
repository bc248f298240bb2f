"""The Celery worker's own /metrics (CELERY_METRICS_PORT): task runs by name and outcome, and
the depth of the task outbox read from the database at each scrape."""

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from core.metrics import celery_metrics_serve
from core.models import OutboxTask
from core.tests.support import closed_port
from products.tasks import refresh_hot_scores

pytestmark = pytest.mark.django_db(transaction=True)  # the scrape reads the outbox from its own thread


@pytest.fixture
def worker_metrics_url() -> Iterator[str]:
    port = closed_port()
    server, thread = celery_metrics_serve(port=port, addr="127.0.0.1")
    yield f"http://127.0.0.1:{port}/metrics"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def samples(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    body = requests.get(url, timeout=5).text
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): float(sample.value)
        for family in text_string_to_metric_families(body)
        for sample in family.samples
    }


def test_the_worker_counts_task_runs_by_name_and_outcome(worker_metrics_url: str) -> None:
    succeeded = ("vitrin_celery_tasks_total", (("state", "succeeded"), ("task", refresh_hot_scores.name)))
    before = samples(worker_metrics_url).get(succeeded, 0.0)

    refresh_hot_scores.apply().get()

    assert samples(worker_metrics_url)[succeeded] == before + 1


def test_the_worker_shows_the_outbox_depth(worker_metrics_url: str) -> None:
    depth: Any = ("vitrin_celery_outbox_tasks", ())
    empty = samples(worker_metrics_url)[depth]
    OutboxTask.objects.create(task_id="waiting-1", task_name="users.tasks.password_reset_email_send_task", args=[1])
    OutboxTask.objects.create(task_id="waiting-2", task_name="users.tasks.password_reset_email_send_task", args=[2])

    assert (empty, samples(worker_metrics_url)[depth]) == (0, 2)
