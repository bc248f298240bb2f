import re
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from categories.models import Category
from categories.tests.factories import CategoryFactory
from conftest import client_for
from core.tests.support import run_at_once, skip_unless_postgres
from products.models import Product, ProductStatus, ProductTag
from products.ranking import hot_score
from products.tests.factories import ProductFactory
from products.tests.support import product_json
from uploads.tests.factories import UploadFactory
from users.models import User
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def launch_body(**overrides: Any) -> dict[str, Any]:
    return {
        "title": "Vitrin",
        "tagline": "Show what you made.",
        "description": "A place to launch.",
        "url": "https://vitrin.example/",
        "category": "developer-tools",
        **overrides,
    }


def test_launch_publishes_the_product(user: User, user_client: APIClient, category: Category) -> None:
    image, first, second = [UploadFactory.create(owner=user).url for _ in range(3)]
    before = timezone.now()

    response = user_client.post(
        "/api/products/",
        launch_body(image=image, gallery=[first, second], tags=[" AI ", "Design", "ai"]),
    )

    assert response.status_code == 201
    product = Product.objects.get()
    assert response.json() == product_json(product)
    assert (product.slug, product.title, product.status, product.author_id) == (
        "vitrin",
        "Vitrin",
        ProductStatus.PUBLISHED,
        user.pk,
    )
    assert (product.image, product.gallery, product.tags) == (image, [first, second], ["ai", "design"])
    assert sorted(ProductTag.objects.filter(product=product).values_list("name", flat=True)) == ["ai", "design"]
    assert product.published_at is not None
    assert product.published_at >= before
    assert product.hot_score == hot_score(upvote_count=0, published_at=product.published_at)
    assert response.json()["category"]["products_count"] == 1
    assert response.json()["author"]["products_count"] == 1


def test_only_the_required_fields(user_client: APIClient, category: Category) -> None:
    response = user_client.post("/api/products/", {"title": "  Tiny  ", "category": "developer-tools"})

    assert response.status_code == 201
    body = response.json()
    assert (body["title"], body["slug"], body["tagline"], body["url"], body["image"]) == ("Tiny", "tiny", "", "", "")
    assert (body["gallery"], body["tags"], body["status"]) == ([], [], "published")


def test_a_draft_is_not_published_nor_counted(user: User, user_client: APIClient, category: Category) -> None:
    response = user_client.post("/api/products/", launch_body(status="draft"))

    assert response.status_code == 201
    product = Product.objects.get()
    assert (product.status, product.published_at, product.hot_score) == (ProductStatus.DRAFT, None, 0.0)
    category.refresh_from_db()
    user.refresh_from_db()
    assert (category.products_count, user.products_count) == (0, 0)


def test_server_owned_fields_are_ignored(
    user: User, user_client: APIClient, other_user: User, category: Category
) -> None:
    response = user_client.post(
        "/api/products/",
        launch_body(
            id=999,
            slug="chosen",
            author=other_user.pk,
            upvote_count=500,
            view_count=500,
            comment_count=500,
            hot_score=1e9,
            is_hidden=True,
            published_at="2001-01-01T00:00:00Z",
            created_at="2001-01-01T00:00:00Z",
            has_upvoted=True,
        ),
    )

    assert response.status_code == 201
    product = Product.objects.get()
    assert product.pk != 999
    assert (product.slug, product.author_id, product.is_hidden) == ("vitrin", user.pk, False)
    assert (product.upvote_count, product.view_count, product.comment_count) == (0, 0, 0)
    assert product.hot_score == hot_score(upvote_count=0, published_at=product.published_at)
    assert product.published_at is not None
    assert product.published_at.year >= 2026
    assert response.json()["has_upvoted"] is False


def test_slugs_stay_unique(user_client: APIClient, category: Category) -> None:
    ProductFactory.create(slug="vitrin-7")
    slugs = [user_client.post("/api/products/", launch_body(title="Vitrin!")).json()["slug"] for _ in range(3)]

    assert slugs == ["vitrin", "vitrin-8", "vitrin-9"]


def test_a_title_without_latin_letters_still_gets_a_slug(user_client: APIClient, category: Category) -> None:
    first = user_client.post("/api/products/", launch_body(title="🚀🚀"))
    second = user_client.post("/api/products/", launch_body(title="ویترین"))

    assert (first.json()["slug"], second.json()["slug"]) == ("product", "product-2")


def test_anonymous_cannot_launch(api_client: APIClient, category: Category) -> None:
    response = api_client.post("/api/products/", launch_body())

    assert response.status_code == 401
    assert not Product.objects.exists()


TOO_LONG_URL = "https://example.com/" + "a" * 481


