"""What the API is expected to answer, built from the database, for exact comparisons."""

import threading
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from categories.models import Category
from products.models import Product
from users.models import User

T = TypeVar("T")


def iso(value: Any) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def category_json(category: Category) -> dict[str, Any]:
    return {
        "id": category.pk,
        "name": category.name,
        "slug": category.slug,
        "description": category.description,
        "icon": category.icon,
        "color": category.color,
        "products_count": category.products_count,
    }


def user_json(user: User, *, is_following: bool = False) -> dict[str, Any]:
    return {
        "id": user.pk,
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "avatar": user.avatar,
        "bio": user.bio,
        "website": user.website,
        "created_at": iso(user.created_at),
        "products_count": user.products_count,
        "followers_count": user.followers_count,
        "following_count": user.following_count,
        "is_following": is_following,
    }


def product_json(product: Product, *, has_upvoted: bool = False, is_following: bool = False) -> dict[str, Any]:
    """The Product object of the contract, as the database holds it now."""
    product = Product.objects.select_related("category", "author").get(pk=product.pk)
    return {
        "id": product.pk,
        "slug": product.slug,
        "title": product.title,
        "tagline": product.tagline,
        "description": product.description,
        "url": product.url,
        "category": category_json(product.category),
        "author": user_json(product.author, is_following=is_following),
        "image": product.image,
        "gallery": product.gallery,
        "tags": product.tags,
        "status": product.status,
        "upvote_count": product.upvote_count,
        "view_count": product.view_count,
        "comment_count": product.comment_count,
        "has_upvoted": has_upvoted,
        "created_at": iso(product.created_at),
        "updated_at": iso(product.updated_at),
        "published_at": iso(product.published_at),
    }


def collect_pages(client: APIClient, url: str) -> list[dict[str, Any]]:
    """Every item of a paginated list, following `next` from `url` to the last page."""
    items: list[dict[str, Any]] = []
    next_url: str | None = url
    while next_url:
        response = client.get(next_url)
        assert response.status_code == 200, response.json()
        items.extend(response.json()["results"])
        next_url = response.json()["next"]
    return items


def ids(items: list[dict[str, Any]]) -> list[int]:
    return [item["id"] for item in items]


def run_at_once(calls: list[Callable[[], T]]) -> list[T]:
    """Runs the calls in threads released together, each on its own database connection."""
    barrier = threading.Barrier(len(calls))
    answers: list[T] = []
    errors: list[BaseException] = []

    def run(call: Callable[[], T]) -> None:
        try:
            barrier.wait()
            answers.append(call())
        except BaseException as exc:  # reported by the test below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return answers


def skip_unless_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers, so there is no race to lose")
