"""The e-mails of the users app: what they say and sending them.

Their links carry `uid` and `token` in the URL fragment (`#uid=…&token=…`): a browser never
sends the fragment to any server, so the token cannot end up in a web server's access log, a
proxy's or a Referer header. The web app reads it from `location.hash`.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.metrics import EMAILS_SENT, count_after_commit
from users.models import User
from users.verification import email_verification_token_generator

PASSWORD_RESET_SUBJECT = "Reset your Vitrin password"  # noqa: S105 (a subject line, not a password)
EMAIL_VERIFICATION_SUBJECT = "Verify your e-mail address for Vitrin"


@dataclass(frozen=True)
class Email:
    subject: str
    body: str


def _link(*, page: str, user: User, token: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return f"{settings.FRONTEND_URL}/{page}#uid={uid}&token={token}"


def _duration(seconds: int) -> str:
    """ "3 days", "1 hour": the link's lifetime as the e-mail tells it."""
    days, hours = seconds // 86400, max(1, seconds // 3600)
    if days >= 1 and seconds % 86400 == 0:
        return f"{days} day{'s' if days != 1 else ''}"
    return f"{hours} hour{'s' if hours != 1 else ''}"


def password_reset_email(*, user: User) -> Email:
    """A one-time link to choose a new password. Django's `default_token_generator` hashes the
    password, so the link dies as soon as it has been used."""
    link = _link(page="reset-password", user=user, token=default_token_generator.make_token(user))
    return Email(
        subject=PASSWORD_RESET_SUBJECT,
        body=(
            f"Hello {user.username},\n\n"
            "Somebody (we hope you) asked to reset the password of your Vitrin account.\n"
            f"Choose a new password here within {_duration(settings.PASSWORD_RESET_TIMEOUT)}:\n\n{link}\n\n"
            "If you did not ask for this, ignore this e-mail: your password stays as it is.\n"
        ),
    )


def email_verification_email(*, user: User) -> Email:
    """A one-time link proving that `user` reads the mail sent to their address (see
    users.verification)."""
    link = _link(page="verify-email", user=user, token=email_verification_token_generator.make_token(user))
    return Email(
        subject=EMAIL_VERIFICATION_SUBJECT,
        body=(
            f"Hello {user.username},\n\n"
            "Welcome to Vitrin! Please confirm that this is your e-mail address by opening this link "
            f"within {_duration(settings.EMAIL_VERIFICATION_TIMEOUT)}:\n\n{link}\n\n"
            "If you did not sign up for Vitrin, somebody else typed in your address: do not open the link, "
            "just ignore this e-mail.\n"
        ),
    )


def _send(*, email: Email, user: User, kind: str) -> None:
    send_mail(subject=email.subject, message=email.body, from_email=None, recipient_list=[user.email])
    count_after_commit(EMAILS_SENT.labels(kind=kind))


def password_reset_email_send(*, user: User) -> None:
    _send(email=password_reset_email(user=user), user=user, kind="password_reset")


def email_verification_email_send(*, user: User) -> None:
    _send(email=email_verification_email(user=user), user=user, kind="email_verification")
