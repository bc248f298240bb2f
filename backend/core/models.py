"""Rows of Celery's plumbing (core.background): tasks waiting for the broker, and tasks done."""

from django.db import models


class OutboxTask(models.Model):
    """A task whose publishing failed (the broker was unreachable) after its transaction
    committed. `core.background.outbox_relay` publishes it under the same task id once the
    broker is back, then deletes the row."""

    task_id = models.CharField(max_length=64, unique=True)
    task_name = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.task_name}[{self.task_id}]"


class FinishedTask(models.Model):
    """The id of a task whose effect outside the database (an e-mail) has happened, so a second
    delivery of the same message does nothing (`core.background.task_once`). Rows older than
    FINISHED_TASKS_KEPT_DAYS are deleted by the relay's beat task."""

    task_id = models.CharField(max_length=64, unique=True)
    finished_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return self.task_id
