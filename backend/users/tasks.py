"""Background jobs of the users app. Each takes an id, reads the row afresh (it may have changed
since the job was queued) and is harmless when run twice: a second delivery of the same task
sends nothing (core.background.task_once). They are queued by the services once their
transaction commits, and kept in the outbox when the broker is away (OutboxedTask)."""

from typing import Any

from celery import shared_task

from core.background import RETRIED_ON_TRANSIENT_ERRORS, OutboxedTask, task_once
from users.emails import email_verification_email_send, password_reset_email_send
from users.models import User


@shared_task(bind=True, base=OutboxedTask, **RETRIED_ON_TRANSIENT_ERRORS)
def password_reset_email_send_task(self: Any, user_id: int) -> None:
    """E-mails the password reset link to the user, if they still have an active account."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    with task_once(self.request.id) as to_do:
        if to_do:
            password_reset_email_send(user=user)


@shared_task(bind=True, base=OutboxedTask, **RETRIED_ON_TRANSIENT_ERRORS)
def email_verification_email_send_task(self: Any, user_id: int) -> None:
    """E-mails the link that verifies the user's address, unless it was verified meanwhile or
    the account is no longer active."""
    user = User.objects.filter(pk=user_id, is_active=True, email_verified=False).first()
    if user is None:
        return
    with task_once(self.request.id) as to_do:
        if to_do:
            email_verification_email_send(user=user)
