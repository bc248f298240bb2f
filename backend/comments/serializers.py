from collections.abc import Callable
from typing import Any

from django.db.models import BigIntegerField
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from comments.models import Comment
from core.pagination import Cursor, KeysetPagination, _encode_cursor
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
    """A comment with its first replies, oldest first: its first 3 direct replies, each with its
    own first 3, two levels down. `reply_count` is the number of its direct replies and
    `replies_next` the page of its replies that continues after those shown (null when all are
    shown). A deleted comment that has replies stays in its thread with `is_deleted: true` and
    empty `content`."""

    # The replies come from the `thread_replies` lists that comments.selectors.comment_replies_attach
    # hung on each comment (INLINE_REPLIES of them, INLINE_DEPTH levels down; none for a new
    # comment), and the tree is built by a loop rather than by nested serializers, so the
    # serializer reads no row itself.

    product = serializers.IntegerField(source="product_id", read_only=True)
    parent = serializers.IntegerField(source="parent_id", read_only=True, allow_null=True)  # type: ignore[assignment]
    author = UserPublicSerializer(read_only=True)
    replies = serializers.SerializerMethodField()
    reply_count = serializers.SerializerMethodField(help_text="How many direct replies the comment has in all.")
    replies_next = serializers.SerializerMethodField(
        help_text="The page of the comment's direct replies that follows those in `replies`; null when all are there."
    )

    class Meta:
        model = Comment
        fields = (
            "id",
            "product",
            "parent",
            "author",
            "content",
            "is_deleted",
            "created_at",
            "updated_at",
            "replies",
            "reply_count",
            "replies_next",
        )
        read_only_fields = fields

    def get_replies(self, comment: Comment) -> list[dict[str, Any]]:
        return []  # filled in by to_representation, level by level

    def get_reply_count(self, comment: Comment) -> int:
        # Annotated by comments.selectors; a comment just written has none.
        return int(getattr(comment, "reply_count", 0))

    def get_replies_next(self, comment: Comment) -> str | None:
        shown: list[Comment] = getattr(comment, "thread_replies", [])
        if self.get_reply_count(comment) <= len(shown):
            return None
        link = reverse("comment-replies", kwargs={"comment_id": comment.pk})
        if shown:
            link = f"{link}?{KeysetPagination.cursor_query_param}={_cursor_after(shown[-1])}"
        request = self.context.get("request")
        return request.build_absolute_uri(link) if request is not None else link

    def to_representation(self, instance: Comment) -> dict[str, Any]:
        return _thread_representation(instance, self._flat_representation)

    def _flat_representation(self, comment: Comment) -> dict[str, Any]:
        return dict(super().to_representation(with_author_following(comment)))


extend_schema_field({"type": "array", "items": {"$ref": "#/components/schemas/Comment"}})(CommentSerializer.get_replies)
extend_schema_field(OpenApiTypes.INT)(CommentSerializer.get_reply_count)
extend_schema_field({"type": "string", "format": "uri", "nullable": True})(CommentSerializer.get_replies_next)


def _cursor_after(comment: Comment) -> str:
    """The cursor of the page that continues after `comment` in a list ordered oldest first."""
    return _encode_cursor(Cursor(position=[comment.created_at, comment.pk], reverse=False))


def _thread_representation(root: Comment, flat: Callable[[Comment], dict[str, Any]]) -> dict[str, Any]:
    data = flat(root)
    pending = [(root, data)]
    while pending:
        comment, comment_data = pending.pop()
        replies = getattr(comment, "thread_replies", [])
        comment_data["replies"] = [flat(reply) for reply in replies]
        pending.extend(zip(replies, comment_data["replies"], strict=True))
    return data
