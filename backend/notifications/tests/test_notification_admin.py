import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from notifications.models import NotificationVerb
from notifications.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/notifications/notification/"


def test_the_changelist_filters_by_verb_and_read(admin_client: Client) -> None:
    upvote = NotificationFactory.create()
    follow = NotificationFactory.create(verb=NotificationVerb.FOLLOW, product=None, read=True)

    follows = admin_client.get(CHANGELIST, {"verb__exact": "follow"})
    unread = admin_client.get(CHANGELIST, {"read__exact": "0"})
    by_recipient = admin_client.get(CHANGELIST, {"q": upvote.recipient.username})

    assert list(follows.context["cl"].result_list) == [follow]
    assert list(unread.context["cl"].result_list) == [upvote]
    assert list(by_recipient.context["cl"].result_list) == [upvote]


@pytest.mark.parametrize("count", [1, 20])
def test_the_changelist_costs_the_same_whatever_its_length(
    admin_client: Client, django_assert_num_queries: DjangoAssertNumQueries, count: int
) -> None:
    NotificationFactory.create_batch(count)
    admin_client.get(CHANGELIST)  # the session is read and refreshed on the first visit

    with django_assert_num_queries(4):  # the session, the staff member, the row count, the page
        response = admin_client.get(CHANGELIST)

    assert response.status_code == 200
