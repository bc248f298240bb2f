from collections.abc import Callable

import pytest
from pytest_django import DjangoAssertNumQueries
from rest_framework.test import APIClient

from categories.models import Category
from categories.tests.factories import CategoryFactory
from core.tests.support import category_json, collect_pages
from products.tests.factories import ProductFactory, draft_factory

pytestmark = pytest.mark.django_db

CATEGORY_BODY = {
    "name": "Developer Tools",
    "description": "For people who build.",
    "icon": "🛠",
    "color": "#1a2B3c",
}


# --- list and detail ----------------------------------------------------------------------
def test_list_is_paginated_by_name_for_anybody(api_client: APIClient) -> None:
    names = ["Zeta", "Alpha", "Beta", "Gamma", "Delta"]
    categories = {name: CategoryFactory.create(name=name) for name in names}

    items = collect_pages(api_client, "/api/categories/?page_size=2")

    expected = sorted(categories.values(), key=lambda category: (category.name, category.pk))
    assert items == [category_json(category) for category in expected]


def test_list_runs_one_query_whatever_the_page_size(
    api_client: APIClient, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    CategoryFactory.create_batch(25)

    for size in (2, 20):
        with django_assert_num_queries(1):
            response = api_client.get(f"/api/categories/?page_size={size}")
        assert len(response.json()["results"]) == size


def test_detail_by_slug(api_client: APIClient) -> None:
    category = CategoryFactory.create(slug="design")

    response = api_client.get("/api/categories/design/")

    assert response.status_code == 200
    assert response.json() == category_json(category)


def test_detail_of_an_unknown_slug_is_404(api_client: APIClient) -> None:
    response = api_client.get("/api/categories/nothing-here/")

    assert response.status_code == 404


# --- create -------------------------------------------------------------------------------
def test_staff_creates_a_category_with_a_slug_from_its_name(staff_client: APIClient) -> None:
    response = staff_client.post("/api/categories/", CATEGORY_BODY)

    assert response.status_code == 201
    category = Category.objects.get()
    assert response.json() == category_json(category)
    assert (category.name, category.slug, category.color, category.products_count) == (
        "Developer Tools",
        "developer-tools",
        "#1a2B3c",
        0,
    )


def test_staff_may_choose_the_slug(staff_client: APIClient) -> None:
    response = staff_client.post("/api/categories/", {**CATEGORY_BODY, "slug": "Dev-Tools"})

    assert response.status_code == 201
    assert response.json()["slug"] == "dev-tools"


def test_products_count_cannot_be_set(staff_client: APIClient) -> None:
    response = staff_client.post("/api/categories/", {**CATEGORY_BODY, "products_count": 99, "id": 500})

    assert response.status_code == 201
    assert response.json()["products_count"] == 0
    assert response.json()["id"] != 500


def test_anonymous_cannot_create(api_client: APIClient) -> None:
    response = api_client.post("/api/categories/", CATEGORY_BODY)

    assert response.status_code == 401
    assert not Category.objects.exists()


def test_a_member_cannot_create(user_client: APIClient) -> None:
    response = user_client.post("/api/categories/", CATEGORY_BODY)

    assert response.status_code == 403
    assert response.json() == {"detail": "Only staff members can change this."}
    assert not Category.objects.exists()


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"description": "no name"}, {"name": ["This field is required."]}),
        ({"name": "   "}, {"name": ["Give the category a name."]}),
        ({"name": "x" * 61}, {"name": ["Keep the name to 60 characters or fewer."]}),
        (
            {"name": "Ok", "slug": "not a slug!"},
            {"slug": ["Use only lower-case letters, digits and hyphens in the slug."]},
        ),
        ({"name": "Ok", "color": "red"}, {"color": ["Give the colour as a hex code such as #ff6154."]}),
        ({"name": "Ok", "color": "#12345g"}, {"color": ["Give the colour as a hex code such as #ff6154."]}),
        ({"name": "Ok", "icon": "i" * 41}, {"icon": ["Keep the icon to 40 characters or fewer."]}),
        (
            {"name": "Ok", "description": "d" * 501},
            {"description": ["Keep the description to 500 characters or fewer."]},
        ),
        ({"name": "!!!"}, {"slug": ["The name gives no usable slug; give one made of letters, digits and hyphens."]}),
    ],
)
def test_create_refuses_invalid_input(staff_client: APIClient, body: dict[str, object], errors: object) -> None:
    response = staff_client.post("/api/categories/", body)

    assert response.status_code == 400
    assert response.json() == errors
    assert not Category.objects.exists()


