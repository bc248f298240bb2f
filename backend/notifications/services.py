from django.db import transaction

from comments.models import Comment
from notifications.models import Notification, NotificationVerb
from products.models import Product
from users.models import User


def notification_create(
    *,
    recipient: User,
    actor: User,
    verb: NotificationVerb,
    product: Product | None = None,
    comment: Comment | None = None,
) -> Notification | None:
    """Tells `recipient` what `actor` did. Nobody is notified of their own actions."""
    if recipient.pk == actor.pk:
        return None
    return Notification.objects.create(recipient=recipient, actor=actor, verb=verb, product=product, comment=comment)


@transaction.atomic
def notifications_mark_read(*, user: User, ids: list[int] | None = None) -> int:
    """Marks the user's notifications read (only those in `ids` when given); returns how many."""
    unread = Notification.objects.filter(recipient=user, read=False)
    if ids is not None:
        unread = unread.filter(id__in=ids)
    return unread.update(read=True)
