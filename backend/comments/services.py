"""Writes of comments. Each keeps `Product.comment_count` equal to the number of the product's
visible (not deleted) comments, in the same transaction as the comment itself.

Each also makes the product's cached discussion stale (core.cache), whoever calls it: the API,
the admin, a task.

Locking: a reply locks its parent row, an edit or a deletion locks the comment (and a deletion
then its soft-deleted ancestors, child before parent), so a reply and the deletion of the
comment it answers cannot interleave.
"""

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest

from comments.models import Comment
from comments.selectors import comment_depth
from core.cache import bump_cache_version, comments_namespace
from core.domain_errors import Invalid, NotAllowed, NotFound
from core.metrics import COMMENTS, count_after_commit
from live.events import ProductCounts, product_counts_publish_on_commit
from notifications.models import NotificationVerb
from notifications.services import notification_create
from products.models import PUBLISHED, Product
from users.models import User

# Every level is one more nested object in the JSON of the thread, and Python's JSON encoder
# gives up at about 500 levels, so a page would fail; past this depth a reply is refused and
# its writer asked to answer an earlier comment of the conversation.
COMMENT_MAX_DEPTH = 100


def _publish_counts(product_id: int) -> None:
    """Live pages show the product's new comment count once the comment commits (a listed
    product only: the counts of a draft or a hidden product are its author's business)."""
    product = (
        Product.objects.filter(PUBLISHED, pk=product_id).only("upvote_count", "comment_count", "published_at").first()
    )
    if product is not None and product.published_at is not None:
        counts = ProductCounts(id=product.pk, upvote_count=product.upvote_count, comment_count=product.comment_count)
        product_counts_publish_on_commit(counts=counts, published_at=product.published_at)


@transaction.atomic
def comment_create(*, product: Product, author: User, content: str, parent_id: int | None = None) -> Comment:
    """Adds `content` to the product's discussion, as a reply to the comment `parent_id` when
    given, and tells the product's author (a top-level comment) or the parent's author (a
    reply). Precondition: `author` may see `product` (products.selectors.product_get_visible).
    A product that is not published takes comments from its author alone."""
    if not product.is_published and product.author_id != author.pk:
        raise NotAllowed("Only its author can comment on a product that is not published.")

    parent = None
    if parent_id is not None:
        parent = (
            Comment.objects.select_for_update(of=("self",))
            .select_related("author")
            .filter(pk=parent_id, product_id=product.pk)
            .first()
        )
        if parent is None:
            raise Invalid({"parent": ["This product has no comment with this id to reply to."]})
        if parent.is_deleted:
            raise Invalid({"parent": ["That comment was deleted, so it can no longer be replied to."]})
        if comment_depth(comment=parent) + 1 > COMMENT_MAX_DEPTH:
            raise Invalid(
                {
                    "parent": [
                        f"This conversation is nested as deeply as it can be ({COMMENT_MAX_DEPTH} replies deep); "
                        "reply to an earlier comment in it."
                    ]
                }
            )

    comment = Comment.objects.create(
        product=product,
        author=author,
        parent=parent,
        root_id=None if parent is None else (parent.root_id or parent.pk),
        content=content,
    )
    Product.objects.filter(pk=product.pk).update(comment_count=F("comment_count") + 1)
    bump_cache_version(comments_namespace(product.pk))
    _publish_counts(product.pk)
    if parent is None:
        notification_create(
            recipient=product.author, actor=author, verb=NotificationVerb.COMMENT, product=product, comment=comment
        )
    else:
        notification_create(
            recipient=parent.author, actor=author, verb=NotificationVerb.REPLY, product=product, comment=comment
        )
    count_after_commit(COMMENTS)
    return comment


@transaction.atomic
def comment_update(*, comment: Comment, content: str) -> Comment:
    """Replaces the text of `comment`. Precondition: the caller is its author. A deleted
    comment keeps its empty place in the thread and cannot be edited."""
    locked = Comment.objects.select_for_update().filter(pk=comment.pk).first()
    if locked is None:
        raise NotFound("This comment has just been deleted.")
    if locked.is_deleted:
        raise Invalid("This comment was deleted, so it can no longer be edited.")
    comment.content = content
    comment.save(update_fields=["content", "updated_at"])
    bump_cache_version(comments_namespace(locked.product_id))
    return comment


@transaction.atomic
def comment_delete(*, comment: Comment) -> None:
    """Takes `comment` out of the discussion. Precondition: the caller is its author or staff.

    A comment with replies stays in its thread as a placeholder (`is_deleted`, content
    emptied) so the conversation under it keeps its place. A comment without replies is
    removed, and so is each soft-deleted ancestor that this leaves without replies (a
    placeholder with nothing under it would be an empty line in the thread). Deleting a
    comment that is already deleted or gone changes nothing.
    """
    locked = Comment.objects.select_for_update().filter(pk=comment.pk).first()
    if locked is None or locked.is_deleted:
        return
    # Never below zero, even if the stored count had drifted: the column refuses negatives.
    Product.objects.filter(pk=locked.product_id).update(comment_count=Greatest(F("comment_count") - 1, 0))
    bump_cache_version(comments_namespace(locked.product_id))
    _publish_counts(locked.product_id)
    if Comment.objects.filter(parent_id=locked.pk).exists():
        locked.is_deleted = True
        locked.content = ""
        locked.save(update_fields=["is_deleted", "content", "updated_at"])
        return

    removed: Comment | None = locked
    while removed is not None:
        parent_id = removed.parent_id
        removed.delete()
        if parent_id is None:
            return
        removed = Comment.objects.select_for_update().filter(pk=parent_id, is_deleted=True).first()
        if removed is not None and Comment.objects.filter(parent_id=removed.pk).exists():
            return
