"""Tasks survive their broker: a request that queues one while the broker is away answers at
once and leaves the task in the outbox, and the relay publishes it when the broker is back."""

import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from kombu import Connection

from core.models import OutboxTask
from core.tasks import relay_task_outbox
from core.tests.support import celery_broker, closed_port
from users.tasks import password_reset_email_send_task
from users.tests.factories import UserFactory
from vitrin.celery import app

CaptureCallbacks = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]
RESET = "/api/auth/password/reset/"
RESET_TASK = "users.tasks.password_reset_email_send_task"

pytestmark = pytest.mark.django_db


def absent_broker() -> str:
    return f"amqp://guest:guest@127.0.0.1:{closed_port()}//"


def published_messages() -> list[Any]:
    """The task messages waiting in the in-memory broker's default queue, taken from it."""
    messages = []
    with Connection("memory://") as connection:
        queue = connection.SimpleQueue("celery")
        while queue.qsize():
            message = queue.get(block=False)
            message.ack()
            messages.append(message)
        queue.close()
    return messages


def test_publishing_gives_up_within_a_second_when_the_broker_is_away() -> None:
    policy = settings.CELERY_TASK_PUBLISH_RETRY_POLICY
    attempts = policy["max_retries"] + 1
    waits = policy["interval_start"] + (attempts - 2) * policy["interval_step"]

    worst_case = attempts * settings.CELERY_BROKER_CONNECTION_TIMEOUT + waits

    assert worst_case <= 1.2


def test_a_reset_asked_for_while_the_broker_is_away_answers_at_once_and_waits_in_the_outbox(
    api_client: Any, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    user = UserFactory.create(email="ada@example.com")

    with celery_broker(absent_broker()):
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            response = api_client.post(RESET, {"email": "ada@example.com"})
        elapsed = time.monotonic() - started

    assert response.status_code == 204
    assert elapsed < 2  # a guard only: the bound itself is the setting checked above
    assert list(OutboxTask.objects.values_list("task_name", "args", "kwargs")) == [(RESET_TASK, [user.pk], {})]
    assert mail.outbox == []


def test_the_relay_publishes_the_waiting_task_under_its_id_and_empties_the_outbox(
    api_client: Any, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    user = UserFactory.create(email="ada@example.com")
    with celery_broker(absent_broker()), django_capture_on_commit_callbacks(execute=True):
        api_client.post(RESET, {"email": "ada@example.com"})
    waiting = OutboxTask.objects.get()
    published_messages()  # nothing left from other tests

    with celery_broker("memory://"):
        relayed = relay_task_outbox.apply().get()
        messages = published_messages()

    assert relayed == 1
    assert OutboxTask.objects.count() == 0
    assert [(message.headers["task"], message.headers["id"]) for message in messages] == [(RESET_TASK, waiting.task_id)]
    # The worker that receives it sends the e-mail.
    args, kwargs, _ = messages[0].decode()
    app.tasks[RESET_TASK].apply(args=args, kwargs=kwargs, task_id=waiting.task_id)
    assert [message.to for message in mail.outbox] == [[user.email]]


def test_the_relay_keeps_the_tasks_while_the_broker_is_still_away() -> None:
    user = UserFactory.create()
    with celery_broker(absent_broker()):
        password_reset_email_send_task.delay(user.pk)
        waiting = list(OutboxTask.objects.values_list("task_id", flat=True))

        relayed = relay_task_outbox.apply().get()

    assert relayed == 0
    assert list(OutboxTask.objects.values_list("task_id", flat=True)) == waiting
    assert len(waiting) == 1


def test_the_relay_run_twice_publishes_each_task_once() -> None:
    user = UserFactory.create()
    with celery_broker(absent_broker()):
        password_reset_email_send_task.delay(user.pk)
    published_messages()

    with celery_broker("memory://"):
        runs = [relay_task_outbox.apply().get(), relay_task_outbox.apply().get()]
        messages = published_messages()

    assert runs == [1, 0]
    assert len(messages) == 1


def test_a_task_published_at_once_leaves_no_row() -> None:
    user = UserFactory.create()
    published_messages()

    with celery_broker("memory://"):
        password_reset_email_send_task.delay(user.pk)
        messages = published_messages()

    assert OutboxTask.objects.count() == 0
    assert [message.headers["task"] for message in messages] == [RESET_TASK]
