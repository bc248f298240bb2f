from celery import shared_task

from products.services import product_hot_scores_refresh


@shared_task
def refresh_hot_scores(batch_size: int = 500) -> int:
    """Repairs any drift of the stored hot scores (scheduled in CELERY_BEAT_SCHEDULE)."""
    return product_hot_scores_refresh(batch_size=batch_size)
