from typing import Any

import pytest
from pytest_django import DjangoAssertNumQueries
from rest_framework.test import APIClient

from categories.models import Category
from categories.tests.factories import CategoryFactory
from products.models import Product, ProductStatus, ProductTag
from products.ranking import hot_score
from products.services import product_view_counts_flush
from products.tests.factories import ProductFactory, draft_factory
from products.tests.support import product_json
from uploads.tests.factories import UploadFactory
from users.models import User

pytestmark = pytest.mark.django_db


def counts(product: Product) -> tuple[int, int]:
    """(the category's products_count, the author's products_count) as stored."""
    product.category.refresh_from_db()
    product.author.refresh_from_db()
    return product.category.products_count, product.author.products_count


def launch(client: APIClient, **body: Any) -> Product:
    response = client.post("/api/products/", {"title": "Vitrin", "category": "developer-tools", **body})
    assert response.status_code == 201, response.json()
    return Product.objects.select_related("category", "author").get(pk=response.json()["id"])


# --- GET ----------------------------------------------------------------------------------
def test_anybody_reads_a_published_product_and_counts_a_view(api_client: APIClient) -> None:
    product = ProductFactory.create(view_count=41)

    response = api_client.get(f"/api/products/{product.pk}/")
    flushed = product_view_counts_flush()

    assert response.status_code == 200
    assert response.json()["view_count"] == 41  # the database's count: views are written in batches
    assert flushed == 1
    assert response.json() == {**product_json(product), "view_count": 41}


def test_every_viewer_counts_once(api_client: APIClient, user_client: APIClient) -> None:
    product = ProductFactory.create()

    api_client.get(f"/api/products/{product.pk}/")
    user_client.get(f"/api/products/{product.pk}/")
    api_client.get(f"/api/products/{product.pk}/")
    user_client.get(f"/api/products/{product.pk}/")
    product_view_counts_flush()

    product.refresh_from_db()
    assert product.view_count == 2


def test_reading_runs_a_fixed_number_of_queries(
    user_client: APIClient, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    product = ProductFactory.create()

    with django_assert_num_queries(3):  # the caller, the product, their upvote and follow
        user_client.get(f"/api/products/{product.pk}/")


def test_a_draft_is_seen_by_its_author_alone(
    user: User, user_client: APIClient, other_client: APIClient, staff_client: APIClient, api_client: APIClient
) -> None:
    product = ProductFactory.create(author=user, status=ProductStatus.DRAFT)

    answers = [
        client.get(f"/api/products/{product.pk}/").status_code for client in (api_client, other_client, staff_client)
    ]
    mine = user_client.get(f"/api/products/{product.pk}/")

    product_view_counts_flush()

    assert answers == [404, 404, 404]
    assert mine.status_code == 200
    product.refresh_from_db()
    assert product.view_count == 1  # refused reads count nothing


@pytest.mark.parametrize("hidden_state", [{"status": ProductStatus.ARCHIVED}, {"is_hidden": True}])
def test_an_unlisted_product_is_seen_by_its_author_and_staff_only(
    user: User,
    user_client: APIClient,
    other_client: APIClient,
    staff_client: APIClient,
    api_client: APIClient,
    hidden_state: dict[str, Any],
) -> None:
    product = ProductFactory.create(author=user, **hidden_state)

    answers = [client.get(f"/api/products/{product.pk}/").status_code for client in (api_client, other_client)]
    mine = user_client.get(f"/api/products/{product.pk}/")
    staff = staff_client.get(f"/api/products/{product.pk}/")

    product_view_counts_flush()

    assert answers == [404, 404]
    assert (mine.status_code, staff.status_code) == (200, 200)
    product.refresh_from_db()
    assert product.view_count == 2  # refused reads count nothing


@pytest.mark.parametrize("product_id", ["987654", "9223372036854775807"])
def test_an_unknown_product_is_404(api_client: APIClient, product_id: str) -> None:
    response = api_client.get(f"/api/products/{product_id}/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


# --- PATCH --------------------------------------------------------------------------------
def test_the_author_edits_the_product(user: User, user_client: APIClient, category: Category) -> None:
    product = launch(user_client, tags=["old", "kept"])
    image = UploadFactory.create(owner=user).url
    design = CategoryFactory.create(slug="design")

    response = user_client.patch(
        f"/api/products/{product.pk}/",
        {"title": " New title ", "tagline": "Better.", "image": image, "tags": ["Kept", "new"], "category": "design"},
    )

    assert response.status_code == 200
    product.refresh_from_db()
    assert (product.title, product.tagline, product.image, product.tags) == (
        "New title",
        "Better.",
        image,
        ["kept", "new"],
    )
    assert product.slug == "vitrin"  # links stay valid
    assert sorted(ProductTag.objects.filter(product=product).values_list("name", flat=True)) == ["kept", "new"]
    assert product.category_id == design.pk
    assert response.json() == product_json(product)


def test_an_empty_patch_changes_nothing(user_client: APIClient, category: Category) -> None:
    product = launch(user_client)

    response = user_client.patch(f"/api/products/{product.pk}/", {})

    assert response.status_code == 200
    assert response.json() == product_json(product)


def test_patch_ignores_server_owned_fields(user_client: APIClient, category: Category, other_user: User) -> None:
    product = launch(user_client)
    before = product_json(product)

    response = user_client.patch(
        f"/api/products/{product.pk}/",
        {"upvote_count": 9, "view_count": 9, "slug": "mine", "author": other_user.pk, "is_hidden": True, "id": 1},
    )

    assert response.status_code == 200
    after = product_json(product)
    assert {key: after[key] for key in after if key != "updated_at"} == {
        key: before[key] for key in before if key != "updated_at"
    }


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"title": ""}, {"title": ["Give the product a title."]}),
        ({"title": "t" * 121}, {"title": ["Keep the title to 120 characters or fewer."]}),
        ({"url": "ftp://x.io"}, {"url": ["Enter a full web address starting with http:// or https://."]}),
        ({"tags": "one"}, {"tags": ["Give the tags as a list of strings."]}),
        ({"category": "nothing"}, {"category": ["There is no category with the slug “nothing”."]}),
        ({"status": "gone"}, {"status": ["Choose a status among draft, published and archived."]}),
        (
            {"image": "https://elsewhere.example/x.png"},
            {"image": ["Upload the image through /api/uploads/ first, then send the URL it returned."]},
        ),
    ],
)
def test_patch_validates_like_create(
    user_client: APIClient, category: Category, body: dict[str, Any], errors: dict[str, list[str]]
) -> None:
    product = launch(user_client)
    before = product_json(product)

    response = user_client.patch(f"/api/products/{product.pk}/", body)

    assert response.status_code == 400
    assert response.json() == errors
    assert product_json(product) == before


