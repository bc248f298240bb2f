"""Background jobs of the uploads app: each takes an id, reads the row afresh and is harmless
when run twice. Kept in the outbox when the broker is away (core.background.OutboxedTask)."""

from celery import shared_task

from core.background import OutboxedTask


@shared_task(
    base=OutboxedTask,
    # Any error: the storage (S3, a disk) fails in its own ways, and the copies are worth retrying.
    autoretry_for=(Exception,),
    retry_backoff=5,  # 5 s, 10 s, 20 s, ... with jitter: storage or database briefly away
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=6,
)
def upload_variants_make_task(upload_id: int) -> bool:
    """Makes the smaller copies of an upload (uploads.services.upload_variants_make)."""
    from uploads.services import upload_variants_make  # services queue this task: import at run time

    return upload_variants_make(upload_id=upload_id)
