"""`manage.py seed_demo` on a database where the demo cannot go: it says why and adds nothing."""

import io

import pytest
from django.core.management import CommandError, call_command
from pytest_django.fixtures import Settings

from categories.models import Category
from categories.tests.factories import CategoryFactory
from products.models import Product
from uploads.models import Upload
from users.models import User
from users.tests.factories import UserFactory


def _seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_seed_demo_refuses_when_demo_usernames_are_taken() -> None:
    UserFactory.create(username="mateo")
    UserFactory.create(username="ada")

    output = _seed()

    assert output == "The demo cannot be added: these usernames are already taken: ada, mateo.\n"
    assert (User.objects.count(), Category.objects.count(), Product.objects.count(), Upload.objects.count()) == (
        2,
        0,
        0,
        0,
    )


@pytest.mark.django_db
def test_seed_demo_refuses_when_a_category_name_has_another_slug() -> None:
    CategoryFactory.create(name="Design", slug="graphic-design")

    output = _seed()

    assert output == "The demo cannot be added: these category names are used with other slugs: Design.\n"
    assert (User.objects.count(), Product.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_seed_demo_refuses_to_run_in_production(settings: Settings) -> None:
    settings.IS_PRODUCTION = True

    with pytest.raises(CommandError) as refused:
        _seed()

    assert str(refused.value) == (
        "seed_demo does not run in production (DJANGO_ENV=production): it writes demo makers who all sign in "
        "with a password published in the README. Run it against a development or benchmark database."
    )
    assert (User.objects.count(), Category.objects.count(), Product.objects.count(), Upload.objects.count()) == (
        0,
        0,
        0,
        0,
    )
