"""`manage.py generate_data` with small sizes: the rows, their shape and exact counters.

On PostgreSQL (CI) the same tests exercise the COPY path; on SQLite, bulk_create. The command
is called as an object: Vitrin's own settings do not install the benchmark's app.
"""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import F
from django.utils import timezone
from pytest_django.fixtures import Settings

from benchdata.generation import GENERATED_EMAIL_DOMAIN, GENERATED_PASSWORD
from benchdata.management.commands.generate_data import Command as GenerateData
from categories.models import Category
from comments.models import Comment
from demo import catalog
from demo.tests import checks
from notifications.models import Notification
from products.models import Product, ProductStatus, ProductTag, Upvote
from products.tests.factories import ProductFactory, upvote
from users.models import Follow, User
from users.tests.factories import UserFactory

SMALL = ["--users", "30", "--products", "100", "--upvotes", "600", "--comments", "250", "--follows", "120"]


def _generate(*arguments: str) -> str:
    out = io.StringIO()
    call_command(GenerateData(), *arguments, stdout=out)
    return out.getvalue()


def _generated_rows() -> dict[str, int]:
    return {
        "users": User.objects.filter(email__endswith=f"@{GENERATED_EMAIL_DOMAIN}").count(),
        "products": Product.objects.count(),
        "drafts": Product.objects.filter(status=ProductStatus.DRAFT).count(),
        "upvotes": Upvote.objects.count(),
        "comments": Comment.objects.count(),
        "follows": Follow.objects.count(),
    }


@pytest.mark.django_db
def test_generate_data_writes_exactly_the_sizes_asked_for() -> None:
    output = _generate(*SMALL)

    assert _generated_rows() == {
        "users": 30,
        "products": 100,
        "drafts": 3,
        "upvotes": 600,
        "comments": 250,
        "follows": 120,
    }
    assert Category.objects.count() == len(catalog.CATEGORIES)
    assert "30 makers, 100 products (3 drafts)" in output
    assert f"“{GENERATED_PASSWORD}”" in output


@pytest.mark.django_db
def test_generate_data_counters_equal_a_recount_of_the_rows() -> None:
    _generate(*SMALL)

    assert checks.product_counter_mismatches() == []
    assert checks.user_counter_mismatches() == []
    assert checks.category_counter_mismatches() == []
    assert checks.thread_mismatches() == []


@pytest.mark.django_db
def test_generate_data_shapes_votes_threads_and_dates_like_a_real_site() -> None:
    _generate(*SMALL)
    now = timezone.now()
    published = Product.objects.filter(status=ProductStatus.PUBLISHED)
    comments = {comment.pk: comment for comment in Comment.objects.all()}
    votes = sorted(published.values_list("upvote_count", flat=True), reverse=True)

    assert not Upvote.objects.filter(product__status=ProductStatus.DRAFT).exists()
    assert not Comment.objects.filter(product__status=ProductStatus.DRAFT).exists()
    assert sum(votes[:10]) > sum(votes[-10:]) * 3
    assert max(checks.thread_depth(comment, comments) for comment in comments.values()) >= 3
    moments = [moment for moment in published.values_list("published_at", flat=True) if moment is not None]
    assert len(moments) == 97
    assert all(now - timedelta(days=366) < moment <= now for moment in moments)
    assert ProductTag.objects.count() == sum(len(tags) for tags in Product.objects.values_list("tags", flat=True))
    assert all(product.image == "" and product.gallery == [] for product in Product.objects.all())


@pytest.mark.django_db
def test_generate_data_keeps_the_moments_it_chose_without_switching_timestamps_off() -> None:
    with checks.timestamps_switched_off() as switched_off:
        _generate(*SMALL)
    month_ago = timezone.now() - timedelta(days=30)

    assert switched_off == set()
    assert not Upvote.objects.filter(created_at__lt=F("product__published_at")).exists()
    assert not Comment.objects.filter(created_at__lt=F("product__published_at")).exists()
    assert not Comment.objects.exclude(updated_at=F("created_at")).exists()
    for model in (User, Product, Upvote, Comment, Follow):
        assert model.objects.filter(created_at__lt=month_ago).exists(), model.__name__


