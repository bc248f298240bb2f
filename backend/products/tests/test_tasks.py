import pytest

from products.models import Product, ProductStatus
from products.ranking import hot_score
from products.tasks import refresh_hot_scores
from products.tests.factories import ProductFactory, published_at

pytestmark = pytest.mark.django_db


def test_refresh_repairs_every_drifted_score_in_batches_and_is_idempotent() -> None:
    exact = ProductFactory.create(published_at=published_at(2026, 1, 1), upvote_count=3)
    drifted = [
        ProductFactory.create(published_at=published_at(2026, 1, 2), upvote_count=count, hot_score=0.5)
        for count in range(7)
    ]
    unpublished = [
        ProductFactory.create(status=status, published_at=published_at(2026, 1, 1), hot_score=99.0)
        for status in (ProductStatus.DRAFT, ProductStatus.ARCHIVED)
    ]

    first = refresh_hot_scores.apply(kwargs={"batch_size": 3}).get()
    second = refresh_hot_scores.apply().get()

    assert (first, second) == (9, 0)
    scores = dict(Product.objects.values_list("id", "hot_score"))
    assert scores[exact.pk] == hot_score(upvote_count=3, published_at=published_at(2026, 1, 1))
    assert [scores[product.pk] for product in drifted] == [
        hot_score(upvote_count=count, published_at=published_at(2026, 1, 2)) for count in range(7)
    ]
    assert [scores[product.pk] for product in unpublished] == [0.0, 0.0]


def test_the_task_is_registered_for_the_beat_schedule() -> None:
    from django.conf import settings

    from vitrin.celery import app

    assert settings.CELERY_BEAT_SCHEDULE["refresh-hot-scores"]["task"] == "products.tasks.refresh_hot_scores"
    assert "products.tasks.refresh_hot_scores" in app.tasks
