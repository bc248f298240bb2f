"""The e-mail tasks: a second delivery of the same task sends nothing, and a mail server that is
away is retried with growing pauses instead of losing the e-mail."""

import socketserver
import threading
from collections.abc import Iterator
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from pytest_django.fixtures import Settings

from core.background import TRANSIENT_ERRORS
from core.models import FinishedTask
from users.tasks import email_verification_email_send_task, password_reset_email_send_task
from users.tests.factories import UserFactory
from vitrin.celery import app

pytestmark = pytest.mark.django_db

EMAIL_TASKS = [password_reset_email_send_task, email_verification_email_send_task]


class HangingUpServer(socketserver.ThreadingTCPServer):
    """A mail server that hangs up on every connection (as one shutting down does), counting them."""

    daemon_threads = True

    def __init__(self) -> None:
        self.connections = 0
        super().__init__(("127.0.0.1", 0), socketserver.BaseRequestHandler)

    def finish_request(self, request: object, client_address: object) -> None:
        self.connections += 1


@pytest.fixture
def hanging_up_mail_server(settings: Settings) -> Iterator[HangingUpServer]:
    server = HangingUpServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = server.server_address[:2]
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("task", EMAIL_TASKS, ids=lambda task: task.name)
def test_a_task_delivered_twice_sends_one_email(task: object) -> None:
    user = UserFactory.create(email="ada@example.com", email_verified=False)

    for _ in range(2):
        task.apply(args=[user.pk], task_id="delivered-twice").get()  # type: ignore[attr-defined]

    assert [message.to for message in mail.outbox] == [["ada@example.com"]]


@pytest.mark.parametrize("task", EMAIL_TASKS, ids=lambda task: task.name)
def test_two_tasks_send_two_emails(task: object) -> None:
    user = UserFactory.create(email="ada@example.com", email_verified=False)

    task.apply(args=[user.pk], task_id="first").get()  # type: ignore[attr-defined]
    task.apply(args=[user.pk], task_id="second").get()  # type: ignore[attr-defined]

    assert len(mail.outbox) == 2


@pytest.mark.parametrize("task", EMAIL_TASKS, ids=lambda task: task.name)
def test_a_mail_server_that_hangs_up_is_retried_with_backoff_and_nothing_is_marked_sent(
    task: object, hanging_up_mail_server: HangingUpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = UserFactory.create(email="ada@example.com", email_verified=False)
    # Inline, each attempt's error would leave the first one at once: kept, as a worker keeps it.
    monkeypatch.setitem(app.conf, "task_eager_propagates", False)

    # Run inline, the retries follow each other at once; a worker waits 1, 2, 4 … seconds.
    result = task.apply(args=[user.pk], task_id="mail-server-away")  # type: ignore[attr-defined]

    assert (result.state, type(result.result)) == ("FAILURE", SMTPServerDisconnected)
    assert hanging_up_mail_server.connections == 1 + 8
    assert mail.outbox == []
    assert task.autoretry_for == TRANSIENT_ERRORS  # type: ignore[attr-defined]
    assert (task.retry_backoff, task.retry_jitter, task.max_retries) == (True, True, 8)  # type: ignore[attr-defined]
    assert FinishedTask.objects.filter(task_id="mail-server-away").exists() is False
