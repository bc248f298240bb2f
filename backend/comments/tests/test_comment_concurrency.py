"""Comments written at the same moment keep the counter exact and the threads whole. The race
is real on PostgreSQL only (SQLite lets one writer in at a time)."""

from functools import partial

import pytest
from rest_framework.test import APIClient

from comments.models import Comment
from comments.tests.support import comments_url, stored_comment_count, visible_comment_count
from conftest import client_for
from core.tests.support import run_at_once, skip_unless_postgres
from products.tests.factories import ProductFactory
from users.tests.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_comments_posted_at_once_are_all_counted() -> None:
    skip_unless_postgres()
    product = ProductFactory.create()
    clients = [client_for(UserFactory.create()) for _ in range(8)]

    answers = run_at_once([partial(client.post, comments_url(product), {"content": "At once."}) for client in clients])

    assert [answer.status_code for answer in answers] == [201] * 8
    assert stored_comment_count(product) == 8


def test_a_reply_racing_the_deletion_of_its_parent_leaves_a_whole_thread() -> None:
    skip_unless_postgres()
    product = ProductFactory.create()
    author, replier = UserFactory.create(), UserFactory.create()
    author_client: APIClient = client_for(author)
    replier_client: APIClient = client_for(replier)

    for _ in range(5):
        parent = author_client.post(comments_url(product), {"content": "Parent."}).json()["id"]

        answers = run_at_once(
            [
                partial(author_client.delete, f"/api/comments/{parent}/"),
                partial(replier_client.post, comments_url(product), {"content": "Reply.", "parent": parent}),
            ]
        )
        by_method = {answer.request["REQUEST_METHOD"]: answer for answer in answers}  # in finishing order
        deleted, replied = by_method["DELETE"], by_method["POST"]

        assert deleted.status_code == 204
        assert replied.status_code in (201, 400)
        if replied.status_code == 201:  # the reply came first: the parent stays as a placeholder
            assert Comment.objects.filter(pk=parent, is_deleted=True, content="").exists()
        else:  # the deletion came first: the parent is gone and the reply was refused
            assert not Comment.objects.filter(pk=parent).exists()
        assert stored_comment_count(product) == visible_comment_count(product)


def test_deleting_sibling_replies_at_once_removes_their_emptied_placeholder() -> None:
    skip_unless_postgres()
    product = ProductFactory.create()
    author_client = client_for(UserFactory.create())
    top = author_client.post(comments_url(product), {"content": "Top."}).json()["id"]
    replies = [author_client.post(comments_url(product), {"content": "R.", "parent": top}).json()["id"] for _ in "ab"]
    author_client.delete(f"/api/comments/{top}/")

    answers = run_at_once([partial(author_client.delete, f"/api/comments/{reply}/") for reply in replies])

    assert [answer.status_code for answer in answers] == [204, 204]
    assert Comment.objects.count() == 0
    assert stored_comment_count(product) == 0
