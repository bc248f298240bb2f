"""What Vitrin's domain code raises when it refuses: plain exceptions that know nothing of HTTP.

Services, selectors and the other domain modules raise these (or Django's own
`ObjectDoesNotExist`); `core.exceptions.exception_handler` is the one place that turns each
into its HTTP status and the API's error shape. So a service can be called from a view, a
Celery task, the admin or the shell alike, and this module imports neither Django's HTTP
layer nor Django REST framework.

The message is what a person reads: one sentence, or `{"field": ["sentence", ...]}` when
particular fields of the input are to blame.
"""

from collections.abc import Mapping, Sequence

# One sentence, or the sentences that say what is wrong with each field.
Message = str | Mapping[str, Sequence[str]]


class DomainError(Exception):
    """A refusal explained to a person. Raise one of the subclasses: they say what kind."""

    # What is said when the code raising the error gives no message.
    default_message = ""

    def __init__(self, message: Message | None = None) -> None:
        self.message: Message = self.default_message if message is None else message
        super().__init__(self.message)


class Invalid(DomainError):
    """The input cannot be accepted as it is: a name taken, a password too weak, a reply to a
    deleted comment. Whoever sent it can fix it."""


class NotFound(DomainError):
    """The thing asked for does not exist, or the caller may not know that it does (another
    maker's draft is "not found", not "not allowed", so that its existence does not leak)."""

    default_message = "Not found."


class NotAllowed(DomainError):
    """The caller is known but may not do this (comment on another maker's draft)."""

    default_message = "You do not have permission to perform this action."


class CredentialsRefused(DomainError):
    """The proof of identity given does not hold: a wrong password, a spent or expired refresh
    token, a Google token that Google did not vouch for, a deactivated account."""

    default_message = "Incorrect authentication credentials."


class TooLarge(DomainError):
    """What was sent is larger than Vitrin accepts (an uploaded image)."""


class Unavailable(DomainError):
    """Vitrin cannot do this right now, through no fault of the caller: a service it relies on
    (Google) does not answer, or the server is not set up for it. Trying again may work."""
