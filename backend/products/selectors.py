"""Reads of products. Every public list and page starts from `product_list_queryset`."""

import datetime as dt
from collections.abc import Collection, Mapping

from django.contrib.auth.models import AnonymousUser
from django.db.models import BooleanField, Exists, F, Max, OuterRef, Q, QuerySet, Value

from core.domain_errors import NotFound
from products.models import PUBLISHED, Product, ProductStatus, Upvote
from products.queries import upvoted_and_followed
from uploads.models import upload_variants_of
from users.models import Follow, User
from users.selectors import is_following_annotation

# The fields of ProductSerializer and UserPublicSerializer that depend on who asks.
UPVOTED_FIELD, FOLLOWING_FIELD = "has_upvoted", "is_following"
# The orderings of the public lists; each matches a partial index of products.models and ends
# with the id, as keyset pagination needs.
PRODUCT_ORDERINGS: dict[str, tuple[str, str]] = {
    "hot": ("-hot_score", "-id"),
    "new": ("-published_at", "-id"),
    "top": ("-upvote_count", "-id"),
}


def product_list_queryset(*, viewer: User | AnonymousUser) -> QuerySet[Product]:
    """Products with what ProductSerializer reads, in one query: the category, the author,
    `has_upvoted` (the viewer upvoted it), `author_is_following` (the viewer follows its
    author), and the smaller copies of the image and of the author's avatar (`image_variants`,
    `author_avatar_variants`: a subquery each on the uploads' unique URL index). Not filtered by
    visibility; callers add `PUBLISHED` or `product_visible_q`."""
    if viewer.is_authenticated:
        has_upvoted: Exists | Value = Exists(Upvote.objects.filter(product_id=OuterRef("pk"), user_id=viewer.pk))
    else:
        has_upvoted = Value(False, output_field=BooleanField())
    return Product.objects.select_related("category", "author").annotate(
        has_upvoted=has_upvoted,
        author_is_following=is_following_annotation(viewer=viewer, user_ref="author"),
        image_variants=upload_variants_of("image"),
        author_avatar_variants=upload_variants_of("author__avatar"),
    )


def product_visible_q(*, user: User | AnonymousUser, through: str = "") -> Q:
    """Published, unhidden products for everybody; an author also sees their own drafts,
    archived and hidden products; staff also see archived and hidden ones (moderation), but a
    draft is its author's alone, as the contract says.

    `through` prefixes every lookup, to ask the same of a related product (`"product__"`)."""
    published = Q(**{f"{through}status": ProductStatus.PUBLISHED, f"{through}is_hidden": False})  # PUBLISHED
    if not user.is_authenticated:
        return published
    mine = Q(**{f"{through}author_id": user.pk})
    if user.is_staff:
        return published | mine | ~Q(**{f"{through}status": ProductStatus.DRAFT})
    return published | mine


def product_get_visible(*, product_id: int, user: User | AnonymousUser) -> Product:
    """The product `user` may see, annotated for ProductSerializer, or NotFound when the id
    is unknown or the product is a draft, archived or hidden and `user` is neither its
    author nor staff: a product one may not see does not exist for them."""
    product = product_list_queryset(viewer=user).filter(product_visible_q(user=user), pk=product_id).first()
    if product is None:
        raise NotFound()
    return product


def product_list_published(*, viewer: User | AnonymousUser) -> QuerySet[Product]:
    """The public list: published, unhidden products, hottest first."""
    return product_list_queryset(viewer=viewer).filter(PUBLISHED).order_by(*PRODUCT_ORDERINGS["hot"])


def launch_day_latest(*, before: dt.date) -> dt.date | None:
    """The latest day (UTC) before `before` on which a shown product was published, or None:
    one index lookup on `product_new` (the newest publication date below a bound)."""
    start = dt.datetime.combine(before, dt.time.min, tzinfo=dt.UTC)
    latest = Product.objects.filter(PUBLISHED, published_at__lt=start).aggregate(latest=Max("published_at"))["latest"]
    return latest.astimezone(dt.UTC).date() if latest is not None else None


def product_list_feed(*, user: User) -> QuerySet[Product]:
    """Published products by the users `user` follows, newest first."""
    followees = Follow.objects.filter(follower_id=user.pk).values("followee_id")
    return (
        product_list_queryset(viewer=user)
        .filter(PUBLISHED, author_id__in=followees)
        .order_by(*PRODUCT_ORDERINGS["new"])
    )


def product_list_upvoted_by(*, user: User, viewer: User | AnonymousUser) -> QuerySet[Product]:
    """Published products `user` upvoted, the most recently upvoted first."""
    return (
        product_list_queryset(viewer=viewer)
        .filter(PUBLISHED, upvotes__user=user)
        .annotate(upvoted_at=F("upvotes__created_at"))
        .order_by("-upvoted_at", "-id")
    )


def product_list_own(*, user: User) -> QuerySet[Product]:
    """All of `user`'s own products — drafts, published, archived, hidden by moderation — the
    newest first. By creation, not by last edit: a product keeps its place while its maker
    edits it, so following `next` still visits each product once."""
    return product_list_queryset(viewer=user).filter(author_id=user.pk).order_by("-created_at", "-id")


def viewer_marks(*, viewer: User, ids: Mapping[str, Collection[int]]) -> dict[str, frozenset[int]]:
    """Of the products shown (`ids["has_upvoted"]`) those `viewer` upvoted, and of the people
    shown (`ids["is_following"]`) those they follow, in one query (none when both are empty):
    what a shared, anonymous representation lacks for them.

    The statement is products.queries.upvoted_and_followed."""
    upvoted, followed = upvoted_and_followed(
        viewer_id=viewer.pk, product_ids=ids.get(UPVOTED_FIELD, ()), user_ids=ids.get(FOLLOWING_FIELD, ())
    )
    return {UPVOTED_FIELD: frozenset(upvoted), FOLLOWING_FIELD: frozenset(followed)}
