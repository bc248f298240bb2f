from typing import Any

import pytest
from rest_framework.test import APIClient

from comments.models import Comment
from comments.tests.factories import CommentFactory
from comments.tests.support import comment_json, comments_url, stored_comment_count, visible_comment_count
from notifications.models import Notification
from products.models import Product
from products.tests.factories import ProductFactory, draft_factory
from users.models import User

pytestmark = pytest.mark.django_db


def comment_url(comment: Comment | int) -> str:
    return f"/api/comments/{comment if isinstance(comment, int) else comment.pk}/"


def post_comment(client: APIClient, product: Product, content: str, parent: int | None = None) -> int:
    body: dict[str, Any] = {"content": content} if parent is None else {"content": content, "parent": parent}
    response = client.post(comments_url(product), body)
    assert response.status_code == 201, response.json()
    return int(response.json()["id"])


# --- PATCH --------------------------------------------------------------------------------
def test_the_author_edits_their_comment_and_gets_it_back_with_its_replies(user: User, user_client: APIClient) -> None:
    comment = CommentFactory.create(author=user, content="Frist!")
    reply = CommentFactory.create(parent=comment)
    reply_to_reply = CommentFactory.create(parent=reply)

    response = user_client.patch(comment_url(comment), {"content": "  First!  "})

    assert response.status_code == 200
    assert response.json() == comment_json(comment, comment_json(reply, comment_json(reply_to_reply)))
    assert response.json()["content"] == "First!"


def test_a_reply_is_edited_in_place(user: User, user_client: APIClient) -> None:
    top = CommentFactory.create()
    reply = CommentFactory.create(parent=top, author=user)

    response = user_client.patch(comment_url(reply), {"content": "Edited."})

    assert response.json() == comment_json(reply)
    assert (response.json()["parent"], response.json()["content"]) == (top.pk, "Edited.")


def test_only_the_author_edits(
    user: User, other_client: APIClient, staff_client: APIClient, api_client: APIClient
) -> None:
    comment = CommentFactory.create(author=user, content="Mine.")

    by_other = other_client.patch(comment_url(comment), {"content": "Theirs."})
    by_staff = staff_client.patch(comment_url(comment), {"content": "Theirs."})
    by_anonymous = api_client.patch(comment_url(comment), {"content": "Theirs."})

    assert (by_other.status_code, by_staff.status_code, by_anonymous.status_code) == (403, 403, 401)
    assert by_other.json() == {"detail": "Only the author can change this."}
    comment.refresh_from_db()
    assert comment.content == "Mine."


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({}, {"content": ["Write the text of the comment in `content`."]}),
        ({"content": "   "}, {"content": ["A comment cannot be empty."]}),
        ({"content": "a" * 5001}, {"content": ["A comment can be at most 5000 characters long."]}),
        ({"content": 7}, {"content": ["Send the comment's text as a string."]}),
    ],
)
def test_an_invalid_edit_is_refused_and_nothing_changes(
    user: User, user_client: APIClient, body: dict[str, Any], errors: dict[str, list[str]]
) -> None:
    comment = CommentFactory.create(author=user, content="Mine.")

    response = user_client.patch(comment_url(comment), body)

    assert response.status_code == 400
    assert response.json() == errors
    comment.refresh_from_db()
    assert comment.content == "Mine."


