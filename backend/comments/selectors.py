"""Reads of comment threads.

A discussion cannot be made arbitrarily large by writing in it: under each comment a page
shows its first INLINE_REPLIES direct replies, and under those theirs, INLINE_DEPTH levels
down; every comment says how many direct replies it has (`reply_count`) and the rest come
page by page from the replies endpoint (`comment_replies_queryset`). A page of N comments
therefore shows at most N x (1 + 3 + 9) of them, whatever the size and the depth of the
threads.

It also costs a fixed number of queries: the page, then one query per inline level for the
first replies of every comment of the level before (a window function numbers the replies of
each parent), skipped when no comment of that level has a reply. The serializer only reads what
this module attached (`thread_replies`, `reply_count`, `author_is_following`).
"""

from collections import defaultdict
from collections.abc import Sequence

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Exists, F, OuterRef, QuerySet, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber

from comments.models import Comment
from core.cache import cached
from core.domain_errors import NotFound
from products.models import PUBLISHED, Product
from products.selectors import product_get_visible, product_visible_q
from uploads.models import upload_variants_of
from users.models import User
from users.selectors import is_following_annotation

# How many direct replies a comment shows under it, and how many levels of them a page holds.
INLINE_REPLIES = 3
INLINE_DEPTH = 2

# A comment never moves to another product, so which product it belongs to may be kept long.
_COMMENT_PRODUCT_SECONDS = 24 * 60 * 60


def _comments_for(viewer: User | AnonymousUser) -> QuerySet[Comment]:
    """Comments with their author, whether `viewer` follows that author, and how many direct
    replies each has (`reply_count`, deleted placeholders included: they keep their place in
    the thread), in one query."""
    replies = (
        Comment.objects.filter(parent_id=OuterRef("pk"))
        .order_by()
        .values("parent_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Comment.objects.select_related("author").annotate(
        author_is_following=is_following_annotation(viewer=viewer, user_ref="author"),
        author_avatar_variants=upload_variants_of("author__avatar"),
        reply_count=Coalesce(Subquery(replies), 0),
    )


def _visible_oldest_first(comments: QuerySet[Comment], viewer: User | AnonymousUser) -> QuerySet[Comment]:
    """`comments` oldest first, ready for keyset pagination; none when `viewer` may not see
    their product. Each says whether its product is public (`product_is_published`), so a page
    tells by itself whether anybody may be shown it."""
    product = Product.objects.filter(pk=OuterRef("product_id"))
    return (
        comments.filter(Exists(product.filter(product_visible_q(user=viewer))))
        .annotate(product_is_published=Exists(product.filter(PUBLISHED)))
        .order_by("created_at", "id")
    )


def comment_roots_queryset(*, product_id: int, viewer: User | AnonymousUser) -> QuerySet[Comment]:
    """The product's top-level comments, oldest first (see `_visible_oldest_first`). Pass the
    page to `comment_replies_attach` to hang their first replies under them."""
    return _visible_oldest_first(_comments_for(viewer).filter(product_id=product_id, parent__isnull=True), viewer)


def comment_replies_queryset(*, comment_id: int, viewer: User | AnonymousUser) -> QuerySet[Comment]:
    """The direct replies of the comment `comment_id`, oldest first (see
    `_visible_oldest_first`). Pass the page to `comment_replies_attach` as well."""
    return _visible_oldest_first(_comments_for(viewer).filter(parent_id=comment_id), viewer)


def _first_replies(*, parents: Sequence[Comment], viewer: User | AnonymousUser) -> list[Comment]:
    """The first INLINE_REPLIES direct replies of each of `parents`, oldest first, in one query.
    The replies are numbered in a subquery that reads ids only, so a parent with thousands of
    replies costs a scan of its index entries, not thousands of rows with their annotations.
    The subquery's LIMIT changes no answer (there are at most that many); it tells PostgreSQL's
    planner how few rows come out of it. Without it the planner counted one `reply_count`
    subquery per reply of the parents, and a page of large threads crossed `jit_above_cost`:
    1.5 s of JIT compilation for a 17 ms query (EXPLAIN ANALYZE, 2,000 replies to one comment);
    with it, 100 comments of 300 replies each took 58 ms, no JIT."""
    position = Window(RowNumber(), partition_by=[F("parent_id")], order_by=[F("created_at").asc(), F("id").asc()])
    first = (
        Comment.objects.filter(parent_id__in=[parent.pk for parent in parents])
        .annotate(position=position)
        .filter(position__lte=INLINE_REPLIES)
        .values("pk")
    )[: INLINE_REPLIES * len(parents)]
    return list(_comments_for(viewer).filter(pk__in=first).order_by("created_at", "id"))


def comment_replies_attach(*, comments: Sequence[Comment], viewer: User | AnonymousUser) -> None:
    """Gives each of `comments` a `thread_replies` list: its first INLINE_REPLIES direct
    replies, oldest first, each with its own, INLINE_DEPTH levels down; the comments of the
    last level get an empty list (their replies are one `replies_next` link away). One query
    per level at most, none for a level whose comments have no reply. Precondition: the
    comments come from this module (they carry `reply_count`)."""
    level: Sequence[Comment] = comments
    for _ in range(INLINE_DEPTH):
        parents = [comment for comment in level if getattr(comment, "reply_count", 0) > 0]
        replies = _first_replies(parents=parents, viewer=viewer) if parents else []
        children: defaultdict[int, list[Comment]] = defaultdict(list)
        for reply in replies:
            children[reply.parent_id].append(reply)  # type: ignore[index]  # a reply always has a parent
        for comment in level:
            comment.thread_replies = children.get(comment.pk, [])  # type: ignore[attr-defined]
        level = replies
    for comment in level:
        comment.thread_replies = []  # type: ignore[attr-defined]


def comment_product_id(*, comment_id: int) -> int | None:
    """The id of the product the comment `comment_id` is under, None for an unknown comment:
    which discussion (cache namespace) its replies belong to. A comment never moves, so the
    answer is kept in the cache and most requests find it without a query."""
    return cached(
        f"comment-product:{comment_id}",
        _COMMENT_PRODUCT_SECONDS,
        lambda: Comment.objects.filter(pk=comment_id).values_list("product_id", flat=True).first(),
    )


def comment_get_visible(*, comment_id: int, user: User | AnonymousUser) -> Comment:
    """The comment, its product attached, or NotFound when the id is unknown or `user`
    may not see its product (someone else's draft, a hidden product): a comment under a
    product one may not see does not exist for them."""
    comment = _comments_for(user).filter(pk=comment_id).first()
    if comment is None:
        raise NotFound()
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
