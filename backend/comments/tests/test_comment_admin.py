"""Moderation in the Django admin goes through comments.services, like the API."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from comments.models import Comment
from comments.tests.factories import CommentFactory
from comments.tests.support import comments_url, stored_comment_count
from products.tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/comments/comment/"


def test_the_changelist_searches_content_and_authors_and_filters_deleted(admin_client: Client) -> None:
    wanted = CommentFactory.create(content="Where is the pricing page?")
    by_author = CommentFactory.create(author__username="grace")
    placeholder = CommentFactory.create(is_deleted=True, content="")

    by_content = admin_client.get(CHANGELIST, {"q": "pricing"})
    by_username = admin_client.get(CHANGELIST, {"q": "grace"})
    deleted = admin_client.get(CHANGELIST, {"is_deleted__exact": "1"})

    assert by_content.status_code == 200
    assert list(by_content.context["cl"].result_list) == [wanted]
    assert list(by_username.context["cl"].result_list) == [by_author]
    assert list(deleted.context["cl"].result_list) == [placeholder]


def test_a_comment_page_opens_read_only(admin_client: Client) -> None:
    comment = CommentFactory.create()

    response = admin_client.get(f"{CHANGELIST}{comment.pk}/change/")

    assert response.status_code == 200
    assert admin_client.get(f"{CHANGELIST}{comment.pk}/delete/").status_code == 403
    assert admin_client.get(f"{CHANGELIST}add/").status_code == 403


def test_the_delete_action_keeps_threads_and_counts(admin_client: Client, user_client: APIClient) -> None:
    product = ProductFactory.create()
    top = user_client.post(comments_url(product), {"content": "Top."}).json()["id"]
    reply = user_client.post(comments_url(product), {"content": "Reply.", "parent": top}).json()["id"]
    lone = user_client.post(comments_url(product), {"content": "Spam."}).json()["id"]

    response = admin_client.post(
        CHANGELIST, {"action": "delete_comments", "_selected_action": [top, lone]}, follow=True
    )

    assert response.status_code == 200
    assert [str(message) for message in response.context["messages"]] == ["Deleted 2 comment(s)."]
    assert list(Comment.objects.order_by("id").values_list("id", "is_deleted", "content")) == [
        (top, True, ""),
        (reply, False, "Reply."),
    ]
    assert stored_comment_count(product) == 1


def test_deleting_a_whole_thread_at_once_removes_it(admin_client: Client, user_client: APIClient) -> None:
    product = ProductFactory.create()
    top = user_client.post(comments_url(product), {"content": "Top."}).json()["id"]
    reply = user_client.post(comments_url(product), {"content": "Reply.", "parent": top}).json()["id"]

    admin_client.post(CHANGELIST, {"action": "delete_comments", "_selected_action": [top, reply]})

    assert Comment.objects.count() == 0
    assert stored_comment_count(product) == 0


def test_djangos_bulk_delete_is_not_offered(admin_client: Client) -> None:
    CommentFactory.create()

    response = admin_client.get(CHANGELIST)

    assert list(response.context["action_form"].fields["action"].choices) == [
        ("", "---------"),
        ("delete_comments", "Delete the selected comments (replies keep their place)"),
    ]