def test_patch_refuses_malformed_json(user_client: APIClient, category: Category) -> None:
    product = launch(user_client)

    response = user_client.generic("PATCH", f"/api/products/{product.pk}/", "{", content_type="application/json")

    assert response.status_code == 400


def test_another_user_cannot_edit(other_client: APIClient, user_client: APIClient, category: Category) -> None:
    product = launch(user_client)

    response = other_client.patch(f"/api/products/{product.pk}/", {"title": "Mine now"})

    assert response.status_code == 403
    assert response.json() == {"detail": "Only the author can change this."}
    product.refresh_from_db()
    assert product.title == "Vitrin"


def test_staff_cannot_edit_either(staff_client: APIClient, user_client: APIClient, category: Category) -> None:
    product = launch(user_client)

    response = staff_client.patch(f"/api/products/{product.pk}/", {"title": "Moderated"})

    assert response.status_code == 403


def test_anonymous_cannot_edit(api_client: APIClient, user_client: APIClient, category: Category) -> None:
    product = launch(user_client)

    response = api_client.patch(f"/api/products/{product.pk}/", {"title": "Anon"})

    assert response.status_code == 401


def test_another_users_draft_is_404_to_edit(other_client: APIClient, user: User) -> None:
    draft = draft_factory(author=user)

    assert other_client.patch(f"/api/products/{draft.pk}/", {"title": "x"}).status_code == 404
    assert other_client.patch("/api/products/987654/", {"title": "x"}).status_code == 404


# --- status transitions and the counts ----------------------------------------------------
def test_publishing_a_draft_sets_published_at_once_and_counts_it(user_client: APIClient, category: Category) -> None:
    product = launch(user_client, status="draft")
    assert counts(product) == (0, 0)

    published = user_client.patch(f"/api/products/{product.pk}/", {"status": "published"})
    product.refresh_from_db()
    first_published_at = product.published_at
    assert published.status_code == 200
    assert first_published_at is not None
    assert product.hot_score == hot_score(upvote_count=0, published_at=first_published_at)
    assert counts(product) == (1, 1)

    user_client.patch(f"/api/products/{product.pk}/", {"status": "draft"})
    product.refresh_from_db()
    assert (product.status, product.hot_score, product.published_at) == ("draft", 0.0, first_published_at)
    assert counts(product) == (0, 0)

    user_client.patch(f"/api/products/{product.pk}/", {"status": "published"})
    product.refresh_from_db()
    assert product.published_at == first_published_at
    assert counts(product) == (1, 1)


