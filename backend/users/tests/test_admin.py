import pytest
from django.test import Client

from users.tests.factories import FollowFactory, SocialAccountFactory, UserFactory


@pytest.mark.django_db
def test_staff_find_users_by_username_or_email(admin_client: Client) -> None:
    UserFactory.create(username="ada", email="ada@example.com")
    UserFactory.create(username="grace", email="grace@navy.example.com")

    by_username = admin_client.get("/admin/users/user/", {"q": "ada"})
    by_email = admin_client.get("/admin/users/user/", {"q": "navy.example"})
    filtered = admin_client.get("/admin/users/user/", {"is_staff__exact": "0", "is_active__exact": "1"})

    assert by_username.status_code == 200
    assert [user.username for user in by_username.context["cl"].result_list] == ["ada"]
    assert [user.username for user in by_email.context["cl"].result_list] == ["grace"]
    assert {user.username for user in filtered.context["cl"].result_list} == {"ada", "grace"}


@pytest.mark.django_db
def test_staff_see_a_users_profile_and_read_only_counters(admin_client: Client) -> None:
    user = UserFactory.create(bio="Analyst")

    response = admin_client.get(f"/admin/users/user/{user.pk}/change/")

    assert response.status_code == 200
    assert b"Analyst" in response.content
    assert b"Followers count" in response.content
    assert b'name="followers_count"' not in response.content  # kept by the services, never typed in


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["follow", "socialaccount"])
def test_staff_list_follows_and_social_accounts(admin_client: Client, model: str) -> None:
    follow = FollowFactory.create()
    account = SocialAccountFactory.create()
    row = follow if model == "follow" else account

    listing = admin_client.get(f"/admin/users/{model}/")
    detail = admin_client.get(f"/admin/users/{model}/{row.pk}/change/")

    assert listing.status_code == 200
    assert len(listing.context["cl"].result_list) == 1
    assert detail.status_code == 200


@pytest.mark.django_db
def test_staff_deactivate_accounts_instead_of_deleting_them(admin_client: Client) -> None:
    from rest_framework.test import APIClient

    from users.models import User
    from users.tests.factories import DEFAULT_PASSWORD

    user = UserFactory.create(username="spammer")
    signed_in = APIClient().post("/api/auth/login/", {"username": "spammer", "password": DEFAULT_PASSWORD}).json()
    reader = APIClient()
    reader.credentials(HTTP_AUTHORIZATION=f"Bearer {signed_in['access']}")
    assert reader.get("/api/notifications/").status_code == 200  # the account's row is now cached

    delete_page = admin_client.get(f"/admin/users/user/{user.pk}/delete/")
    response = admin_client.post(
        "/admin/users/user/", {"action": "deactivate_accounts", "_selected_action": [user.pk]}, follow=True
    )

    assert delete_page.status_code == 403
    assert response.status_code == 200
    assert User.objects.get(pk=user.pk).is_active is False
    refresh = APIClient().post("/api/auth/refresh/", {"refresh": signed_in["refresh"]})
    login = APIClient().post("/api/auth/login/", {"username": "spammer", "password": DEFAULT_PASSWORD})
    assert (refresh.status_code, login.status_code) == (401, 401)
    assert reader.get("/api/notifications/").status_code == 401  # the cached row was forgotten


def test_staff_rights_withdrawn_in_the_admin_apply_to_the_next_read(admin_client: Client) -> None:
    from conftest import client_for
    from products.tests.factories import ProductFactory
    from users.models import User

    moderator = UserFactory.create(username="moderator", is_staff=True)
    hidden = ProductFactory.create(is_hidden=True)
    reader = client_for(moderator)
    assert reader.get(f"/api/products/{hidden.pk}/").status_code == 200  # staff see it; row cached

    form = {
        "username": moderator.username,
        "email": moderator.email,
        "first_name": "",
        "last_name": "",
        "is_active": "on",  # "is_staff" left out: the box is unticked
        "avatar": "",
        "bio": "",
        "website": "",
    }
    response = admin_client.post(f"/admin/users/user/{moderator.pk}/change/", form)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(pk=moderator.pk).is_staff is False
    assert reader.get(f"/api/products/{hidden.pk}/").status_code == 404
