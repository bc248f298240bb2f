"""Demo and benchmark data never go into a production database."""

from django.conf import settings


def production_refusal(*, command: str, what: str) -> str | None:
    """Why `command` does not run here (DJANGO_ENV=production), in a sentence; None elsewhere."""
    if not settings.IS_PRODUCTION:
        return None
    return (
        f"{command} does not run in production (DJANGO_ENV=production): it writes {what}. "
        "Run it against a development or benchmark database."
    )
