from django.db.models import Case, CharField, F, QuerySet, Value, When

from notifications.models import Notification
from products.selectors import product_visible_q
from uploads.models import upload_variants_of
from users.models import User
from users.selectors import is_following_annotation


def notification_list(*, user: User) -> QuerySet[Notification]:
    """The user's notifications, newest first, each with its actor, whether `user` follows
    that actor and the title of its product, in one query (the `notification_inbox` index).

    `product_title` is null without a product, and also when `user` may no longer see the
    product (it went back to draft, or was archived or hidden since): a title is shown to those
    who may open the product only."""
    return (
        Notification.objects.filter(recipient=user)
        .select_related("actor")
        .annotate(
            actor_is_following=is_following_annotation(viewer=user, user_ref="actor"),
            actor_avatar_variants=upload_variants_of("actor__avatar"),
            product_title=Case(
                When(product_visible_q(user=user, through="product__"), then=F("product__title")),
                default=Value(None),
                output_field=CharField(),
            ),
        )
        .order_by("-created_at", "-id")
    )


def notification_unread_count(*, user: User) -> int:
    """How many of the user's notifications are unread (the `notification_unread` index)."""
    return Notification.objects.filter(recipient=user, read=False).count()
