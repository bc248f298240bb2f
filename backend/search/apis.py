from django.conf import settings
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.cache import PRODUCTS, cached, versioned_key
from core.pagination import KeysetPagination
from products.selectors import product_list_queryset
from search.selectors import (
    ProductSearch,
    highlight_annotations,
    product_search_hits_cached,
    search_suggestions,
)
from search.serializers import (
    ProductSearchParamsSerializer,
    ProductSearchResultSerializer,
    SuggestionsSerializer,
    SuggestParamsSerializer,
)


class ProductSearchApi(APIView):
    """Published products ranked by relevance: a title match outranks a description match."""

    permission_classes = [AllowAny]
    pagination_class = KeysetPagination

    @extend_schema(
        parameters=[ProductSearchParamsSerializer],
        responses=ProductSearchResultSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        params = ProductSearchParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        search = ProductSearch(
            text=params.validated_data["q"],
            category=params.validated_data.get("category"),
            tag=params.validated_data.get("tag"),
            ordering=params.validated_data["ordering"],
        )
        hits = product_search_hits_cached(search=search)
        paginator = KeysetPagination()
        page = paginator.paginate_ranked(hits, lambda hit: hit.sort_key(search.ordering), request)
        products = {
            product.pk: product
            for product in product_list_queryset(viewer=request.user)
            .filter(pk__in=[hit.id for hit in page])
            .annotate(**highlight_annotations(search))
        }
        ordered = [products[hit.id] for hit in page if hit.id in products]
        return paginator.get_paginated_response(
            ProductSearchResultSerializer(ordered, many=True, context={"request": request}).data
        )


class SearchSuggestApi(APIView):
    """At most 8 products, categories and users starting with what was typed."""

    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[OpenApiParameter("q", str, required=True, description="What has been typed so far.")],
        responses=SuggestionsSerializer,
    )
    def get(self, request: Request) -> Response:
        params = SuggestParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        text = params.validated_data["q"]
        key = versioned_key(PRODUCTS, "suggest", text.lower())
        return Response(cached(key, settings.SEARCH_CACHE_SECONDS, lambda: search_suggestions(text=text)))
