from django.db.models import QuerySet

from notifications.models import Notification
from users.models import User
from users.selectors import is_following_annotation


def notification_list(*, user: User) -> QuerySet[Notification]:
    """The user's notifications, newest first, each with its actor and whether `user` follows
    that actor, in one query (the `notification_inbox` index)."""
    return (
        Notification.objects.filter(recipient=user)
        .select_related("actor")
        .annotate(actor_is_following=is_following_annotation(viewer=user, user_ref="actor"))
        .order_by("-created_at", "-id")
    )


def notification_unread_count(*, user: User) -> int:
    """How many of the user's notifications are unread (the `notification_unread` index)."""
    return Notification.objects.filter(recipient=user, read=False).count()
