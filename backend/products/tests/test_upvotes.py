from collections.abc import Callable

import pytest
from pytest_django import DjangoAssertNumQueries
from rest_framework.test import APIClient

from conftest import client_for
from core.tests.support import run_at_once, skip_unless_postgres
from notifications.models import Notification, NotificationVerb
from products.models import Product, ProductStatus, Upvote
from products.ranking import hot_score
from products.tests.factories import ProductFactory, draft_factory, published_at
from users.models import User
from users.tests.factories import UserFactory


def upvote_url(product: Product) -> str:
    return f"/api/products/{product.pk}/upvote/"


def stored(product: Product) -> tuple[int, int, float]:
    """(upvote_count, Upvote rows, hot_score) as the database holds them."""
    product.refresh_from_db()
    return product.upvote_count, Upvote.objects.filter(product=product).count(), product.hot_score


@pytest.mark.django_db
def test_upvote_counts_once_however_often_it_is_sent(user: User, user_client: APIClient) -> None:
    product = ProductFactory.create(published_at=published_at(2026, 1, 1))

    answers = [user_client.post(upvote_url(product)) for _ in range(3)]

    assert [(answer.status_code, answer.json()) for answer in answers] == [
        (200, {"upvoted": True, "upvote_count": 1})
    ] * 3
    assert stored(product) == (1, 1, hot_score(upvote_count=1, published_at=published_at(2026, 1, 1)))
    assert user_client.get(f"/api/products/{product.pk}/").json()["has_upvoted"] is True


@pytest.mark.django_db
def test_withdrawing_counts_once_however_often_it_is_sent(user: User, user_client: APIClient) -> None:
    product = ProductFactory.create(published_at=published_at(2026, 1, 1))
    others = [client_for(UserFactory.create()) for _ in range(2)]
    for client in [user_client, *others]:
        client.post(upvote_url(product))

    answers = [user_client.delete(upvote_url(product)) for _ in range(3)]

    assert [(answer.status_code, answer.json()) for answer in answers] == [
        (200, {"upvoted": False, "upvote_count": 2})
    ] * 3
    assert stored(product) == (2, 2, hot_score(upvote_count=2, published_at=published_at(2026, 1, 1)))
    assert not Upvote.objects.filter(product=product, user=user).exists()


@pytest.mark.django_db
def test_withdrawing_an_upvote_never_given_changes_nothing(user_client: APIClient) -> None:
    product = ProductFactory.create()
    before = stored(product)

    response = user_client.delete(upvote_url(product))

    assert (response.status_code, response.json()) == (200, {"upvoted": False, "upvote_count": 0})
    assert stored(product) == before


@pytest.mark.django_db
def test_more_votes_rank_a_product_hotter(user_client: APIClient, other_client: APIClient) -> None:
    older = ProductFactory.create(published_at=published_at(2026, 1, 1, 0))
    newer = ProductFactory.create(published_at=published_at(2026, 1, 1, 6))
    assert [item["id"] for item in user_client.get("/api/products/").json()["results"]] == [newer.pk, older.pk]

    # Ten times the votes are worth HOT_TIME_SCALE_SECONDS (12.5 hours) of freshness.
    for client in [user_client, other_client, *(client_for(UserFactory.create()) for _ in range(8))]:
        client.post(upvote_url(older))

    assert [item["id"] for item in user_client.get("/api/products/").json()["results"]] == [older.pk, newer.pk]


@pytest.mark.django_db
def test_a_new_upvote_notifies_the_author_once(user: User, user_client: APIClient) -> None:
    product = ProductFactory.create()

    user_client.post(upvote_url(product))
    user_client.post(upvote_url(product))
    user_client.delete(upvote_url(product))

    notifications = list(Notification.objects.values_list("recipient_id", "actor_id", "verb", "product_id"))
    assert notifications == [(product.author_id, user.pk, NotificationVerb.UPVOTE, product.pk)]


