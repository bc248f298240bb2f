from collections.abc import Callable
from typing import Any

from django.db.models import BigIntegerField
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from comments.models import Comment
from users.serializers import UserPublicSerializer, with_author_following

# Ids are 64-bit in the database; a larger number is refused here rather than by the driver.
MAX_ID = BigIntegerField.MAX_BIGINT


class TextOnlyCharField(serializers.CharField):
    """A CharField that takes text only: a number, a boolean or a list is refused instead of
    being turned into text."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class CommentUpdateInputSerializer(serializers.Serializer[Any]):
    content = TextOnlyCharField(
        max_length=5000,
        error_messages={
            "required": "Write the text of the comment in `content`.",
            "null": "Write the text of the comment in `content`.",
            "invalid": "Send the comment's text as a string.",
            "blank": "A comment cannot be empty.",
            "max_length": "A comment can be at most {max_length} characters long.",
        },
    )


class CommentCreateInputSerializer(CommentUpdateInputSerializer):
    # `parent` is also the name of a Field attribute in the type stubs, not at run time.
    parent = serializers.IntegerField(  # type: ignore[assignment]
        required=False,
        allow_null=True,
        min_value=1,
        max_value=MAX_ID,
        error_messages={
            "invalid": "Give `parent` as the id of the comment you reply to.",
            "min_value": "Give `parent` as the id of the comment you reply to.",
            "max_value": "Give `parent` as the id of the comment you reply to.",
            "max_string_length": "Give `parent` as the id of the comment you reply to.",
        },
    )


class CommentSerializer(serializers.ModelSerializer[Comment]):
    """A comment with its replies, nested to any depth, oldest first at every level. A deleted
    comment that has replies stays in its thread with `is_deleted: true` and empty `content`."""

    # The replies come from the `thread_replies` lists that comments.selectors.comment_replies_attach
    # hung on each comment (none for a new one), and the tree is built by a loop rather than by
    # nested serializers, so a deep thread costs no Python recursion.

    product = serializers.IntegerField(source="product_id", read_only=True)
    parent = serializers.IntegerField(source="parent_id", read_only=True, allow_null=True)  # type: ignore[assignment]
    author = UserPublicSerializer(read_only=True)
    replies = serializers.SerializerMethodField()

    class Meta:
        model = Comment
        fields = ("id", "product", "parent", "author", "content", "is_deleted", "created_at", "updated_at", "replies")
        read_only_fields = fields

    def get_replies(self, comment: Comment) -> list[dict[str, Any]]:
        return []  # filled in by to_representation, level by level

    def to_representation(self, instance: Comment) -> dict[str, Any]:
        return _thread_representation(instance, self._flat_representation)

    def _flat_representation(self, comment: Comment) -> dict[str, Any]:
        return dict(super().to_representation(with_author_following(comment)))


extend_schema_field({"type": "array", "items": {"$ref": "#/components/schemas/Comment"}})(CommentSerializer.get_replies)


def _thread_representation(root: Comment, flat: Callable[[Comment], dict[str, Any]]) -> dict[str, Any]:
    data = flat(root)
    pending = [(root, data)]
    while pending:
        comment, comment_data = pending.pop()
        replies = getattr(comment, "thread_replies", [])
        comment_data["replies"] = [flat(reply) for reply in replies]
        pending.extend(zip(replies, comment_data["replies"], strict=True))
    return data