def test_create_refuses_a_taken_name_or_slug(staff_client: APIClient) -> None:
    CategoryFactory.create(name="Design", slug="design")

    same_name = staff_client.post("/api/categories/", {"name": "design", "slug": "other"})
    same_slug = staff_client.post("/api/categories/", {"name": "Graphic Design", "slug": "design"})

    assert (same_name.status_code, same_name.json()) == (400, {"name": ["A category with this name already exists."]})
    assert (same_slug.status_code, same_slug.json()) == (400, {"slug": ["A category with this slug already exists."]})
    assert Category.objects.count() == 1


def test_create_refuses_malformed_json(staff_client: APIClient) -> None:
    response = staff_client.generic("POST", "/api/categories/", "{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["detail"].startswith("The request body could not be read")


def test_create_refuses_a_body_that_is_not_an_object(staff_client: APIClient) -> None:
    response = staff_client.post("/api/categories/", ["Design"])

    assert response.status_code == 400
    assert not Category.objects.exists()


# --- update -------------------------------------------------------------------------------
def test_staff_updates_some_fields(staff_client: APIClient) -> None:
    category = CategoryFactory.create(name="Design", slug="design", color="#000000")

    response = staff_client.patch("/api/categories/design/", {"color": "#ffffff", "slug": "visual-design"})

    assert response.status_code == 200
    category.refresh_from_db()
    assert (category.name, category.slug, category.color) == ("Design", "visual-design", "#ffffff")
    assert response.json() == category_json(category)


def test_update_may_keep_its_own_name(staff_client: APIClient) -> None:
    CategoryFactory.create(name="Design", slug="design")

    response = staff_client.patch("/api/categories/design/", {"name": "Design", "slug": "design"})

    assert response.status_code == 200


def test_update_refuses_the_name_of_another_category(staff_client: APIClient) -> None:
    CategoryFactory.create(name="Design", slug="design")
    CategoryFactory.create(name="Games", slug="games")

    response = staff_client.patch("/api/categories/games/", {"name": "Design"})

    assert response.status_code == 400
    assert response.json() == {"name": ["A category with this name already exists."]}
    assert Category.objects.get(slug="games").name == "Games"


@pytest.mark.parametrize(("client_name", "status_code"), [("api_client", 401), ("user_client", 403)])
def test_only_staff_update(request: pytest.FixtureRequest, client_name: str, status_code: int) -> None:
    CategoryFactory.create(name="Design", slug="design")

    response = request.getfixturevalue(client_name).patch("/api/categories/design/", {"name": "Hacked"})

    assert response.status_code == status_code
    assert Category.objects.get(slug="design").name == "Design"


def test_update_of_an_unknown_slug_is_404(staff_client: APIClient) -> None:
    response = staff_client.patch("/api/categories/nothing/", {"name": "New"})

    assert response.status_code == 404


def test_put_is_not_offered(staff_client: APIClient) -> None:
    CategoryFactory.create(slug="design")

    response = staff_client.put("/api/categories/design/", CATEGORY_BODY)

    assert response.status_code == 405


# --- delete -------------------------------------------------------------------------------
def test_staff_deletes_an_empty_category(staff_client: APIClient) -> None:
    CategoryFactory.create(slug="design")

    response = staff_client.delete("/api/categories/design/")

    assert response.status_code == 204
    assert not Category.objects.exists()


@pytest.mark.parametrize("make_product", [ProductFactory.create, draft_factory])
def test_a_category_with_products_is_not_deleted(staff_client: APIClient, make_product: Callable[..., object]) -> None:
    category = CategoryFactory.create(slug="design")
    make_product(category=category)

    response = staff_client.delete("/api/categories/design/")

    assert response.status_code == 400
    assert response.json() == {
        "detail": "This category still has products. Move them to another category before deleting it."
    }
    assert Category.objects.filter(pk=category.pk).exists()


@pytest.mark.parametrize(("client_name", "status_code"), [("api_client", 401), ("user_client", 403)])
def test_only_staff_delete(request: pytest.FixtureRequest, client_name: str, status_code: int) -> None:
    CategoryFactory.create(slug="design")

    response = request.getfixturevalue(client_name).delete("/api/categories/design/")

    assert response.status_code == status_code
    assert Category.objects.filter(slug="design").exists()
