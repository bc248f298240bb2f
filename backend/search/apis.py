from typing import Any

from django.http import HttpResponseBase
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.views import APIView

from core.cache import PRODUCTS, VOTES
from core.fast_output import compile_output
from core.http_cache import PAGE_PARAMS, SharedCache, SharedCacheMixin
from core.pagination import KeysetPagination
from products.selectors import product_list_queryset, product_visible_q
from products.serializers import UPVOTED_AND_FOLLOWING
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
from users.serializers import with_author_following

# Shared for PUBLIC_CACHE_SECONDS like the product lists (the ranked hits behind them are cached
# for SEARCH_CACHE_SECONDS, see search.selectors); suggestions for SEARCH_CACHE_SECONDS.
SEARCH_CACHE = SharedCache(
    name="search",
    seconds_setting="PUBLIC_CACHE_SECONDS",
    namespaces=lambda url: (PRODUCTS, VOTES),
    query_params=(*ProductSearchParamsSerializer().fields, *PAGE_PARAMS),
    personal=UPVOTED_AND_FOLLOWING,
)
SUGGEST_CACHE = SharedCache(
    name="suggest",
    seconds_setting="SEARCH_CACHE_SECONDS",
    namespaces=lambda url: (PRODUCTS,),
    query_params=tuple(SuggestParamsSerializer().fields),
)


# ProductSearchResultSerializer's output, compiled (core.fast_output).
search_result_output = compile_output(ProductSearchResultSerializer(), prepare=with_author_following)


class ProductSearchApi(SharedCacheMixin, APIView):
    """Published products ranked by relevance: a title match outranks a description match."""

    permission_classes = [AllowAny]
    pagination_class = KeysetPagination
    shared_cache = SEARCH_CACHE

    @extend_schema(
        parameters=[ProductSearchParamsSerializer],
        responses=ProductSearchResultSerializer(many=True),
    )
    def get(self, request: Request) -> HttpResponseBase:
        return self.shared_response(request, lambda: self._page(request))

    def _page(self, request: Request) -> Any:
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
        # Visibility is asked again of the page: the cached hits may predate a product being
        # hidden or unpublished by a write whose version bump did not reach the cache.
        products = {
            product.pk: product
            for product in product_list_queryset(viewer=request.user)
            .filter(product_visible_q(user=request.user), pk__in=[hit.id for hit in page])
            .annotate(**highlight_annotations(search))
        }
        results = [search_result_output(products[hit.id]) for hit in page if hit.id in products]
        return paginator.get_paginated_response(results).data


class SearchSuggestApi(SharedCacheMixin, APIView):
    """At most 8 products, categories and users starting with what was typed."""

    permission_classes = [AllowAny]
    shared_cache = SUGGEST_CACHE

    @extend_schema(
        parameters=[OpenApiParameter("q", str, required=True, description="What has been typed so far.")],
        responses=SuggestionsSerializer,
    )
    def get(self, request: Request) -> HttpResponseBase:
        return self.shared_response(request, lambda: self._suggestions(request))

    def _suggestions(self, request: Request) -> Any:
        params = SuggestParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        return search_suggestions(text=params.validated_data["q"])
