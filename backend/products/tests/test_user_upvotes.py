from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from conftest import client_for
from products.models import ProductStatus, Upvote
from products.tests.factories import ProductFactory
from users.models import User

pytestmark = pytest.mark.django_db


def _upvote_at(user: User, title: str, minutes_ago: int, **product: object) -> None:
    upvote = Upvote.objects.create(user=user, product=ProductFactory.create(title=title, **product))
    Upvote.objects.filter(pk=upvote.pk).update(created_at=timezone.now() - timedelta(minutes=minutes_ago))


def test_lists_what_a_user_upvoted_latest_first_published_only(api_client: APIClient, user: User) -> None:
    _upvote_at(user, "Older", 30)
    _upvote_at(user, "Newest", 1)
    _upvote_at(user, "Middle", 10)
    _upvote_at(user, "Secret draft", 0, status=ProductStatus.DRAFT, published_at=None)
    ProductFactory.create(title="Not upvoted")

    response = api_client.get(f"/api/users/{user.username.upper()}/upvotes/")

    assert response.status_code == 200
    assert [product["title"] for product in response.json()["results"]] == ["Newest", "Middle", "Older"]


def test_pages_visit_every_upvoted_product_once(api_client: APIClient, user: User) -> None:
    for index in range(7):
        _upvote_at(user, f"P{index}", index)

    titles: list[str] = []
    url: str | None = f"/api/users/{user.username}/upvotes/?page_size=3"
    while url:
        body = api_client.get(url).json()
        titles.extend(product["title"] for product in body["results"])
        url = body["next"]

    assert titles == [f"P{index}" for index in range(7)]


def test_carries_the_callers_own_state(user: User, other_user: User) -> None:
    _upvote_at(user, "Shared taste", 1)
    product_id = Upvote.objects.get(user=user).product_id
    client_for(other_user).post(f"/api/products/{product_id}/upvote/")

    mine = client_for(other_user).get(f"/api/users/{user.username}/upvotes/").json()["results"][0]
    anonymous = APIClient().get(f"/api/users/{user.username}/upvotes/").json()["results"][0]

    assert (mine["has_upvoted"], anonymous["has_upvoted"]) == (True, False)


def test_an_unknown_user_is_404(api_client: APIClient) -> None:
    assert api_client.get("/api/users/nobody-here/upvotes/").status_code == 404


def test_a_page_costs_a_fixed_number_of_queries(
    api_client: APIClient, user: User, django_assert_num_queries: pytest.FixtureRequest
) -> None:
    for index in range(12):
        _upvote_at(user, f"Q{index}", index)

    with django_assert_num_queries(2):  # type: ignore[operator]
        api_client.get(f"/api/users/{user.username}/upvotes/?page_size=2")
    with django_assert_num_queries(2):  # type: ignore[operator]
        api_client.get(f"/api/users/{user.username}/upvotes/?page_size=10")


@pytest.mark.parametrize("tab", ["", "followers/", "following/", "upvotes/"])
def test_a_deactivated_user_is_not_found_on_any_tab(api_client: APIClient, user: User, tab: str) -> None:
    Upvote.objects.create(user=user, product=ProductFactory.create())
    type(user).objects.filter(pk=user.pk).update(is_active=False)

    response = api_client.get(f"/api/users/{user.username}/{tab}")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