@pytest.mark.parametrize(
    ("overrides", "errors"),
    [
        ({"title": ""}, {"title": ["Give the product a title."]}),
        ({"title": "   "}, {"title": ["Give the product a title."]}),
        ({"title": "t" * 121}, {"title": ["Keep the title to 120 characters or fewer."]}),
        ({"title": None}, {"title": ["This field may not be null."]}),
        ({"title": 12}, {"title": ["Give the title as text."]}),
        ({"title": ["Vitrin"]}, {"title": ["Give the title as text."]}),
        ({"title": "a\x00b"}, {"title": ["Null characters are not allowed."]}),
        ({"tagline": "t" * 161}, {"tagline": ["Keep the tagline to 160 characters or fewer."]}),
        ({"tagline": True}, {"tagline": ["Give the tagline as text."]}),
        ({"description": "d" * 10001}, {"description": ["Keep the description to 10,000 characters or fewer."]}),
        ({"url": "ftp://example.com/file"}, {"url": ["Enter a full web address starting with http:// or https://."]}),
        ({"url": "javascript:alert(1)"}, {"url": ["Enter a full web address starting with http:// or https://."]}),
        ({"url": "example.com"}, {"url": ["Enter a full web address starting with http:// or https://."]}),
        ({"url": TOO_LONG_URL}, {"url": ["Keep the web address to 500 characters or fewer."]}),
        ({"url": {"href": "https://x.io"}}, {"url": ["Give the web address as text."]}),
        ({"category": "nothing"}, {"category": ["There is no category with the slug “nothing”."]}),
        ({"category": 3}, {"category": ["Give the category as its slug, a string such as “developer-tools”."]}),
        ({"category": ""}, {"category": ["Choose a category (give its slug)."]}),
        (
            {"status": "archived"},
            {"status": ["A new product is either a draft or published; archive it later if you need to."]},
        ),
        (
            {"status": "live"},
            {"status": ["A new product is either a draft or published; archive it later if you need to."]},
        ),
        (
            {"status": ["draft"]},
            {"status": ["A new product is either a draft or published; archive it later if you need to."]},
        ),
        ({"tags": "ai, design"}, {"tags": ["Give the tags as a list of strings."]}),
        ({"tags": [1, 2]}, {"tags": ["Each tag must be a string."]}),
        ({"tags": ["ok", "  "]}, {"tags": ["A tag cannot be empty."]}),
        ({"tags": ["t" * 31]}, {"tags": [f"Each tag must be at most 30 characters; “{'t' * 31}” is longer."]}),
        ({"tags": [f"tag{n}" for n in range(11)]}, {"tags": ["Give at most 10 tags, not 11."]}),
        ({"tags": ["a\x00"]}, {"tags": ["A tag cannot contain the null character."]}),
        ({"tags": None}, {"tags": ["This field may not be null."]}),
        ({"gallery": "https://x.io/a.png"}, {"gallery": ["Give the gallery images as a list of strings."]}),
        ({"gallery": [1, 2]}, {"gallery": ["Each gallery image must be a string."]}),
        ({"gallery": {"0": "a"}}, {"gallery": ["Give the gallery images as a list of strings."]}),
        ({"image": 5}, {"image": ["Give the image as the URL returned by /api/uploads/."]}),
    ],
)
def test_launch_refuses_invalid_input(
    user_client: APIClient, category: Category, overrides: dict[str, Any], errors: dict[str, list[str]]
) -> None:
    response = user_client.post("/api/products/", launch_body(**overrides))

    assert response.status_code == 400
    assert response.json() == errors
    assert not Product.objects.exists()


def test_title_and_category_are_required(user_client: APIClient) -> None:
    response = user_client.post("/api/products/", {})

    assert response.status_code == 400
    assert response.json() == {
        "title": ["Give the product a title."],
        "category": ["Choose a category (give its slug)."],
    }


def test_the_limits_themselves_are_accepted(user: User, user_client: APIClient, category: Category) -> None:
    gallery = [UploadFactory.create(owner=user).url for _ in range(10)]
    tags = [f"{n:02d}" + "t" * 28 for n in range(10)]

    response = user_client.post(
        "/api/products/", launch_body(title="t" * 120, tagline="g" * 160, gallery=gallery, tags=tags)
    )

    assert response.status_code == 201
    assert (len(response.json()["title"]), response.json()["gallery"], response.json()["tags"]) == (120, gallery, tags)


def test_more_than_ten_gallery_images_are_refused(user: User, user_client: APIClient, category: Category) -> None:
    gallery = [UploadFactory.create(owner=user).url for _ in range(11)]

    response = user_client.post("/api/products/", launch_body(gallery=gallery))

    assert response.status_code == 400
    assert response.json() == {"gallery": ["Give at most 10 gallery images, not 11."]}


def test_images_must_be_the_callers_uploads(
    user: User, other_user: User, user_client: APIClient, category: Category
) -> None:
    mine, theirs = UploadFactory.create(owner=user).url, UploadFactory.create(owner=other_user).url

    response = user_client.post(
        "/api/products/",
        launch_body(image="https://elsewhere.example/x.png", gallery=[mine, theirs]),
    )

    assert response.status_code == 400
    assert response.json() == {
        "image": ["Upload the image through /api/uploads/ first, then send the URL it returned."],
        "gallery": [
            "Upload every gallery image through /api/uploads/ first, then send the URLs it returned. "
            f"Not uploaded by you: {theirs}."
        ],
    }
    assert not Product.objects.exists()


def test_malformed_json_is_refused(user_client: APIClient, category: Category) -> None:
    response = user_client.generic("POST", "/api/products/", '{"title": "Vitrin",', content_type="application/json")

    assert response.status_code == 400
    assert response.json()["detail"].startswith("The request body could not be read")


def test_a_body_that_is_not_an_object_is_refused(user_client: APIClient, category: Category) -> None:
    response = user_client.post("/api/products/", ["Vitrin"])

    assert response.status_code == 400
    assert not Product.objects.exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_launches_of_one_title_get_distinct_slugs() -> None:
    skip_unless_postgres()
    category = CategoryFactory.create(slug="developer-tools")
    clients = [client_for(UserFactory.create()) for _ in range(8)]

    def launch(client: APIClient) -> Callable[[], int]:
        return lambda: client.post("/api/products/", launch_body(title="Same Title")).status_code

    statuses = run_at_once([launch(client) for client in clients])

    assert statuses == [201] * 8
    slugs = list(Product.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == 8
    assert "same-title" in slugs
    assert all(re.fullmatch(r"same-title(-[0-9a-f]+)?", slug) for slug in slugs)
    category.refresh_from_db()
    assert category.products_count == 8
