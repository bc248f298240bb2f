"""Helpers of the comments tests: the Comment object the API is expected to answer, built from
the database, for exact comparisons, and the counts to check it against."""

from typing import Any

from comments.models import Comment
from core.tests.support import iso, user_json
from products.models import Product


def comment_json(
    comment: Comment, *replies: dict[str, Any], is_following: bool = False, replies_next: str | None = None
) -> dict[str, Any]:
    """The Comment object of the contract as the database holds it now, with the `replies`
    shown under it and the link to the rest (`replies_next`)."""
    comment = Comment.objects.select_related("author").get(pk=comment.pk)
    return {
        "id": comment.pk,
        "product": comment.product_id,
        "parent": comment.parent_id,
        "author": user_json(comment.author, is_following=is_following),
        "content": comment.content,
        "is_deleted": comment.is_deleted,
        "created_at": iso(comment.created_at),
        "updated_at": iso(comment.updated_at),
        "replies": list(replies),
        "reply_count": Comment.objects.filter(parent=comment).count(),
        "replies_next": replies_next,
    }


def stored_comment_count(product: Product) -> int:
    product.refresh_from_db()
    return product.comment_count


def visible_comment_count(product: Product) -> int:
    return Comment.objects.filter(product=product, is_deleted=False).count()


def comments_url(product: Product) -> str:
    return f"/api/products/{product.pk}/comments/"
