"""Scheduled jobs of the products app (CELERY_BEAT_SCHEDULE). Both are safe to run twice or at
once: each recomputes or takes what is there. A run the broker never got is replaced by the
next tick, so they need no outbox."""

from celery import shared_task

from core.background import RETRIED_ON_TRANSIENT_ERRORS
from products.services import product_hot_scores_refresh, product_view_counts_flush


@shared_task(**RETRIED_ON_TRANSIENT_ERRORS)
def refresh_hot_scores(batch_size: int = 500) -> int:
    """Repairs any drift of the stored hot scores (scheduled in CELERY_BEAT_SCHEDULE)."""
    return product_hot_scores_refresh(batch_size=batch_size)


# Not retried: the next tick, VIEW_FLUSH_SECONDS later, is its retry (retries would pile up).
@shared_task
def flush_view_counts() -> int:
    """Writes the product views buffered in the cache to the database (scheduled in
    CELERY_BEAT_SCHEDULE every VIEW_FLUSH_SECONDS); returns how many."""
    return product_view_counts_flush()
