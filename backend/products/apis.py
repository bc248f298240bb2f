from typing import cast

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.permissions import IsAuthorOrReadOnly
from core.throttling import WriteRateThrottle
from products.filters import ProductFilter
from products.models import Product
from products.selectors import product_get_visible, product_list_feed, product_list_published
from products.serializers import (
    ProductCreateInputSerializer,
    ProductInputSerializer,
    ProductSerializer,
    UpvoteResultSerializer,
)
from products.services import (
    product_create,
    product_delete,
    product_update,
    product_view_record,
    upvote_add,
    upvote_remove,
)
from users.models import User

THROTTLES = [*APIView.throttle_classes, WriteRateThrottle]


def _signed_in(request: Request) -> User:
    """The caller, once a permission class has made sure somebody is signed in."""
    return cast(User, request.user)


class ProductListApi(GenericAPIView[Product]):
    permission_classes = [IsAuthenticatedOrReadOnly]
    throttle_classes = THROTTLES
    serializer_class = ProductSerializer
    filterset_class = ProductFilter

    def get_queryset(self) -> QuerySet[Product]:
        return product_list_published(viewer=self.request.user)

    @extend_schema(operation_id="products_list", responses=ProductSerializer(many=True))
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(ProductSerializer(page, many=True).data)

    @extend_schema(request=ProductCreateInputSerializer, responses={201: ProductSerializer})
    def post(self, request: Request) -> Response:
        serializer = ProductCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = _signed_in(request)
        product = product_create(author=user, **serializer.validated_data)
        created = product_get_visible(product_id=product.pk, user=user)
        return Response(ProductSerializer(created).data, status=status.HTTP_201_CREATED)


class ProductDetailApi(APIView):
    permission_classes = [IsAuthenticatedOrReadOnly, IsAuthorOrReadOnly]
    throttle_classes = THROTTLES
    http_method_names = ["get", "patch", "delete", "head", "options"]

    @extend_schema(responses=ProductSerializer)
    def get(self, request: Request, product_id: int) -> Response:
        product = product_get_visible(product_id=product_id, user=request.user)
        return Response(ProductSerializer(product_view_record(product=product)).data)

    @extend_schema(request=ProductInputSerializer, responses=ProductSerializer)
    def patch(self, request: Request, product_id: int) -> Response:
        user = _signed_in(request)
        product = product_get_visible(product_id=product_id, user=user)
        self.check_object_permissions(request, product)
        serializer = ProductInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        product_update(product=product, **serializer.validated_data)
        return Response(ProductSerializer(product_get_visible(product_id=product_id, user=user)).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, product_id: int) -> Response:
        product = product_get_visible(product_id=product_id, user=request.user)
        self.check_object_permissions(request, product)
        product_delete(product=product)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProductUpvoteApi(APIView):
    permission_classes = [IsAuthenticated]
    throttle_classes = THROTTLES

    @extend_schema(request=None, responses={200: UpvoteResultSerializer})
    def post(self, request: Request, product_id: int) -> Response:
        user = _signed_in(request)
        product = product_get_visible(product_id=product_id, user=user)
        upvote_count = upvote_add(product=product, user=user)
        return Response({"upvoted": True, "upvote_count": upvote_count})

    @extend_schema(request=None, responses={200: UpvoteResultSerializer})
    def delete(self, request: Request, product_id: int) -> Response:
        user = _signed_in(request)
        product = product_get_visible(product_id=product_id, user=user)
        upvote_count = upvote_remove(product=product, user=user)
        return Response({"upvoted": False, "upvote_count": upvote_count})


class FeedApi(GenericAPIView[Product]):
    """Published products by the users the caller follows, newest first."""

    permission_classes = [IsAuthenticated]
    serializer_class = ProductSerializer
    filter_backends: list[type] = []

    def get_queryset(self) -> QuerySet[Product]:
        return product_list_feed(user=_signed_in(self.request))

    @extend_schema(operation_id="feed_list", responses=ProductSerializer(many=True))
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(ProductSerializer(page, many=True).data)
