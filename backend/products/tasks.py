from celery import shared_task

from products.services import product_hot_scores_refresh, product_view_counts_flush


@shared_task
def refresh_hot_scores(batch_size: int = 500) -> int:
    """Repairs any drift of the stored hot scores (scheduled in CELERY_BEAT_SCHEDULE)."""
    return product_hot_scores_refresh(batch_size=batch_size)


@shared_task
def flush_view_counts() -> int:
    """Writes the product views buffered in the cache to the database (scheduled in
    CELERY_BEAT_SCHEDULE every VIEW_FLUSH_SECONDS); returns how many."""
    return product_view_counts_flush()
