"""Search behaves the same on PostgreSQL and on SQLite: this suite runs on both."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from categories.tests.factories import CategoryFactory
from conftest import client_for
from products.models import Product, ProductStatus
from products.tests.factories import ProductFactory
from users.models import User
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def search(client: APIClient, **params: str) -> list[str]:
    response = client.get("/api/search/products/", params)
    assert response.status_code == 200, response.content
    return [product["title"] for product in response.json()["results"]]


def test_title_match_outranks_description_match(api_client: APIClient) -> None:
    ProductFactory.create(title="Daily Planner", description="Organise your notion of time.")
    ProductFactory.create(title="Notion", description="All-in-one workspace.")

    assert search(api_client, q="notion") == ["Notion", "Daily Planner"]


def test_tagline_and_tags_outrank_description(api_client: APIClient) -> None:
    ProductFactory.create(title="Alpha", tagline="", description="Built for kanban lovers.")
    ProductFactory.create(title="Beta", tagline="Kanban boards for teams", description="Plain.")

    assert search(api_client, q="kanban") == ["Beta", "Alpha"]


def test_matches_words_being_typed_as_prefixes(api_client: APIClient) -> None:
    ProductFactory.create(title="Linear", tagline="Issue tracking for software teams")

    assert search(api_client, q="softw") == ["Linear"]
    assert search(api_client, q="issue trac") == ["Linear"]


def test_tolerates_typos_when_nothing_matches_exactly(api_client: APIClient) -> None:
    ProductFactory.create(title="Notion Calendar", tagline="Time, together")
    ProductFactory.create(title="Figma", tagline="Design together")

    assert search(api_client, q="notoin") == ["Notion Calendar"]


def test_only_published_visible_products_are_found(api_client: APIClient, user: User) -> None:
    ProductFactory.create(title="Rocket public")
    ProductFactory.create(title="Rocket draft", status=ProductStatus.DRAFT, author=user)
    ProductFactory.create(title="Rocket hidden", is_hidden=True)
    ProductFactory.create(title="Rocket archived", status=ProductStatus.ARCHIVED)

    assert search(client_for(user), q="rocket") == ["Rocket public"]


def test_filters_by_category_and_tag(api_client: APIClient) -> None:
    design = CategoryFactory.create(slug="design")
    ProductFactory.create(title="Pixel one", category=design, tags=["icons"])
    ProductFactory.create(title="Pixel two", tags=["icons"])
    ProductFactory.create(title="Pixel three", category=design, tags=["fonts"])

    assert sorted(search(api_client, q="pixel", category="design")) == ["Pixel one", "Pixel three"]
    assert sorted(search(api_client, q="pixel", tag="ICONS")) == ["Pixel one", "Pixel two"]
    assert search(api_client, q="pixel", category="design", tag="icons") == ["Pixel one"]


def test_orders_by_new_and_top(api_client: APIClient) -> None:
    now = timezone.now()
    ProductFactory.create(title="Chart old popular", published_at=now - timedelta(days=3), upvote_count=50)
    ProductFactory.create(title="Chart new", published_at=now - timedelta(hours=1), upvote_count=1)
    ProductFactory.create(title="Chart middle", published_at=now - timedelta(days=1), upvote_count=7)

    assert search(api_client, q="chart", ordering="new") == ["Chart new", "Chart middle", "Chart old popular"]
    assert search(api_client, q="chart", ordering="top") == ["Chart old popular", "Chart middle", "Chart new"]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({}, "q", "Type something to search for (the q parameter)."),
        ({"q": "   "}, "q", "Type something to search for."),
        ({"q": "x" * 201}, "q", "Keep the search under 200 characters."),
        ({"q": "ok", "ordering": "random"}, "ordering", "Order results by relevance, new or top."),
    ],
)
def test_refuses_bad_queries_with_a_readable_400(
    api_client: APIClient, params: dict[str, str], field: str, message: str
) -> None:
    response = api_client.get("/api/search/products/", params)

    assert response.status_code == 400
    assert response.json() == {field: [message]}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('"unbalanced', ["Unbalanced Scales"]),
        ("a OR", []),
        ("-", []),
        ("NEAR(x y)", ["Near Field Reader"]),  # NEAR is read as the word "near"
        ("col:umn*", ["Column Planner"]),
        ("^*&%$#@!", []),
        ("ü'; DROP TABLE", ["Drop Table Desk"]),
    ],
)
def test_search_syntax_in_user_text_never_breaks_the_query(api_client: APIClient, text: str, found: list[str]) -> None:
    for title in ("Unbalanced Scales", "Near Field Reader", "Column Planner", "Drop Table Desk", "Anything"):
        ProductFactory.create(title=title, tagline="", description="", tags=[])

    response = api_client.get("/api/search/products/", {"q": text})

    assert response.status_code == 200
    assert [item["title"] for item in response.json()["results"]] == found
    assert Product.objects.count() == 5  # the text was read as words, never as a statement


def test_results_carry_highlighted_segments_never_markup(api_client: APIClient) -> None:
    ProductFactory.create(
        title="Focus <b>Timer</b>", tagline="", description="A pomodoro timer that keeps you in flow for hours."
    )

    result = api_client.get("/api/search/products/", {"q": "timer"}).json()["results"][0]

    title_matches = [segment["text"] for segment in result["highlight"]["title"] if segment["match"]]
    snippet_matches = [segment["text"] for segment in result["highlight"]["snippet"] if segment["match"]]
    assert [text.lower() for text in title_matches] == ["timer"]
    assert [text.lower() for text in snippet_matches] == ["timer"]
    assert "".join(segment["text"] for segment in result["highlight"]["title"]) == "Focus <b>Timer</b>"


def test_pages_visit_every_result_once(api_client: APIClient) -> None:
    for index in range(7):
        ProductFactory.create(title=f"Widget {index}", upvote_count=index % 3)

    seen: list[int] = []
    url: str | None = "/api/search/products/?q=widget&page_size=3"
    while url:
        body = api_client.get(url).json()
        seen.extend(product["id"] for product in body["results"])
        url = body["next"]

    assert sorted(seen) == sorted(Product.objects.values_list("id", flat=True))
    assert len(seen) == 7


def test_results_are_full_products_with_the_callers_state(user: User) -> None:
    product = ProductFactory.create(title="Upvoted thing")
    client = client_for(user)
    client.post(f"/api/products/{product.pk}/upvote/")

    result = client.get("/api/search/products/", {"q": "upvoted"}).json()["results"][0]

    assert result["id"] == product.pk
    assert result["has_upvoted"] is True
    assert result["upvote_count"] == 1
    assert result["category"]["slug"] == product.category.slug
    assert result["author"]["username"] == product.author.username


def test_an_edit_is_found_at_once_despite_the_cache(user: User) -> None:
    product = ProductFactory.create(title="Old name", author=user)
    client = client_for(user)
    assert search(client, q="zeppelin") == []

    client.patch(f"/api/products/{product.pk}/", {"title": "Zeppelin"}, format="json")

    assert search(client, q="zeppelin") == ["Zeppelin"]


def test_a_page_costs_a_fixed_number_of_queries(
    api_client: APIClient, django_assert_max_num_queries: pytest.FixtureRequest
) -> None:
    for index in range(25):
        ProductFactory.create(title=f"Gadget {index}")

    with django_assert_max_num_queries(3):  # type: ignore[operator]
        assert len(search(api_client, q="gadget", page_size="20")) == 20
    with django_assert_max_num_queries(3):  # type: ignore[operator]
        assert len(search(api_client, q="gadget", page_size="2")) == 2


def test_a_common_word_is_ranked_among_its_most_upvoted_matches(
    api_client: APIClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from search import selectors

    monkeypatch.setattr(selectors, "SEARCH_RANKED_CANDIDATES", 2)
    ProductFactory.create(title="Popular", description="Made for teams.", upvote_count=50)
    ProductFactory.create(title="Teams", description="Chat.", upvote_count=1)
    ProductFactory.create(title="Liked", description="Teams love it.", upvote_count=20)

    assert search(api_client, q="teams") == ["Liked", "Popular"]  # of the two most upvoted, by relevance
    assert search(api_client, q="teams", ordering="top") == ["Popular", "Liked", "Teams"]


def test_a_search_never_carries_another_callers_upvotes(api_client: APIClient, user: User) -> None:
    product = ProductFactory.create(title="Telescope")
    voter = client_for(user)
    voter.post(f"/api/products/{product.pk}/upvote/")

    mine = voter.get("/api/search/products/", {"q": "telescope"}).json()["results"][0]
    anonymous = api_client.get("/api/search/products/", {"q": "telescope"}).json()["results"][0]
    someone_else = client_for(UserFactory.create()).get("/api/search/products/", {"q": "telescope"}).json()

    assert (mine["has_upvoted"], mine["upvote_count"]) == (True, 1)
    assert (anonymous["has_upvoted"], anonymous["upvote_count"]) == (False, 1)
    assert someone_else["results"][0]["has_upvoted"] is False


def test_a_vote_shows_in_the_results_at_once(api_client: APIClient, user: User) -> None:
    product = ProductFactory.create(title="Periscope")
    assert search(api_client, q="periscope") == ["Periscope"]

    client_for(user).post(f"/api/products/{product.pk}/upvote/")

    assert api_client.get("/api/search/products/", {"q": "periscope"}).json()["results"][0]["upvote_count"] == 1


def test_search_answers_carry_validators_and_revalidate(api_client: APIClient) -> None:
    ProductFactory.create(title="Compass")
    first = api_client.get("/api/search/products/", {"q": "compass"})

    again = api_client.get("/api/search/products/", {"q": "compass"}, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["Cache-Control"] == "public, max-age=1"
    assert again.status_code == 304
