"""Reads of comment threads.

A page of a product's discussion costs the same number of queries whatever the size and the
depth of its threads: the page's top-level comments, then every reply under them at once
(`Comment.root` names the thread's top-level comment, so "the whole thread" is one indexed
lookup), and the tree is assembled here in Python. The serializer only reads what this
module attached (`thread_replies`, `author_is_following`).
"""

from collections import defaultdict
from collections.abc import Sequence

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from comments.models import Comment
from products.models import PUBLISHED, Product
from products.selectors import product_get_visible, product_visible_q
from users.models import User
from users.selectors import is_following_annotation

COMMENT_NOT_FOUND_MESSAGE = "No comment matches this id."


def _comments_for(viewer: User | AnonymousUser) -> QuerySet[Comment]:
    """Comments with their author and whether `viewer` follows that author, in one query."""
    return Comment.objects.select_related("author").annotate(
        author_is_following=is_following_annotation(viewer=viewer, user_ref="author")
    )


def comment_roots_queryset(*, product_id: int, viewer: User | AnonymousUser) -> QuerySet[Comment]:
    """The product's top-level comments, oldest first, ready for keyset pagination; none when
    `viewer` may not see the product. Each says whether its product is public
    (`product_is_published`), so a page tells by itself whether anybody may be shown it. Pass
    the page to `comment_replies_attach` to hang the replies under it."""
    product = Product.objects.filter(pk=OuterRef("product_id"))
    return (
        _comments_for(viewer)
        .filter(Exists(product.filter(product_visible_q(user=viewer))), product_id=product_id, parent__isnull=True)
        .annotate(product_is_published=Exists(product.filter(PUBLISHED)))
        .order_by("created_at", "id")
    )


def comment_replies_attach(*, comments: Sequence[Comment], viewer: User | AnonymousUser) -> None:
    """Gives each of `comments`, and each reply under them to any depth, a `thread_replies`
    list (oldest first). One query for all the threads the comments belong to; none when
    `comments` is empty."""
    if not comments:
        return
    root_ids = {comment.root_id or comment.pk for comment in comments}
    thread = list(_comments_for(viewer).filter(root_id__in=root_ids).order_by("created_at", "id"))
    children: defaultdict[int, list[Comment]] = defaultdict(list)
    for reply in thread:
        children[reply.parent_id].append(reply)  # type: ignore[index]  # a reply always has a parent
    for comment in [*comments, *thread]:
        comment.thread_replies = children.get(comment.pk, [])  # type: ignore[attr-defined]


def comment_get_visible(*, comment_id: int, user: User | AnonymousUser) -> Comment:
    """The comment, its product attached, or Http404 (404) when the id is unknown or `user`
    may not see its product (someone else's draft, a hidden product): a comment under a
    product one may not see does not exist for them."""
    comment = _comments_for(user).filter(pk=comment_id).first()
    if comment is None:
        raise Http404(COMMENT_NOT_FOUND_MESSAGE)
    comment.product = product_get_visible(product_id=comment.product_id, user=user)
    return comment


def comment_depth(*, comment: Comment) -> int:
    """How deep `comment` sits in its thread: 0 for a top-level comment, 1 for a reply to
    one, and so on. One query over the thread's (id, parent) pairs unless it is top-level."""
    if comment.root_id is None:
        return 0
    parents = dict(Comment.objects.filter(root_id=comment.root_id).values_list("id", "parent_id"))
    depth = 0
    current: int | None = comment.pk
    while current is not None and current != comment.root_id:
        current = parents.get(current)
        depth += 1
    return depth
