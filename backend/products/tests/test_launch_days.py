"""GET /api/products/launch-days/: the home page's days of launches in one request."""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from conftest import client_for
from products.tests.factories import ProductFactory, draft_factory, published_at, upvote
from products.tests.support import product_json
from users.models import User
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NOW = published_at(2026, 3, 14, 15)
URL = "/api/products/launch-days/"


def days_of(answer: dict[str, Any]) -> list[tuple[str, list[int]]]:
    return [(day["date"], [product["id"] for product in day["results"]]) for day in answer["days"]]


@time_machine.travel(NOW, tick=False)
def test_the_days_with_launches_newest_first_skipping_quiet_days(api_client: APIClient) -> None:
    today = ProductFactory.create(published_at=published_at(2026, 3, 14, 9))
    yesterday = ProductFactory.create(published_at=published_at(2026, 3, 13))
    ten_days_ago = ProductFactory.create(published_at=published_at(2026, 3, 4))
    last_year = ProductFactory.create(published_at=published_at(2025, 3, 14))
    draft_factory()
    ProductFactory.create(published_at=published_at(2026, 3, 1), is_hidden=True)

    answer = api_client.get(URL, {"date": "2026-03-14", "ordering": "new", "days": "3"}).json()

    assert days_of(answer) == [
        ("2026-03-14", [today.pk]),
        ("2026-03-13", [yesterday.pk]),
        ("2026-03-04", [ten_days_ago.pk]),
    ]
    assert answer["before"] == "2025-03-14"
    rest = api_client.get(URL, {"date": answer["before"], "ordering": "new", "days": "3"}).json()
    assert rest == {
        "days": [{"date": "2025-03-14", "results": [product_json(last_year)], "next": None}],
        "before": None,
    }


@time_machine.travel(NOW, tick=False)
def test_today_is_shown_even_without_launches_another_quiet_day_is_not(api_client: APIClient) -> None:
    earlier = ProductFactory.create(published_at=published_at(2026, 3, 10))

    on_today = api_client.get(URL, {"date": "2026-03-14", "days": "2"}).json()
    on_a_quiet_day = api_client.get(URL, {"date": "2026-03-12", "days": "2"}).json()
    by_default = api_client.get(URL, {"days": "2"}).json()

    assert days_of(on_today) == [("2026-03-14", []), ("2026-03-10", [earlier.pk])]
    assert days_of(on_a_quiet_day) == [("2026-03-10", [earlier.pk])]
    assert by_default == on_today


@time_machine.travel(NOW, tick=False)
def test_a_busy_days_next_link_continues_that_days_list_in_its_ordering(api_client: APIClient) -> None:
    launches = [ProductFactory.create(published_at=published_at(2026, 3, 14, hour)) for hour in range(1, 6)]
    top = launches[2]
    upvote(top, *UserFactory.create_batch(2))
    ProductFactory.create(published_at=published_at(2026, 3, 13))

    query = {"date": "2026-03-14", "ordering": "top", "days": "1", "page_size": "2"}
    day = api_client.get(URL, query).json()["days"][0]
    shown, link = [product["id"] for product in day["results"]], day["next"]
    while link is not None:
        page = api_client.get(link).json()
        shown, link = shown + [product["id"] for product in page["results"]], page["next"]

    assert shown[0] == top.pk
    assert sorted(shown) == sorted(product.pk for product in launches)


@time_machine.travel(NOW, tick=False)
def test_a_signed_in_caller_sees_their_own_upvotes_on_the_shared_answer(api_client: APIClient, user: User) -> None:
    voted = ProductFactory.create(published_at=published_at(2026, 3, 14, 9))
    other = ProductFactory.create(published_at=published_at(2026, 3, 14, 8))
    upvote(voted, user)
    api_client.get(URL, {"ordering": "new"})  # the shared entry, computed anonymously

    answer = client_for(user).get(URL, {"ordering": "new"}).json()
    anonymous = api_client.get(URL, {"ordering": "new"}).json()

    assert answer["days"][0]["results"] == [product_json(voted, has_upvoted=True), product_json(other)]
    assert anonymous["days"][0]["results"] == [product_json(voted), product_json(other)]


@time_machine.travel(NOW, tick=False)
def test_queries_grow_by_two_per_day_shown(api_client: APIClient) -> None:
    for day in range(1, 8):
        ProductFactory.create_batch(2, published_at=NOW - timedelta(days=day * 2))

    with CaptureQueriesContext(connection) as queries:
        answer = api_client.get(URL, {"days": "7"}).json()

    assert len(answer["days"]) == 7
    assert len(queries.captured_queries) <= 2 * 7 + 2  # a page and the next day per day, today's lookup


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ({"date": "2026-02-30"}, {"date": ["Date has wrong format. Use one of these formats instead: YYYY-MM-DD."]}),
        ({"days": "0"}, {"days": ["Ensure this value is greater than or equal to 1."]}),
        ({"days": "8"}, {"days": ["Ensure this value is less than or equal to 7."]}),
        ({"page_size": "101"}, {"page_size": ["Ensure this value is less than or equal to 100."]}),
        ({"ordering": "random"}, {"ordering": ['"random" is not a valid choice.']}),
    ],
)
def test_bad_queries_are_refused_in_words(api_client: APIClient, query: dict[str, str], errors: Any) -> None:
    response = api_client.get(URL, query)

    assert response.status_code == 400
    assert response.json() == errors
