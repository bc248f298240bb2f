"""Test data. Factories write rows directly, so they leave the denormalised counters
(`products_count`) alone: tests of the counters create products through the API."""

from datetime import UTC, datetime
from typing import Any, cast

import factory
from django.utils import timezone

from categories.tests.factories import CategoryFactory
from products.models import Product, ProductStatus, ProductTag, Upvote
from products.ranking import hot_score
from users.models import User
from users.tests.factories import UserFactory


def _hot_score(product: Any) -> float:
    if product.status != ProductStatus.PUBLISHED:
        return 0.0
    return hot_score(upvote_count=product.upvote_count, published_at=product.published_at)


class ProductFactory(factory.django.DjangoModelFactory[Product]):
    class Meta:
        model = Product
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Product {n}")
    slug = factory.Sequence(lambda n: f"product-{n}")
    tagline = "Does one thing well."
    description = "A longer story about the product."
    url = "https://example.com/"
    category = factory.SubFactory(CategoryFactory)
    author = factory.SubFactory(UserFactory)
    status = ProductStatus.PUBLISHED
    published_at = factory.LazyAttribute(lambda p: None if p.status == ProductStatus.DRAFT else timezone.now())
    upvote_count = 0
    hot_score = factory.LazyAttribute(_hot_score)
    tags: list[str] = []

    @factory.post_generation
    def tag_rows(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        product = cast(Product, self)  # factory_boy hands the created product to this hook
        if create:
            ProductTag.objects.bulk_create([ProductTag(product=product, name=tag) for tag in product.tags])


def draft_factory(**kwargs: Any) -> Product:
    return ProductFactory.create(status=ProductStatus.DRAFT, **kwargs)


def published_at(year: int, month: int, day: int, hour: int = 12) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def upvote(product: Product, *users: User) -> None:
    """Upvote rows with a matching `upvote_count`, as products.services would leave them."""
    Upvote.objects.bulk_create([Upvote(product=product, user=user) for user in users])
    Product.objects.filter(pk=product.pk).update(upvote_count=len(users))