@pytest.mark.django_db
@pytest.mark.parametrize("arguments", [SMALL, ["--clear-only"]])
def test_generate_data_refuses_to_run_in_production(settings: Settings, arguments: list[str]) -> None:
    UserFactory.create(email=f"maker@{GENERATED_EMAIL_DOMAIN}")
    settings.IS_PRODUCTION = True

    with pytest.raises(CommandError) as refused:
        _generate(*arguments)

    assert str(refused.value) == (
        "generate_data does not run in production (DJANGO_ENV=production): it writes thousands of makers who all "
        "sign in with one published password. Run it against a development or benchmark database."
    )
    assert (User.objects.count(), Product.objects.count(), Category.objects.count()) == (1, 0, 0)


@pytest.mark.django_db
def test_generate_data_makers_never_vote_for_their_own_launch() -> None:
    _generate(*SMALL)

    own_votes = Upvote.objects.filter(user=F("product__author"))

    assert Upvote.objects.count() == 600
    assert not own_votes.exists()


@pytest.mark.django_db
def test_generate_data_is_refused_twice_without_clear() -> None:
    _generate(*SMALL)

    with pytest.raises(CommandError, match=r"^Generated data is already there\. Add --clear to replace it\.$"):
        _generate(*SMALL)

    assert _generated_rows()["products"] == 100


@pytest.mark.django_db
def test_generate_data_clear_replaces_only_generated_rows_and_recounts_the_rest() -> None:
    maker, fan = UserFactory.create(), UserFactory.create()
    product = ProductFactory.create(author=maker)
    upvote(product, fan)
    _generate(*SMALL)
    generated_maker = User.objects.filter(email__endswith=f"@{GENERATED_EMAIL_DOMAIN}").first()
    assert generated_maker is not None
    # A benchmark run that voted for a launch it did not generate.
    Upvote.objects.create(product=product, user=generated_maker)

    output = _generate("--clear", "--users", "10", "--products", "20", "--upvotes", "50", "--comments", "10")

    assert output.startswith("Deleted 30 generated makers and their data")
    assert _generated_rows() == {"users": 10, "products": 21, "drafts": 1, "upvotes": 51, "comments": 10, "follows": 90}
    product.refresh_from_db()
    assert product.upvote_count == 1
    assert checks.product_counter_mismatches() == []
    assert checks.user_counter_mismatches() == []
    assert checks.category_counter_mismatches() == []


@pytest.mark.django_db
def test_generate_data_clear_only_leaves_nothing_generated() -> None:
    _generate(*SMALL)

    output = _generate("--clear-only")

    assert output.startswith("Deleted 30 generated makers and their data")
    assert _generated_rows() == {"users": 0, "products": 0, "drafts": 0, "upvotes": 0, "comments": 0, "follows": 0}
    assert Notification.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--users", "-1"], "--users must be zero or more (got -1)."),
        (
            ["--users", "0", "--products", "5", "--upvotes", "0", "--comments", "0"],
            "Products need makers: give --users 1 or more.",
        ),
        (
            ["--users", "3", "--products", "10", "--upvotes", "100"],
            "100 upvotes do not fit: 10 published products x 2 voters each "
            "(a maker does not vote for their own launch) allow at most 20.",
        ),
        (
            ["--users", "3", "--products", "0", "--upvotes", "0", "--comments", "4"],
            "Comments need at least one published product: give more --products.",
        ),
        (
            ["--users", "3", "--products", "0", "--upvotes", "0", "--comments", "0", "--follows", "7"],
            "7 follows do not fit: 3 makers allow at most 6.",
        ),
    ],
)
def test_generate_data_refuses_sizes_that_cannot_be(arguments: list[str], message: str) -> None:
    with pytest.raises(CommandError) as refused:
        _generate(*arguments)

    assert str(refused.value) == message
    assert (User.objects.count(), Product.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_generate_data_refuses_a_word_where_a_number_belongs() -> None:
    with pytest.raises(CommandError, match="invalid int value: 'many'"):
        _generate("--users", "many")


@pytest.mark.postgres
@pytest.mark.django_db
def test_generate_data_puts_back_every_foreign_key_on_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("The foreign keys are lifted during a load on PostgreSQL only.")
    before = _foreign_keys()

    _generate(*SMALL)
    _generate("--clear", *SMALL)

    assert _foreign_keys() == before
    assert len(before) >= 10


def _foreign_keys() -> list[tuple[str, str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'f' ORDER BY 1, 2"
        )
        return [tuple(row) for row in cursor.fetchall()]
