"""Celery plumbing shared by every app's tasks: retries on transient errors, the outbox that
keeps a task whose publishing failed, and the record that makes an e-mail task run once.

A request never waits for an absent broker: publishing gives up within about a second (the
CELERY_BROKER_CONNECTION_TIMEOUT and CELERY_TASK_PUBLISH_RETRY_POLICY settings). A task built
on `OutboxedTask` that could not be published is written to the outbox (`core.models.OutboxTask`)
instead of being lost, and `outbox_relay` (the beat task `core.tasks.relay_task_outbox`) publishes
it under the same task id once the broker answers again. Only the failures are written: a task
published at once costs no row.

Delivery is at least once (a worker lost mid-task gets its message again, a relay that dies
between publishing and deleting publishes again), so every task is safe to run twice. A task
with an effect outside the database runs that effect inside `task_once(task_id)`.
"""

import logging
import smtplib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from celery import current_app
from celery.contrib.django.task import DjangoTask
from celery.result import AsyncResult
from celery.utils import uuid
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerUnreachable

from core.models import FinishedTask, OutboxTask

logger = logging.getLogger(__name__)

# Errors that pass by themselves: a database, cache or mail server restarting, a network
# blip. A task retries them with growing, jittered pauses; any other error is a bug and fails.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    smtplib.SMTPHeloError,
    ConnectionError,
    TimeoutError,
)
# Options of every task: 1, 2, 4 … seconds between attempts (at most five minutes, each pause
# drawn at random below its bound so retries of many tasks do not arrive together), eight
# retries, about ten minutes in all.
RETRIED_ON_TRANSIENT_ERRORS: dict[str, Any] = {
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 8,
}
# How long a finished task's id is remembered: longer than any redelivery can come late.
FINISHED_TASKS_KEPT_DAYS = 7
# Tasks published by one run of the relay; the rest wait for the next run.
OUTBOX_RELAY_BATCH = 200


class OutboxedTask(DjangoTask):
    """A task whose work must not be lost when the broker is away: a publish that fails is
    written to the outbox and the caller goes on. Scheduled tasks do not need it (the next
    tick does their work), tasks queued by a request do."""

    def apply_async(  # type: ignore[override]
        self, args: Any = None, kwargs: Any = None, task_id: str | None = None, **options: Any
    ) -> AsyncResult:
        if self.app.conf.task_always_eager:
            return super().apply_async(args, kwargs, task_id=task_id, **options)
        task_id = task_id or uuid()
        try:
            return super().apply_async(args, kwargs, task_id=task_id, **options)
        except BrokerUnreachable as error:
            OutboxTask.objects.create(
                task_id=task_id, task_name=self.name, args=list(args or ()), kwargs=dict(kwargs or {})
            )
            logger.warning(
                "The broker is unreachable (%s): task %s[%s] waits in the outbox.", error, self.name, task_id
            )
            return self.AsyncResult(task_id)


def outbox_relay(*, batch: int = OUTBOX_RELAY_BATCH) -> int:
    """Publishes the tasks waiting in the outbox, oldest first, each under its own task id, and
    deletes each one published; returns how many. Stops at the first publish that fails (the
    broker is away again): that task and the rest wait for the next run. Several relays may run
    at once: each skips the rows another one holds."""
    relayed = 0
    for task_pk in OutboxTask.objects.order_by("pk").values_list("pk", flat=True)[:batch]:
        with transaction.atomic():
            task = OutboxTask.objects.select_for_update(skip_locked=True).filter(pk=task_pk).first()
            if task is None:
                continue  # published by another relay meanwhile
            try:
                current_app.send_task(task.task_name, args=task.args, kwargs=task.kwargs, task_id=task.task_id)
            except BrokerUnreachable as error:
                logger.warning("The broker is still unreachable (%s): %d tasks published.", error, relayed)
                return relayed
            task.delete()
        relayed += 1
    return relayed


@contextmanager
def task_once(task_id: str | None) -> Iterator[bool]:
    """Yields whether the work of the task `task_id` is still to be done (False when a delivery
    of the same task did it). Records it done in a transaction that commits when the block ends
    without an error, so a failed attempt leaves the work to the next one; a second delivery
    arriving meanwhile waits for the first one's outcome. Precondition: the block's effect is
    the task's whole effect outside the database."""
    if task_id is None:
        yield True
        return
    with transaction.atomic():
        _, created = FinishedTask.objects.get_or_create(task_id=task_id)
        yield created


def finished_tasks_forget() -> int:
    """Deletes the ids of tasks finished more than FINISHED_TASKS_KEPT_DAYS ago; returns how many."""
    deleted, _ = FinishedTask.objects.filter(
        finished_at__lt=timezone.now() - timedelta(days=FINISHED_TASKS_KEPT_DAYS)
    ).delete()
    return deleted


def outbox_depth() -> int:
    """How many tasks wait in the outbox."""
    return OutboxTask.objects.count()
