from django.db.models import QuerySet

from categories.models import Category
from core.domain_errors import NotFound


def category_list() -> QuerySet[Category]:
    return Category.objects.order_by("name", "id")


def category_get(*, slug: str) -> Category:
    category = Category.objects.filter(slug=slug).first()
    if category is None:
        raise NotFound()
    return category


def category_get_by_slug_or_none(*, slug: str) -> Category | None:
    return Category.objects.filter(slug=slug).first()
