"""/api/live/: a vote, once committed, reaches the streams of its product and of its launch day
with the product's public counts only; a vote rolled back reaches nobody. Each test runs with
events kept in the process and through Redis pub/sub (the `live_backend` fixture)."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import transaction
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient

from conftest import client_for
from live.broker import running_hub
from live.tests.conftest import LiveLoop, Stream
from products.models import Product
from products.services import upvote_add
from products.tests.factories import ProductFactory
from users.models import User
from users.tests.factories import UserFactory

OpenStream = Callable[..., Stream]
CaptureOnCommit = Callable[..., Any]


def upvote_url(product: Product) -> str:
    return f"/api/products/{product.pk}/upvote/"


def counts(product: Product, upvote_count: int, comment_count: int = 0) -> dict[str, int]:
    return {"id": product.pk, "upvote_count": upvote_count, "comment_count": comment_count}


@pytest.mark.django_db
def test_a_committed_upvote_reaches_its_product_and_its_day_with_public_counts_only(
    open_stream: OpenStream, user_client: APIClient, django_capture_on_commit_callbacks: CaptureOnCommit
) -> None:
    product = ProductFactory.create(comment_count=3)
    page = open_stream(f"/api/live/products/{product.pk}/")
    leaderboard = open_stream("/api/live/leaderboard/")

    with django_capture_on_commit_callbacks(execute=True):
        user_client.post(upvote_url(product))

    for stream in (page, leaderboard):
        event = stream.next_event()
        assert (event.name, event.data) == ("counts", counts(product, 1, comment_count=3))


@pytest.mark.django_db
def test_a_withdrawn_upvote_sends_the_lower_count(
    open_stream: OpenStream, user: User, user_client: APIClient, django_capture_on_commit_callbacks: CaptureOnCommit
) -> None:
    product = ProductFactory.create()
    upvote_add(product=product, user=UserFactory.create())
    upvote_add(product=product, user=user)
    page = open_stream(f"/api/live/products/{product.pk}/")

    with django_capture_on_commit_callbacks(execute=True):
        user_client.delete(upvote_url(product))

    assert page.next_event().data == counts(product, 1)


@pytest.mark.django_db
def test_a_comment_and_its_deletion_send_the_new_comment_count(
    open_stream: OpenStream, user_client: APIClient, django_capture_on_commit_callbacks: CaptureOnCommit
) -> None:
    product = ProductFactory.create(upvote_count=2)
    page = open_stream(f"/api/live/products/{product.pk}/")
    leaderboard = open_stream("/api/live/leaderboard/")

    with django_capture_on_commit_callbacks(execute=True):
        comment = user_client.post(f"/api/products/{product.pk}/comments/", {"content": "Lovely."}).json()
    with django_capture_on_commit_callbacks(execute=True):
        user_client.delete(f"/api/comments/{comment['id']}/")

    assert [page.next_event().data for _ in range(2)] == [counts(product, 2, 1), counts(product, 2, 0)]
    assert leaderboard.next_event().data == counts(product, 2, 1)


@pytest.mark.django_db
def test_an_upvote_rolled_back_sends_nothing(
    open_stream: OpenStream, user: User, user_client: APIClient, django_capture_on_commit_callbacks: CaptureOnCommit
) -> None:
    rolled_back, committed = ProductFactory.create(), ProductFactory.create()
    leaderboard = open_stream("/api/live/leaderboard/")

    def vote_then_fail() -> None:
        with transaction.atomic():
            upvote_add(product=rolled_back, user=user)
            raise RuntimeError("the request failed after the vote")

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError):
            vote_then_fail()
        user_client.post(upvote_url(committed))

    # Events of one topic arrive in the order they were sent: the first is the committed vote's.
    assert leaderboard.next_event().data == counts(committed, 1)


@pytest.mark.django_db
def test_an_upvote_of_a_product_hidden_by_moderation_sends_nothing(
    open_stream: OpenStream, user_client: APIClient, django_capture_on_commit_callbacks: CaptureOnCommit
) -> None:
    maker = UserFactory.create()
    hidden = ProductFactory.create(author=maker, is_hidden=True)
    listed = ProductFactory.create()
    leaderboard = open_stream("/api/live/leaderboard/")

    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(maker).post(upvote_url(hidden)).status_code == 200
        user_client.post(upvote_url(listed))

    assert leaderboard.next_event().data == counts(listed, 1)


@pytest.mark.django_db
def test_a_reconnecting_client_gets_what_it_missed_or_is_told_to_resync(
    open_stream: OpenStream, user_client: APIClient, django_capture_on_commit_callbacks: CaptureOnCommit
) -> None:
    product = ProductFactory.create()
    first = open_stream(f"/api/live/products/{product.pk}/")
    with django_capture_on_commit_callbacks(execute=True):
        user_client.post(upvote_url(product))
    seen = first.next_event()
    first.disconnect()

    with django_capture_on_commit_callbacks(execute=True):
        client_for(UserFactory.create()).post(upvote_url(product))
    again = open_stream(f"/api/live/products/{product.pk}/", [(b"last-event-id", seen.id.encode())])
    stranger = open_stream(f"/api/live/products/{product.pk}/", [(b"last-event-id", b"0badc0de-7")])

    assert again.next_event().data == counts(product, 2)
    resync = stranger.next_event()
    assert (resync.name, resync.data) == ("resync", {})


@pytest.mark.django_db
@pytest.mark.usefixtures("live_backend")
def test_a_stream_opens_with_its_retry_delay_then_beats_and_is_forgotten_when_the_client_leaves(
    live_loop: LiveLoop, settings: Settings
) -> None:
    settings.LIVE_HEARTBEAT_SECONDS = 0.05
    stream = Stream(live_loop, "/api/live/leaderboard/")

    assert stream.status == 200
    assert stream.headers[b"content-type"] == b"text/event-stream; charset=utf-8"
    assert stream.headers[b"cache-control"] == b"no-cache"
    assert stream.next_frame() == b"retry: 3000\n\n"
    assert stream.next_frame() == b": heartbeat\n\n"
    assert live_loop.run(running_hub()).subscriber_count == 1

    stream.disconnect()

    assert live_loop.run(running_hub()).subscriber_count == 0


@pytest.mark.parametrize(
    "path",
    [
        "/api/live/",
        "/api/live/products/",
        "/api/live/products/0/",
        "/api/live/products/abc/",
        f"/api/live/products/{2**63}/",
        "/api/live/products/1",
    ],
)
def test_an_unknown_stream_is_a_json_404(live_loop: LiveLoop, path: str) -> None:
    stream = Stream(live_loop, path)

    assert (stream.status, stream.headers[b"content-type"]) == (404, b"application/json")
    assert stream.body() == b'{"detail":"There is nothing at this address."}'


def test_a_stream_is_only_read(live_loop: LiveLoop) -> None:
    stream = Stream(live_loop, "/api/live/leaderboard/", method="POST")

    assert (stream.status, stream.headers[b"allow"]) == (405, b"GET, HEAD")
    assert stream.body() == b'{"detail":"Method \\"POST\\" not allowed."}'
