from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from products.models import Product
from products.serializers import ProductSerializer
from search.selectors import SEARCH_ORDERINGS, split_highlight


class ProductSearchParamsSerializer(serializers.Serializer[Any]):
    q = serializers.CharField(
        max_length=200,
        trim_whitespace=True,
        error_messages={
            "blank": "Type something to search for.",
            "required": "Type something to search for (the q parameter).",
            "max_length": "Keep the search under 200 characters.",
        },
    )
    category = serializers.SlugField(required=False, max_length=60)
    tag = serializers.CharField(required=False, max_length=30)
    ordering = serializers.ChoiceField(
        choices=SEARCH_ORDERINGS,
        default="relevance",
        error_messages={"invalid_choice": "Order results by relevance, new or top."},
    )


class SuggestParamsSerializer(serializers.Serializer[Any]):
    q = serializers.CharField(
        max_length=100,
        trim_whitespace=True,
        error_messages={
            "blank": "Type something to get suggestions.",
            "required": "Type something to get suggestions (the q parameter).",
            "max_length": "Keep the text under 100 characters.",
        },
    )


class HighlightSegmentSerializer(serializers.Serializer[Any]):
    text = serializers.CharField()
    match = serializers.BooleanField()


class HighlightSerializer(serializers.Serializer[Any]):
    title = HighlightSegmentSerializer(many=True)
    snippet = HighlightSegmentSerializer(many=True)


class ProductSearchResultSerializer(ProductSerializer):
    """A Product plus `highlight`: its title and a snippet of its description split into
    segments, the words that matched marked `match: true`."""

    highlight = serializers.SerializerMethodField()

    class Meta(ProductSerializer.Meta):
        fields = (*ProductSerializer.Meta.fields, "highlight")  # type: ignore[assignment]
        read_only_fields = fields  # type: ignore[assignment]

    @extend_schema_field(HighlightSerializer)
    def get_highlight(self, product: Product) -> dict[str, list[dict[str, Any]]]:
        snippet_fallback = product.tagline or product.description[:200]
        return {
            "title": split_highlight(getattr(product, "search_title", None), product.title),
            "snippet": split_highlight(getattr(product, "search_snippet", None), snippet_fallback),
        }


class SuggestedProductSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    tagline = serializers.CharField()
    image = serializers.CharField()


class SuggestedCategorySerializer(serializers.Serializer[Any]):
    slug = serializers.CharField()
    name = serializers.CharField()
    icon = serializers.CharField()
    color = serializers.CharField()


class SuggestedUserSerializer(serializers.Serializer[Any]):
    username = serializers.CharField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    avatar = serializers.CharField()


class SuggestionsSerializer(serializers.Serializer[Any]):
    products = SuggestedProductSerializer(many=True)
    categories = SuggestedCategorySerializer(many=True)
    users = SuggestedUserSerializer(many=True)
