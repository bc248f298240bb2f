"""Background jobs of the users app. Each takes an id, reads the row afresh (it may have changed
since the job was queued) and is harmless when run twice."""

from celery import shared_task

from users.emails import email_verification_email_send, password_reset_email_send
from users.models import User


@shared_task
def password_reset_email_send_task(user_id: int) -> None:
    """E-mails the password reset link to the user, if they still have an active account."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is not None:
        password_reset_email_send(user=user)


@shared_task
def email_verification_email_send_task(user_id: int) -> None:
    """E-mails the link that verifies the user's address, unless it was verified meanwhile or
    the account is no longer active."""
    user = User.objects.filter(pk=user_id, is_active=True, email_verified=False).first()
    if user is not None:
        email_verification_email_send(user=user)