@pytest.mark.django_db
def test_upvoting_your_own_product_notifies_nobody(user: User, user_client: APIClient) -> None:
    product = ProductFactory.create(author=user)

    response = user_client.post(upvote_url(product))

    assert response.json() == {"upvoted": True, "upvote_count": 1}
    assert not Notification.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "delete"])
def test_anonymous_cannot_vote(api_client: APIClient, method: str) -> None:
    product = ProductFactory.create()

    response = getattr(api_client, method)(upvote_url(product))

    assert response.status_code == 401
    assert stored(product)[:2] == (0, 0)


@pytest.mark.django_db
def test_a_draft_is_upvoted_by_its_author_alone(user: User, user_client: APIClient, other_client: APIClient) -> None:
    draft = draft_factory(author=user)

    mine = user_client.post(upvote_url(draft))
    theirs = other_client.post(upvote_url(draft))
    theirs_withdrawn = other_client.delete(upvote_url(draft))

    assert (mine.status_code, mine.json()) == (200, {"upvoted": True, "upvote_count": 1})
    assert (theirs.status_code, theirs_withdrawn.status_code) == (404, 404)
    assert stored(draft) == (1, 1, 0.0)  # a draft has no hot score until it is published


@pytest.mark.django_db
@pytest.mark.parametrize("state", [{"status": ProductStatus.ARCHIVED}, {"is_hidden": True}])
def test_archived_and_hidden_products_cannot_be_upvoted_by_others(
    other_client: APIClient, state: dict[str, object]
) -> None:
    product = ProductFactory.create(**state)

    assert other_client.post(upvote_url(product)).status_code == 404
    assert stored(product)[:2] == (0, 0)


@pytest.mark.django_db
def test_an_unknown_product_is_404(user_client: APIClient) -> None:
    assert user_client.post("/api/products/987654/upvote/").status_code == 404
    assert user_client.delete("/api/products/987654/upvote/").status_code == 404


@pytest.mark.django_db
def test_get_is_not_offered(user_client: APIClient) -> None:
    product = ProductFactory.create()

    assert user_client.get(upvote_url(product)).status_code == 405


@pytest.mark.django_db
def test_upvote_runs_a_fixed_number_of_queries(
    user_client: APIClient, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    product = ProductFactory.create()

    # The caller and the product; then, in the service's transaction (a savepoint here, since
    # the test runs in one): the lock, the look-up, the insert in its own savepoint, the
    # counters and the notification.
    with django_assert_num_queries(11):
        user_client.post(upvote_url(product))
    with django_assert_num_queries(6):  # a repeat stops after the look-up
        user_client.post(upvote_url(product))


# --- real concurrency (PostgreSQL) --------------------------------------------------------
def _vote(client: APIClient, method: str, product: Product) -> Callable[[], int]:
    def call() -> int:
        response = getattr(client, method)(upvote_url(product))
        assert response.status_code == 200, response.content
        return int(response.json()["upvote_count"])

    return call


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_upvotes_count_each_voter_once() -> None:
    skip_unless_postgres()
    product = ProductFactory.create(published_at=published_at(2026, 1, 1))
    voters = [client_for(UserFactory.create()) for _ in range(16)]

    run_at_once([_vote(client, "post", product) for client in voters] + [_vote(voters[0], "post", product)] * 16)

    assert stored(product) == (16, 16, hot_score(upvote_count=16, published_at=published_at(2026, 1, 1)))
    assert Notification.objects.filter(product=product, verb=NotificationVerb.UPVOTE).count() == 16


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_withdrawals_count_each_voter_once() -> None:
    skip_unless_postgres()
    product = ProductFactory.create(published_at=published_at(2026, 1, 1))
    voters = [client_for(UserFactory.create()) for _ in range(20)]
    for client in voters:
        _vote(client, "post", product)()

    leaving = voters[:16]
    run_at_once([_vote(client, "delete", product) for client in leaving] + [_vote(leaving[0], "delete", product)] * 16)

    assert stored(product) == (4, 4, hot_score(upvote_count=4, published_at=published_at(2026, 1, 1)))
