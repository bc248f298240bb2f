"""Recounts from the rows, written independently of demo/counters.py, to hold the generated
data to: each returns the rows whose stored counters disagree (an empty list when all agree)."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.apps import apps
from django.db import connection
from django.db.models import Count, DateTimeField, Q

from categories.models import Category
from comments.models import Comment
from products.models import Product, ProductStatus
from products.ranking import hot_score
from users.models import User


def product_counter_mismatches() -> list[dict[str, Any]]:
    products = Product.objects.annotate(
        votes=Count("upvotes", distinct=True),
        visible_comments=Count("comments", filter=Q(comments__is_deleted=False), distinct=True),
    )
    mismatches = []
    for product in products:
        expected_hot = (
            hot_score(upvote_count=product.votes, published_at=product.published_at)
            if product.status == ProductStatus.PUBLISHED
            else 0.0
        )
        stored = (product.upvote_count, product.comment_count, product.hot_score)
        recounted = (product.votes, product.visible_comments, expected_hot)
        if stored != recounted:
            mismatches.append({"product": product.slug, "stored": stored, "recounted": recounted})
    return mismatches


def user_counter_mismatches() -> list[dict[str, Any]]:
    users = User.objects.annotate(
        published=Count(
            "products", filter=Q(products__status=ProductStatus.PUBLISHED, products__is_hidden=False), distinct=True
        ),
        followers=Count("follower_links", distinct=True),
        following=Count("following_links", distinct=True),
    )
    return [
        {"user": user.username, "stored": stored, "recounted": recounted}
        for user in users
        if (stored := (user.products_count, user.followers_count, user.following_count))
        != (recounted := (user.published, user.followers, user.following))
    ]


def category_counter_mismatches() -> list[dict[str, Any]]:
    categories = Category.objects.annotate(
        published=Count("products", filter=Q(products__status=ProductStatus.PUBLISHED, products__is_hidden=False))
    )
    return [
        {"category": category.slug, "stored": category.products_count, "recounted": category.published}
        for category in categories
        if category.products_count != category.published
    ]


def thread_mismatches() -> list[int]:
    """Comments whose `root` is not the top-level comment of their thread, or whose parent
    belongs to another product."""
    comments = {comment.pk: comment for comment in Comment.objects.all()}
    wrong = []
    for comment in comments.values():
        if comment.parent_id is None:
            if comment.root_id is not None:
                wrong.append(comment.pk)
            continue
        top = comments[comment.parent_id]
        while top.parent_id is not None:
            top = comments[top.parent_id]
        if comment.root_id != top.pk or comments[comment.parent_id].product_id != comment.product_id:
            wrong.append(comment.pk)
    return wrong


def thread_depth(comment: Comment, comments: dict[int, Comment]) -> int:
    depth = 1
    while comment.parent_id is not None:
        comment = comments[comment.parent_id]
        depth += 1
    return depth


@contextmanager
def timestamps_switched_off() -> Iterator[set[str]]:
    """Yields the set, filled while the block runs, of the `auto_now`/`auto_now_add` fields
    found switched off at any SQL statement. Such a switch is process-wide: every other insert
    of the process meanwhile (an API request in another thread) would write no moment of its own.
    """
    watched = [
        (model, field, field.auto_now, field.auto_now_add)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, DateTimeField) and (field.auto_now or field.auto_now_add)
    ]
    switched: set[str] = set()

    def watch(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
        for model, field, auto_now, auto_now_add in watched:
            if (field.auto_now, field.auto_now_add) != (auto_now, auto_now_add):
                switched.add(f"{model.__name__}.{field.name}")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(watch):
        yield switched
