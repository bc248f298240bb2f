from typing import Any

from django.db.models import BigIntegerField
from rest_framework import serializers

from notifications.models import Notification
from users.serializers import UserPublicSerializer

# Ids are 64-bit in the database; a larger number is refused here rather than by the driver.
MAX_ID = BigIntegerField.MAX_BIGINT
IDS_MESSAGE = "Give `ids` as a list of notification ids, or leave it out to mark every notification read."


class NotificationSerializer(serializers.ModelSerializer[Notification]):
    """Something another user did that concerns the caller: a comment on their product, a reply
    to their comment, an upvote of their product, or following them."""

    # The actor's `is_following` and `product_title` come from the annotations of
    # notifications.selectors.notification_list.

    actor = UserPublicSerializer(read_only=True)
    product = serializers.IntegerField(source="product_id", read_only=True, allow_null=True)
    product_title = serializers.SerializerMethodField(
        help_text="The title of `product`, for saying which product this is about; null without a product "
        "or when the caller may no longer see it."
    )
    comment = serializers.IntegerField(source="comment_id", read_only=True, allow_null=True)

    class Meta:
        model = Notification
        fields = ("id", "verb", "actor", "product", "product_title", "comment", "read", "created_at")
        read_only_fields = fields

    def get_product_title(self, instance: Notification) -> str | None:
        return getattr(instance, "product_title", None)

    def to_representation(self, instance: Notification) -> dict[str, Any]:
        instance.actor.is_following = bool(getattr(instance, "actor_is_following", False))  # type: ignore[attr-defined]
        instance.actor.avatar_variants = getattr(instance, "actor_avatar_variants", None)  # type: ignore[attr-defined]
        return dict(super().to_representation(instance))


class NotificationsReadInputSerializer(serializers.Serializer[Any]):
    ids = serializers.ListField(
        child=serializers.IntegerField(
            min_value=1,
            max_value=MAX_ID,
            error_messages=dict.fromkeys(
                ("invalid", "min_value", "max_value", "max_string_length", "null"), IDS_MESSAGE
            ),
        ),
        required=False,
        max_length=1000,
        error_messages={
            "not_a_list": IDS_MESSAGE,
            "null": IDS_MESSAGE,
            "max_length": "Mark at most {max_length} notifications read at once, or leave `ids` out for all.",
        },
    )


class NotificationUnreadCountSerializer(serializers.Serializer[Any]):
    unread = serializers.IntegerField(read_only=True)
