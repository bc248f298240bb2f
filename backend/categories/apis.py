from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponseBase
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from categories.models import Category
from categories.selectors import category_get, category_list
from categories.serializers import CategoryInputSerializer, CategorySerializer
from categories.services import category_create, category_delete, category_update
from core.cache import CATEGORIES, PRODUCTS
from core.http_cache import PAGE_PARAMS, SharedCache, SharedCacheMixin
from core.permissions import IsStaffOrReadOnly
from core.throttling import WriteRateThrottle

THROTTLES = [*APIView.throttle_classes, WriteRateThrottle]

# Categories change through category writes and their counts through product writes, both of
# which make these answers stale at once (core.cache), so they are shared for longer.
CATEGORY_CACHE = SharedCache(
    name="categories",
    seconds_setting="CATEGORIES_CACHE_SECONDS",
    namespaces=lambda url: (CATEGORIES, PRODUCTS),
    query_params=PAGE_PARAMS,
)


class CategoryListApi(SharedCacheMixin, GenericAPIView[Category]):
    permission_classes = [IsStaffOrReadOnly]
    throttle_classes = THROTTLES
    serializer_class = CategorySerializer
    filter_backends: list[type] = []
    shared_cache = CATEGORY_CACHE

    def get_queryset(self) -> QuerySet[Category]:
        return category_list()

    @extend_schema(operation_id="categories_list", responses=CategorySerializer(many=True))
    def get(self, request: Request) -> HttpResponseBase:
        return self.shared_response(request, self._page)

    def _page(self) -> Any:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(CategorySerializer(page, many=True).data).data

    @extend_schema(request=CategoryInputSerializer, responses={201: CategorySerializer})
    def post(self, request: Request) -> Response:
        serializer = CategoryInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        category = category_create(**serializer.validated_data)
        return Response(CategorySerializer(category).data, status=status.HTTP_201_CREATED)


class CategoryDetailApi(SharedCacheMixin, GenericAPIView[Category]):
    permission_classes = [IsStaffOrReadOnly]
    throttle_classes = THROTTLES
    serializer_class = CategorySerializer
    http_method_names = ["get", "patch", "delete", "head", "options"]
    shared_cache = CATEGORY_CACHE

    @extend_schema(responses=CategorySerializer)
    def get(self, request: Request, slug: str) -> HttpResponseBase:
        return self.shared_response(request, lambda: CategorySerializer(category_get(slug=slug)).data)

    @extend_schema(request=CategoryInputSerializer, responses=CategorySerializer)
    def patch(self, request: Request, slug: str) -> Response:
        category = category_get(slug=slug)
        serializer = CategoryInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        category = category_update(category=category, **serializer.validated_data)
        return Response(CategorySerializer(category).data)

    @extend_schema(
        responses={204: None, 400: OpenApiResponse(description="The category still has products: move them first.")}
    )
    def delete(self, request: Request, slug: str) -> Response:
        category_delete(category=category_get(slug=slug))
        return Response(status=status.HTTP_204_NO_CONTENT)
