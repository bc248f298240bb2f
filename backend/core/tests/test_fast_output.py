"""The compiled serializers (core/fast_output.py) give exactly what DRF gives, for every
serializer the API compiles."""

from typing import Any

import orjson
import pytest
from rest_framework import serializers

from core.fast_output import compile_output
from products.apis import product_output
from products.models import Product, Upvote
from products.selectors import product_list_queryset
from products.serializers import ProductSerializer
from products.tests.factories import ProductFactory
from search.apis import search_result_output
from search.selectors import ProductSearch, highlight_annotations
from search.serializers import ProductSearchResultSerializer
from uploads.tests.factories import UploadFactory
from users.models import Follow, User

pytestmark = pytest.mark.django_db


def as_json(data: Any) -> Any:
    return orjson.loads(orjson.dumps(data))


@pytest.fixture
def products(user: User) -> list[Product]:
    """Products with every field filled, one of them upvoted by `user`, whose maker `user` follows."""
    rich = ProductFactory.create(title="Lamp", tags=["light", "desk"], description="A lamp for night owls.")
    Product.objects.filter(pk=rich.pk).update(
        image=UploadFactory.create(owner=rich.author).url,
        gallery=[UploadFactory.create(owner=rich.author).url],
        view_count=7,
        comment_count=2,
    )
    Upvote.objects.create(product=rich, user=user)
    Follow.objects.create(follower=user, followee=rich.author)
    plain = ProductFactory.create(title="Lamp shade", tagline="", description="")
    return [rich, plain]


@pytest.mark.parametrize("viewer", ["anonymous", "signed_in"])
def test_compiled_products_are_what_drf_gives(user: User, products: list[Product], viewer: str) -> None:
    from django.contrib.auth.models import AnonymousUser

    caller = user if viewer == "signed_in" else AnonymousUser()
    loaded = list(product_list_queryset(viewer=caller).filter(pk__in=[p.pk for p in products]).order_by("id"))

    compiled = [product_output(product) for product in loaded]

    assert as_json(compiled) == as_json(ProductSerializer(loaded, many=True).data)
    assert compiled[0]["has_upvoted"] is (viewer == "signed_in")


def test_compiled_search_results_are_what_drf_gives(user: User, products: list[Product]) -> None:
    search = ProductSearch(text="lamp")
    loaded = list(
        product_list_queryset(viewer=user)
        .filter(pk__in=[p.pk for p in products])
        .annotate(**highlight_annotations(search))
        .order_by("id")
    )

    compiled = [search_result_output(product) for product in loaded]

    assert as_json(compiled) == as_json(ProductSearchResultSerializer(loaded, many=True).data)
    assert compiled[0]["highlight"]["title"][0] == {"text": "Lamp", "match": True}


def test_a_serializer_with_its_own_representation_needs_to_say_what_it_does() -> None:
    class Shouting(serializers.Serializer[Any]):
        name = serializers.CharField()

        def to_representation(self, instance: Any) -> Any:
            return {"name": instance.name.upper()}

    with pytest.raises(TypeError, match="overrides to_representation"):
        compile_output(Shouting())


def test_a_missing_related_object_is_null_as_in_drf() -> None:
    class Named(serializers.Serializer[Any]):
        name = serializers.CharField()

    class Holder(serializers.Serializer[Any]):
        inner = Named(allow_null=True)
        inner_name = serializers.CharField(source="inner.name", allow_null=True)

    class Empty:
        inner = None

    assert compile_output(Holder())(Empty()) == Holder(Empty()).data == {"inner": None, "inner_name": None}
