"""`product_get_visible` is what other apps (comments) use to decide who sees a product."""

import pytest
from django.contrib.auth.models import AnonymousUser

from core.domain_errors import NotFound
from products.models import ProductStatus
from products.selectors import product_get_visible
from products.tests.factories import ProductFactory
from users.models import User

pytestmark = pytest.mark.django_db


def test_a_published_product_is_visible_to_everybody_with_the_callers_state(user: User, other_user: User) -> None:
    product = ProductFactory.create()

    for viewer in (AnonymousUser(), user, other_user):
        found = product_get_visible(product_id=product.pk, user=viewer)
        assert (found.pk, found.has_upvoted, found.author_is_following) == (product.pk, False, False)  # type: ignore[attr-defined]


def test_a_draft_is_visible_to_its_author_alone(user: User, other_user: User, staff_user: User) -> None:
    product = ProductFactory.create(author=user, status=ProductStatus.DRAFT)

    assert product_get_visible(product_id=product.pk, user=user).pk == product.pk
    for stranger in (other_user, staff_user, AnonymousUser()):
        with pytest.raises(NotFound):
            product_get_visible(product_id=product.pk, user=stranger)


@pytest.mark.parametrize("state", [{"status": ProductStatus.ARCHIVED}, {"is_hidden": True}])
def test_an_unlisted_product_is_visible_to_its_author_and_staff_only(
    user: User, other_user: User, staff_user: User, state: dict[str, object]
) -> None:
    product = ProductFactory.create(author=user, **state)

    assert product_get_visible(product_id=product.pk, user=user).pk == product.pk
    assert product_get_visible(product_id=product.pk, user=staff_user).pk == product.pk
    for stranger in (other_user, AnonymousUser()):
        with pytest.raises(NotFound):
            product_get_visible(product_id=product.pk, user=stranger)


def test_an_unknown_id_is_not_found(user: User) -> None:
    with pytest.raises(NotFound):
        product_get_visible(product_id=987654, user=user)
