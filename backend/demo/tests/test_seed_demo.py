"""`manage.py seed_demo` on an empty database.

Seeding draws about a hundred and fifty images, so the module seeds once (committed, in a media
folder of its own) and every test reads that site inside its own rolled-back transaction; the
demo rows are deleted when the module ends.
"""

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db.models import F
from django.test import override_settings
from django.utils import timezone
from PIL import Image
from pytest_django.fixtures import Settings
from pytest_django.plugin import DjangoDbBlocker
from rest_framework.test import APIClient

from categories.models import Category
from comments.models import Comment
from conftest import client_for
from demo import catalog
from demo.tests import checks
from notifications.models import Notification, NotificationVerb
from products.models import Product, ProductStatus, ProductTag, Upvote
from uploads.models import Upload
from uploads.selectors import upload_urls_unknown
from users.models import Follow, User

# What seed 2024 plans; a change of catalog.json, seeding.py or planning.py changes these on purpose.
EXPECTED_ROWS = {
    "categories": 10,
    "users": 24,
    "products": 70,
    "drafts": 5,
}
EXPECTED_ACTIVITY = {"uploads": 136, "upvotes": 762, "comments": 271, "follows": 124, "notifications": 1155}


@dataclass(frozen=True)
class SeededSite:
    output: str
    media_root: Path
    timestamps_switched_off: frozenset[str]


def _call(command: str) -> str:
    out = io.StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


def _row_counts() -> dict[str, int]:
    return {
        "categories": Category.objects.count(),
        "users": User.objects.count(),
        "products": Product.objects.count(),
        "tags": ProductTag.objects.count(),
        "uploads": Upload.objects.count(),
        "upvotes": Upvote.objects.count(),
        "comments": Comment.objects.count(),
        "follows": Follow.objects.count(),
        "notifications": Notification.objects.count(),
    }


@pytest.fixture(scope="module")
def site(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SeededSite]:
    media_root = tmp_path_factory.mktemp("demo-media")
    with override_settings(MEDIA_ROOT=media_root), django_db_blocker.unblock():
        with checks.timestamps_switched_off() as switched_off:
            output = _call("seed_demo")
        try:
            yield SeededSite(output=output, media_root=media_root, timestamps_switched_off=frozenset(switched_off))
        finally:
            User.objects.filter(email__endswith=f"@{catalog.DEMO_EMAIL_DOMAIN}").delete()
            Category.objects.filter(slug__in=[spec.slug for spec in catalog.CATEGORIES]).delete()


@pytest.mark.django_db
def test_seed_demo_builds_categories_makers_and_two_weeks_of_launches(site: SeededSite) -> None:
    categories = list(Category.objects.all())
    users = list(User.objects.all())
    published = list(Product.objects.filter(status=ProductStatus.PUBLISHED))
    drafts = list(Product.objects.filter(status=ProductStatus.DRAFT))

    assert len(categories) == EXPECTED_ROWS["categories"]
    assert len({category.color for category in categories}) == len(categories)
    assert all(category.icon and category.description for category in categories)
    assert len(users) == EXPECTED_ROWS["users"]
    assert all(user.bio and user.website and user.avatar for user in users)
    assert len(published) + len(drafts) == EXPECTED_ROWS["products"]
    assert len(drafts) == EXPECTED_ROWS["drafts"]
    assert all(draft.published_at is None and draft.hot_score == 0 for draft in drafts)
    assert all(product.image and product.tags and product.url.startswith("https://") for product in published)
    today = timezone.now().date()
    launches_per_day = {today - timedelta(days=days): 0 for days in range(14)}
    for product in published:
        assert product.published_at is not None
        launches_per_day[product.published_at.date()] += 1
    assert min(launches_per_day.values()) >= 3
    assert ProductTag.objects.count() == sum(len(product.tags) for product in published + drafts)
    assert {name: count for name, count in _row_counts().items() if name in EXPECTED_ACTIVITY} == EXPECTED_ACTIVITY


@pytest.mark.django_db
def test_seed_demo_prints_the_demo_login(site: SeededSite) -> None:
    demo = User.objects.get(username=catalog.DEMO_USERNAME)

    assert "Demo data added" in site.output
    assert f"“{catalog.DEMO_USERNAME}”" in site.output
    assert f"“{catalog.DEMO_PASSWORD}”" in site.output
    assert demo.check_password(catalog.DEMO_PASSWORD)


@pytest.mark.django_db
def test_seed_demo_run_again_changes_nothing(site: SeededSite) -> None:
    before = _row_counts()

    output = _call("seed_demo")

    assert output == f"The demo data is already there (the user “{catalog.DEMO_USERNAME}” exists). Nothing to do.\n"
    assert _row_counts() == before


@pytest.mark.django_db
def test_seed_demo_keeps_its_history_without_switching_timestamps_off(site: SeededSite) -> None:
    day_ago = timezone.now() - timedelta(days=1)

    assert site.timestamps_switched_off == frozenset()
    assert not Upvote.objects.filter(created_at__lt=F("product__published_at")).exists()
    assert not Comment.objects.filter(created_at__lt=F("product__published_at")).exists()
    assert not Comment.objects.exclude(updated_at=F("created_at")).exists()
    assert not Product.objects.filter(status=ProductStatus.PUBLISHED).exclude(updated_at=F("published_at")).exists()
    for model in (Category, User, Upload, Product, Upvote, Comment, Follow, Notification):
        assert model.objects.filter(created_at__lt=day_ago).exists(), model.__name__


