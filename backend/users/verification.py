"""One-time links that prove a person reads the mail sent to their account's address.

The token is Django's password-reset token (a timestamp and an HMAC of the user's state, keyed
on SECRET_KEY) with a salt of its own, so a password-reset token is never a verification token
and the other way round. The HMAC covers the address and the verified flag: the link dies once
it has been used (the flag changes) and once the address changes (it was sent to the old one).
It expires `settings.EMAIL_VERIFICATION_TIMEOUT` seconds after it was made.
"""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int

from users.models import User


class EmailVerificationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "users.verification.EmailVerificationTokenGenerator"

    def _make_hash_value(self, user: User, timestamp: int) -> str:
        return f"{user.pk}:{user.email.lower()}:{user.email_verified}:{timestamp}"

    def check_token(self, user: User | None, token: str | None) -> bool:
        """Django's check with this link's own lifetime (Django's reads PASSWORD_RESET_TIMEOUT)."""
        if not (user and token):
            return False
        timestamp_b36, _, _ = token.partition("-")
        try:
            timestamp = base36_to_int(timestamp_b36)
        except ValueError:
            return False
        signed = any(
            constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        )
        return signed and self._num_seconds(self._now()) - timestamp <= settings.EMAIL_VERIFICATION_TIMEOUT


email_verification_token_generator = EmailVerificationTokenGenerator()
