"""Denormalised counters recounted from the rows, for data written in bulk (see bulk.py).

The API's services move each counter by one with `F()`; rows written in bulk bypass them, so
whoever writes in bulk either computes the counters of its own rows while generating them or
recounts here, from the rows, in one UPDATE per counter.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from categories.models import Category
from comments.models import Comment
from products.models import PUBLISHED, Product, Upvote
from products.services import product_hot_scores_refresh
from users.models import Follow, User


def _count_of(rows: QuerySet[Any], *, group_by: str) -> Coalesce:
    """The number of `rows` whose `group_by` is the outer row's id (0 when there is none)."""
    counted = (
        rows.filter(**{group_by: OuterRef("pk")})
        .order_by()
        .values(group_by)
        .annotate(number=Count("pk"))
        .values("number")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def category_products_recount() -> None:
    """`Category.products_count`: the category's published, visible products."""
    Category.objects.update(products_count=_count_of(Product.objects.filter(PUBLISHED), group_by="category"))


def counters_recount() -> None:
    """Every denormalised counter recounted from the rows, and every hot score recomputed."""
    category_products_recount()
    User.objects.update(
        products_count=_count_of(Product.objects.filter(PUBLISHED), group_by="author"),
        followers_count=_count_of(Follow.objects.all(), group_by="followee"),
        following_count=_count_of(Follow.objects.all(), group_by="follower"),
    )
    Product.objects.update(
        upvote_count=_count_of(Upvote.objects.all(), group_by="product"),
        comment_count=_count_of(Comment.objects.filter(is_deleted=False), group_by="product"),
    )
    product_hot_scores_refresh()
