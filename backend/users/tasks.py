from celery import shared_task

from users.models import User


@shared_task
def password_reset_email_send_task(user_id: int) -> None:
    """E-mails the password reset link to the user, if they still have an active account."""
    # Imported here: the services queue this task, so they import this module first.
    from users.services import password_reset_email_send

    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is not None:
        password_reset_email_send(user=user)
