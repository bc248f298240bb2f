"""Helpers of the products tests: the Product object the API is expected to answer, built from
the database, for exact comparisons. Helpers every app's tests use are in core/tests/support.py."""

from typing import Any

from core.tests.support import category_json, iso, user_json, variants_json
from products.models import Product


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
        "image_variants": variants_json(product.image),
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
