import pytest

from categories.models import Category
from categories.tests.factories import CategoryFactory


@pytest.fixture
def category(db: None) -> Category:
    return CategoryFactory.create(name="Developer Tools", slug="developer-tools")
