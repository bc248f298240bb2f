"""Background jobs of core: the outbox relay (scheduled in CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from core.background import finished_tasks_forget, outbox_relay


@shared_task
def relay_task_outbox() -> int:
    """Publishes the tasks that waited in the outbox while the broker was away, and forgets
    the ids of tasks finished long ago; returns how many tasks it published. It runs only when
    beat could publish it, that is once the broker is back."""
    finished_tasks_forget()
    return outbox_relay()