def test_malformed_json_is_a_readable_400(user: User, user_client: APIClient) -> None:
    comment = CommentFactory.create(author=user)

    response = user_client.patch(comment_url(comment), "{", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["detail"].startswith("The request body could not be read: JSON parse error")


def test_a_deleted_comment_cannot_be_edited(user: User, user_client: APIClient) -> None:
    placeholder = CommentFactory.create(author=user, is_deleted=True, content="")
    CommentFactory.create(parent=placeholder)

    response = user_client.patch(comment_url(placeholder), {"content": "Back from the dead."})

    assert response.status_code == 400
    assert response.json() == {"detail": "This comment was deleted, so it can no longer be edited."}
    placeholder.refresh_from_db()
    assert placeholder.content == ""


def test_an_unknown_comment_is_404(user_client: APIClient) -> None:
    assert user_client.patch(comment_url(999999), {"content": "Hi"}).status_code == 404
    assert user_client.delete(comment_url(999999)).status_code == 404
    assert user_client.delete("/api/comments/99999999999999999999999/").status_code == 404


def test_a_comment_under_someone_elses_draft_does_not_exist_for_others(user: User, other_client: APIClient) -> None:
    comment = CommentFactory.create(product=draft_factory(author=user), author=user)

    assert other_client.patch(comment_url(comment), {"content": "Hi"}).status_code == 404
    assert other_client.delete(comment_url(comment)).status_code == 404
    assert Comment.objects.filter(pk=comment.pk).exists()


# --- DELETE -------------------------------------------------------------------------------
def test_a_comment_without_replies_is_removed(user_client: APIClient, other_client: APIClient) -> None:
    product = ProductFactory.create()
    kept = post_comment(other_client, product, "Stays.")
    removed = post_comment(user_client, product, "Goes.")

    response = user_client.delete(comment_url(removed))

    assert response.status_code == 204
    assert list(Comment.objects.values_list("id", flat=True)) == [kept]
    assert stored_comment_count(product) == 1
    assert not Notification.objects.filter(comment_id=removed).exists()


def test_a_comment_with_replies_stays_as_an_empty_placeholder(
    user_client: APIClient, other_client: APIClient, api_client: APIClient
) -> None:
    product = ProductFactory.create()
    top = post_comment(user_client, product, "A question.")
    reply = post_comment(other_client, product, "An answer.", parent=top)

    response = user_client.delete(comment_url(top))

    assert response.status_code == 204
    placeholder = Comment.objects.get(pk=top)
    assert (placeholder.is_deleted, placeholder.content) == (True, "")
    assert api_client.get(comments_url(product)).json()["results"] == [
        comment_json(placeholder, comment_json(Comment.objects.get(pk=reply)))
    ]
    assert stored_comment_count(product) == 1


def test_removing_the_last_reply_removes_the_placeholders_it_leaves_empty(
    user_client: APIClient, other_client: APIClient
) -> None:
    product = ProductFactory.create()
    top = post_comment(user_client, product, "Top.")
    middle = post_comment(user_client, product, "Middle.", parent=top)
    other_branch = post_comment(other_client, product, "Other branch.", parent=top)
    leaf = post_comment(other_client, product, "Leaf.", parent=middle)
    user_client.delete(comment_url(top))
    user_client.delete(comment_url(middle))

    other_client.delete(comment_url(leaf))  # `middle` is left without replies: it goes too
    assert set(Comment.objects.values_list("id", flat=True)) == {top, other_branch}
    other_client.delete(comment_url(other_branch))  # and now `top`

    assert Comment.objects.count() == 0
    assert stored_comment_count(product) == 0


def test_deleting_a_deleted_comment_changes_nothing(user: User, user_client: APIClient) -> None:
    product = ProductFactory.create()
    top = post_comment(user_client, product, "Top.")
    post_comment(user_client, product, "Reply.", parent=top)
    user_client.delete(comment_url(top))

    again = user_client.delete(comment_url(top))

    assert again.status_code == 204
    assert Comment.objects.count() == 2
    assert stored_comment_count(product) == 1


def test_staff_delete_any_comment(user_client: APIClient, staff_client: APIClient) -> None:
    product = ProductFactory.create()
    comment = post_comment(user_client, product, "Spam.")

    response = staff_client.delete(comment_url(comment))

    assert response.status_code == 204
    assert Comment.objects.count() == 0
    assert stored_comment_count(product) == 0


def test_staff_delete_comments_under_a_hidden_product(staff_client: APIClient, other_client: APIClient) -> None:
    product = ProductFactory.create()
    comment = post_comment(other_client, product, "Spam.")
    Product.objects.filter(pk=product.pk).update(is_hidden=True)

    assert other_client.delete(comment_url(comment)).status_code == 404  # its author no longer sees it
    assert staff_client.delete(comment_url(comment)).status_code == 204
    assert Comment.objects.count() == 0
    assert stored_comment_count(product) == 0


def test_nobody_else_deletes(user_client: APIClient, other_client: APIClient, api_client: APIClient) -> None:
    product = ProductFactory.create()
    comment = post_comment(user_client, product, "Mine.")

    by_other = other_client.delete(comment_url(comment))
    by_anonymous = api_client.delete(comment_url(comment))

    assert (by_other.status_code, by_anonymous.status_code) == (403, 401)
    assert by_other.json() == {"detail": "Only the author can change this."}
    assert Comment.objects.filter(pk=comment, is_deleted=False).exists()
    assert stored_comment_count(product) == 1


def test_comment_count_stays_the_number_of_visible_comments(user_client: APIClient, other_client: APIClient) -> None:
    product = ProductFactory.create()
    a = post_comment(user_client, product, "a")
    b = post_comment(other_client, product, "b", parent=a)
    c = post_comment(user_client, product, "c", parent=b)
    d = post_comment(other_client, product, "d")
    counts = [stored_comment_count(product)]

    for client, comment in [(user_client, a), (other_client, b), (other_client, d), (user_client, c)]:
        client.delete(comment_url(comment))
        assert stored_comment_count(product) == visible_comment_count(product)
        counts.append(stored_comment_count(product))

    assert counts == [4, 3, 2, 1, 0]
    assert Comment.objects.count() == 0
