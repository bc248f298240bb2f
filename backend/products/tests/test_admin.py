"""Staff moderation in the Django admin keeps the counters exact."""

import pytest
from django.test import Client

from categories.models import Category
from conftest import client_for
from products.models import Product, ProductStatus, Upvote
from products.tests.factories import ProductFactory
from users.models import User

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/products/product/"


@pytest.fixture
def admin_client(staff_user: User) -> Client:
    staff_user.is_superuser = True
    staff_user.save(update_fields=["is_superuser"])
    client = Client()
    client.force_login(staff_user)
    return client


def launched(user: User, category: Category, title: str) -> Product:
    response = client_for(user).post("/api/products/", {"title": title, "category": category.slug})
    assert response.status_code == 201
    return Product.objects.get(pk=response.json()["id"])


def test_the_changelist_searches_and_filters(admin_client: Client) -> None:
    ProductFactory.create(title="Findable thing")
    ProductFactory.create(title="Other", status=ProductStatus.DRAFT)

    found = admin_client.get(CHANGELIST, {"q": "findable"})
    drafts = admin_client.get(CHANGELIST, {"status__exact": "draft"})

    assert found.status_code == 200
    assert [product.title for product in found.context["cl"].result_list] == ["Findable thing"]
    assert [product.title for product in drafts.context["cl"].result_list] == ["Other"]


def test_hide_and_unhide_actions_keep_the_counts(admin_client: Client, user: User, category: Category) -> None:
    first = launched(user, category, "First")
    second = launched(user, category, "Second")

    hidden = admin_client.post(
        CHANGELIST, {"action": "hide_products", "_selected_action": [first.pk, second.pk]}, follow=True
    )
    category.refresh_from_db()
    user.refresh_from_db()
    assert hidden.status_code == 200
    assert set(Product.objects.values_list("is_hidden", flat=True)) == {True}
    assert (category.products_count, user.products_count) == (0, 0)

    admin_client.post(CHANGELIST, {"action": "hide_products", "_selected_action": [first.pk]})  # already hidden
    admin_client.post(CHANGELIST, {"action": "unhide_products", "_selected_action": [first.pk]})
    category.refresh_from_db()
    user.refresh_from_db()
    assert (category.products_count, user.products_count) == (1, 1)


def test_deleting_in_the_admin_keeps_the_counts(admin_client: Client, user: User, category: Category) -> None:
    product = launched(user, category, "Doomed")
    launched(user, category, "Kept")

    response = admin_client.post(
        CHANGELIST, {"action": "delete_selected", "_selected_action": [product.pk], "post": "yes"}
    )

    assert response.status_code == 302
    assert list(Product.objects.values_list("title", flat=True)) == ["Kept"]
    category.refresh_from_db()
    user.refresh_from_db()
    assert (category.products_count, user.products_count) == (1, 1)


def test_the_change_form_leaves_the_counted_fields_alone(admin_client: Client) -> None:
    product = ProductFactory.create(title="Typo", tagline="")

    response = admin_client.post(
        f"{CHANGELIST}{product.pk}/change/",
        {"title": "Fixed", "tagline": "", "description": "", "url": "", "image": "", "gallery": "[]",
         "status": "draft", "is_hidden": "on"},
    )  # fmt: skip

    assert response.status_code == 302
    product.refresh_from_db()
    assert (product.title, product.status, product.is_hidden) == ("Fixed", ProductStatus.PUBLISHED, False)


def test_deleting_an_upvote_in_the_admin_keeps_the_count(admin_client: Client, user: User) -> None:
    product = ProductFactory.create()
    client_for(user).post(f"/api/products/{product.pk}/upvote/")
    upvote = Upvote.objects.get()

    admin_client.post(
        "/admin/products/upvote/", {"action": "delete_selected", "_selected_action": [upvote.pk], "post": "yes"}
    )

    product.refresh_from_db()
    assert (product.upvote_count, Upvote.objects.count()) == (0, 0)


def test_the_admin_pages_open(admin_client: Client) -> None:
    product = ProductFactory.create()

    pages = [
        CHANGELIST,
        f"{CHANGELIST}{product.pk}/change/",
        "/admin/products/upvote/",
        "/admin/categories/category/",
        f"/admin/categories/category/{product.category_id}/change/",
        "/admin/categories/category/add/",
    ]

    assert [admin_client.get(page).status_code for page in pages] == [200] * len(pages)