@pytest.mark.django_db
def test_seed_demo_counters_equal_a_recount_of_the_rows(site: SeededSite) -> None:
    assert checks.product_counter_mismatches() == []
    assert checks.user_counter_mismatches() == []
    assert checks.category_counter_mismatches() == []
    assert sum(category.products_count for category in Category.objects.all()) == 65


@pytest.mark.django_db
def test_seed_demo_threads_have_replies_three_deep_with_their_root(site: SeededSite) -> None:
    comments = {comment.pk: comment for comment in Comment.objects.all()}

    depths = [checks.thread_depth(comment, comments) for comment in comments.values()]

    assert checks.thread_mismatches() == []
    assert max(depths) == 3
    assert depths.count(1) < len(depths)
    assert not Comment.objects.filter(product__status=ProductStatus.DRAFT).exists()
    assert not Upvote.objects.filter(product__status=ProductStatus.DRAFT).exists()


@pytest.mark.django_db
def test_seed_demo_votes_make_hot_top_and_new_differ(site: SeededSite) -> None:
    published = Product.objects.filter(status=ProductStatus.PUBLISHED)

    hot = list(published.order_by("-hot_score", "-id").values_list("id", flat=True)[:10])
    top = list(published.order_by("-upvote_count", "-id").values_list("id", flat=True)[:10])
    new = list(published.order_by("-published_at", "-id").values_list("id", flat=True)[:10])

    assert hot != top
    assert hot != new
    assert len(set(published.values_list("upvote_count", flat=True))) >= 10


@pytest.mark.django_db
def test_seed_demo_images_are_uploads_of_their_makers(site: SeededSite, settings: Settings) -> None:
    settings.MEDIA_ROOT = site.media_root
    products = list(Product.objects.select_related("author"))
    uploads = {upload.url: upload for upload in Upload.objects.all()}

    for product in products:
        assert upload_urls_unknown(owner=product.author, urls=[product.image, *product.gallery]) == []
    for user in User.objects.all():
        assert upload_urls_unknown(owner=user, urls=[user.avatar]) == []
    assert sum(1 for product in products if product.gallery) >= 10
    for upload in uploads.values():
        with default_storage.open(upload.file.name) as stored, Image.open(stored) as image:
            assert (image.format, image.size) == ("JPEG", (upload.width, upload.height))
        assert default_storage.size(upload.file.name) == upload.size
        assert upload.size < 200_000
    covers = {uploads[product.image].width for product in products}
    assert covers == {1200}


@pytest.mark.django_db
def test_seed_demo_notifications_tell_what_happened(site: SeededSite) -> None:
    demo = User.objects.get(username=catalog.DEMO_USERNAME)
    by_verb = {verb: Notification.objects.filter(verb=verb).count() for verb in NotificationVerb}
    top_level = Comment.objects.filter(parent__isnull=True).select_related("product")
    replies = Comment.objects.filter(parent__isnull=False).select_related("parent")

    assert by_verb[NotificationVerb.UPVOTE] == Upvote.objects.count()
    assert by_verb[NotificationVerb.FOLLOW] == Follow.objects.count()
    assert by_verb[NotificationVerb.COMMENT] == sum(1 for c in top_level if c.author_id != c.product.author_id)
    assert by_verb[NotificationVerb.REPLY] == sum(
        1 for c in replies if c.parent is not None and c.author_id != c.parent.author_id
    )
    assert not Notification.objects.filter(recipient=F("actor")).exists()
    assert set(Notification.objects.filter(recipient=demo).values_list("verb", flat=True)) == set(NotificationVerb)
    assert Notification.objects.filter(recipient=demo, read=False).count() >= 5


@pytest.mark.django_db
def test_seed_demo_login_and_pages_work_through_the_api(site: SeededSite, api_client: APIClient) -> None:
    login = api_client.post(
        "/api/auth/login/", {"username": catalog.DEMO_USERNAME, "password": catalog.DEMO_PASSWORD}, format="json"
    )
    demo_client = client_for(User.objects.get(username=catalog.DEMO_USERNAME))

    hot = api_client.get("/api/products/?page_size=5").json()["results"]
    notifications = demo_client.get("/api/notifications/").json()["results"]

    assert login.status_code == 200
    assert login.json()["user"]["username"] == catalog.DEMO_USERNAME
    assert [product["id"] for product in hot] == list(
        Product.objects.filter(status=ProductStatus.PUBLISHED)
        .order_by("-hot_score", "-id")
        .values_list("id", flat=True)[:5]
    )
    assert all(product["image"] and product["upvote_count"] >= 0 for product in hot)
    assert len(notifications) == 20


@pytest.mark.django_db
def test_seed_demo_images_are_accepted_by_the_api_as_the_makers_uploads(site: SeededSite) -> None:
    published = Product.objects.filter(status=ProductStatus.PUBLISHED).select_related("author").order_by("id")
    product = next(product for product in published if product.gallery)
    maker = client_for(product.author)
    stranger = client_for(User.objects.exclude(pk=product.author_id).order_by("id")[0])

    as_avatar = maker.patch("/api/auth/me/", {"avatar": product.image}, format="json")
    reordered = maker.patch(f"/api/products/{product.pk}/", {"gallery": list(reversed(product.gallery))}, format="json")
    borrowed = stranger.patch("/api/auth/me/", {"avatar": product.image}, format="json")

    assert as_avatar.status_code == 200
    assert reordered.status_code == 200
    assert reordered.json()["gallery"] == list(reversed(product.gallery))
    assert borrowed.status_code == 400
