"""Writes of categories (staff only). `products_count` is kept by products.services.

Each write makes cached category and product searches stale (core.cache): searches filter
by category slug and suggest categories by name.
"""

from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils.text import slugify

from categories.models import Category
from core.cache import CATEGORIES, PRODUCTS, bump_cache_version
from core.domain_errors import Invalid

NAME_TAKEN = "A category with this name already exists."
SLUG_TAKEN = "A category with this slug already exists."


def _check_unique(*, name: str | None, slug: str | None, exclude_id: int | None = None) -> None:
    others = Category.objects.exclude(pk=exclude_id) if exclude_id is not None else Category.objects.all()
    errors: dict[str, list[str]] = {}
    if name is not None and others.filter(name__iexact=name).exists():
        errors["name"] = [NAME_TAKEN]
    if slug is not None and others.filter(slug=slug).exists():
        errors["slug"] = [SLUG_TAKEN]
    if errors:
        raise Invalid(errors)


def _save(category: Category) -> Category:
    # The checks above make a clash unlikely; a concurrent request can still win the race,
    # and the unique constraints then answer for it.
    try:
        with transaction.atomic():
            category.save()
    except IntegrityError as exc:
        raise Invalid({"name": ["A category with this name or slug already exists."]}) from exc
    bump_cache_version(CATEGORIES, PRODUCTS)
    return category


def category_create(
    *, name: str, slug: str | None = None, description: str = "", icon: str = "", color: str = ""
) -> Category:
    slug = slug or slugify(name)
    if not slug:
        raise Invalid({"slug": ["The name gives no usable slug; give one made of letters, digits and hyphens."]})
    _check_unique(name=name, slug=slug)
    return _save(Category(name=name, slug=slug, description=description, icon=icon, color=color))


def category_update(
    *,
    category: Category,
    name: str | None = None,
    slug: str | None = None,
    description: str | None = None,
    icon: str | None = None,
    color: str | None = None,
) -> Category:
    """Changes the fields given (None leaves a field as it is)."""
    _check_unique(name=name, slug=slug, exclude_id=category.pk)
    changes = {"name": name, "slug": slug, "description": description, "icon": icon, "color": color}
    for field, value in changes.items():
        if value is not None:
            setattr(category, field, value)
    return _save(category)


def category_delete(*, category: Category) -> None:
    """Deletes a category that holds no products (drafts included); refuses otherwise."""
    refusal = "This category still has products. Move them to another category before deleting it."
    if category.products.exists():
        raise Invalid(refusal)
    try:
        with transaction.atomic():
            category.delete()
    except ProtectedError as exc:  # a product was added since the check
        raise Invalid(refusal) from exc
    bump_cache_version(CATEGORIES, PRODUCTS)