def test_archiving_takes_the_product_out_of_lists_and_counts(
    user_client: APIClient, api_client: APIClient, category: Category
) -> None:
    product = launch(user_client)

    response = user_client.patch(f"/api/products/{product.pk}/", {"status": "archived"})

    assert response.status_code == 200
    assert response.json()["status"] == "archived"
    assert counts(product) == (0, 0)
    assert api_client.get("/api/products/").json()["results"] == []
    assert api_client.get(f"/api/products/{product.pk}/").status_code == 404


def test_a_draft_never_published_cannot_be_archived(user_client: APIClient, category: Category) -> None:
    product = launch(user_client, status="draft")

    response = user_client.patch(f"/api/products/{product.pk}/", {"status": "archived"})

    assert response.status_code == 400
    assert response.json() == {
        "status": ["Only a product that was published can be archived. Delete the draft instead."]
    }
    product.refresh_from_db()
    assert product.status == ProductStatus.DRAFT


def test_moving_a_published_product_moves_its_count(user_client: APIClient, category: Category) -> None:
    product = launch(user_client)
    design = CategoryFactory.create(slug="design")

    user_client.patch(f"/api/products/{product.pk}/", {"category": "design"})

    category.refresh_from_db()
    design.refresh_from_db()
    assert (category.products_count, design.products_count) == (0, 1)
    product.author.refresh_from_db()
    assert product.author.products_count == 1


def test_moving_and_unpublishing_at_once(user_client: APIClient, category: Category) -> None:
    product = launch(user_client)
    design = CategoryFactory.create(slug="design")

    user_client.patch(f"/api/products/{product.pk}/", {"category": "design", "status": "draft"})

    category.refresh_from_db()
    design.refresh_from_db()
    product.author.refresh_from_db()
    assert (category.products_count, design.products_count, product.author.products_count) == (0, 0, 0)


def test_publishing_keeps_the_votes_in_the_hot_score(user_client: APIClient, category: Category) -> None:
    product = launch(user_client, status="draft")
    user_client.post(f"/api/products/{product.pk}/upvote/")  # an author may upvote their own draft

    user_client.patch(f"/api/products/{product.pk}/", {"status": "published"})

    product.refresh_from_db()
    assert product.upvote_count == 1
    assert product.hot_score == hot_score(upvote_count=1, published_at=product.published_at)


def test_a_counter_that_drifted_never_goes_below_zero(user: User, user_client: APIClient) -> None:
    product = ProductFactory.create(author=user)  # written directly: nothing counted it

    response = user_client.patch(f"/api/products/{product.pk}/", {"status": "draft"})

    assert response.status_code == 200
    assert counts(product) == (0, 0)


# --- DELETE -------------------------------------------------------------------------------
def test_the_author_deletes_the_product_and_its_count(user_client: APIClient, category: Category) -> None:
    product = launch(user_client, tags=["ai"])
    launch(user_client, title="Second")

    response = user_client.delete(f"/api/products/{product.pk}/")

    assert response.status_code == 204
    assert not Product.objects.filter(pk=product.pk).exists()
    assert not ProductTag.objects.filter(product_id=product.pk).exists()
    assert counts(Product.objects.get()) == (1, 1)


def test_deleting_a_draft_leaves_the_counts(user_client: APIClient, category: Category) -> None:
    launch(user_client)
    draft = launch(user_client, status="draft")

    user_client.delete(f"/api/products/{draft.pk}/")

    assert counts(Product.objects.get()) == (1, 1)


def test_staff_delete_any_product(staff_client: APIClient, user_client: APIClient, category: Category) -> None:
    product = launch(user_client)

    response = staff_client.delete(f"/api/products/{product.pk}/")

    assert response.status_code == 204
    category.refresh_from_db()
    assert category.products_count == 0


def test_another_user_cannot_delete(other_client: APIClient, user_client: APIClient, category: Category) -> None:
    product = launch(user_client)

    response = other_client.delete(f"/api/products/{product.pk}/")

    assert response.status_code == 403
    assert Product.objects.filter(pk=product.pk).exists()
    assert counts(product) == (1, 1)


def test_anonymous_cannot_delete(api_client: APIClient, user_client: APIClient, category: Category) -> None:
    product = launch(user_client)

    assert api_client.delete(f"/api/products/{product.pk}/").status_code == 401
    assert Product.objects.filter(pk=product.pk).exists()


def test_deleting_another_users_draft_or_an_unknown_product_is_404(other_client: APIClient, user: User) -> None:
    draft = draft_factory(author=user)

    assert other_client.delete(f"/api/products/{draft.pk}/").status_code == 404
    assert other_client.delete("/api/products/987654/").status_code == 404
    assert Product.objects.filter(pk=draft.pk).exists()


def test_put_is_not_offered(user_client: APIClient, category: Category) -> None:
    product = launch(user_client)

    assert (
        user_client.put(f"/api/products/{product.pk}/", {"title": "x", "category": "developer-tools"}).status_code
        == 405
    )
