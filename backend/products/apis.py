import datetime as dt
from typing import Any, cast
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import HttpResponseBase
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny, IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from core.cache import PRODUCTS, VOTES, comments_namespace
from core.fast_output import compile_output
from core.http_cache import PAGE_PARAMS, SharedCache, SharedCacheMixin
from core.pagination import KeysetPagination
from core.permissions import IsAuthorOrReadOnly
from core.throttling import WriteRateThrottle
from products.filters import OwnProductFilter, ProductFilter
from products.models import Product
from products.selectors import (
    launch_day_latest,
    product_get_visible,
    product_list_feed,
    product_list_own,
    product_list_published,
    product_list_upvoted_by,
)
from products.serializers import (
    UPVOTED_AND_FOLLOWING,
    LaunchDaysQuerySerializer,
    LaunchDaysSerializer,
    ProductCreateInputSerializer,
    ProductInputSerializer,
    ProductSerializer,
    UpvoteResultSerializer,
)
from products.services import (
    product_create,
    product_delete,
    product_update,
    product_view_count,
    upvote_add,
    upvote_remove,
)
from users.models import User
from users.selectors import user_get
from users.serializers import with_author_following

THROTTLES = [*APIView.throttle_classes, WriteRateThrottle]

# Shared for PUBLIC_CACHE_SECONDS: a product write or a vote through the services makes them
# stale at once (core.cache); comment counts and profile edits show within that time.
PRODUCT_LIST_CACHE = SharedCache(
    name="products",
    seconds_setting="PUBLIC_CACHE_SECONDS",
    namespaces=lambda url: (PRODUCTS, VOTES),
    query_params=(*ProductFilter.base_filters, *PAGE_PARAMS),
    personal=UPVOTED_AND_FOLLOWING,
)
# The product page also shows its upvote and comment counts: a vote or a comment makes it stale
# at once. Its view count is the database's, which buffered views reach every VIEW_FLUSH_SECONDS.
PRODUCT_PAGE_CACHE = SharedCache(
    name="product",
    seconds_setting="PUBLIC_CACHE_SECONDS",
    namespaces=lambda url: (PRODUCTS, VOTES, comments_namespace(url["product_id"])),
    personal=UPVOTED_AND_FOLLOWING,
)


# ProductSerializer's output, compiled (core.fast_output): a page of products is most of the cost
# of computing a list.
product_output = compile_output(ProductSerializer(), prepare=with_author_following)


def _signed_in(request: Request) -> User:
    """The caller, once a permission class has made sure somebody is signed in."""
    return cast(User, request.user)


def _viewer(request: Request) -> str:
    """Who reads, for counting views once each: the account, or the client address as the rate
    limits see it (DRF's `get_ident`, which trusts NUM_PROXIES proxies and no more)."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"address:{BaseThrottle().get_ident(request)}"


class ProductListApi(SharedCacheMixin, GenericAPIView[Product]):
    permission_classes = [IsAuthenticatedOrReadOnly]
    throttle_classes = THROTTLES
    serializer_class = ProductSerializer
    filterset_class = ProductFilter
    shared_cache = PRODUCT_LIST_CACHE

    def get_queryset(self) -> QuerySet[Product]:
        return product_list_published(viewer=self.request.user)

    @extend_schema(operation_id="products_list", responses=ProductSerializer(many=True))
    def get(self, request: Request) -> HttpResponseBase:
        return self.shared_response(request, self._page)

    def _page(self) -> Any:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset())) or []
        return self.get_paginated_response([product_output(product) for product in page]).data

    @extend_schema(request=ProductCreateInputSerializer, responses={201: ProductSerializer})
    def post(self, request: Request) -> Response:
        serializer = ProductCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = _signed_in(request)
        product = product_create(author=user, **serializer.validated_data)
        created = product_get_visible(product_id=product.pk, user=user)
        return Response(ProductSerializer(created).data, status=status.HTTP_201_CREATED)


# The home page: several days of launches in one answer, shared like the list they come from.
LAUNCH_DAYS_CACHE = SharedCache(
    name="launch-days",
    seconds_setting="PUBLIC_CACHE_SECONDS",
    namespaces=lambda url: (PRODUCTS, VOTES),
    query_params=tuple(LaunchDaysQuerySerializer().fields),
    personal=UPVOTED_AND_FOLLOWING,
)


class LaunchDaysApi(SharedCacheMixin, APIView):
    """The first launches of each of several days, newest day first: what the home page shows,
    in one request instead of one per day (and one more per quiet day in between)."""

    permission_classes = [AllowAny]
    throttle_classes = THROTTLES
    shared_cache = LAUNCH_DAYS_CACHE

    @extend_schema(parameters=[LaunchDaysQuerySerializer], responses=LaunchDaysSerializer)
    def get(self, request: Request) -> HttpResponseBase:
        query = LaunchDaysQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        return self.shared_response(request, lambda: self._days(request, **query.validated_data))

    def _days(self, request: Request, *, ordering: str, days: int, page_size: int, date: dt.date | None = None) -> Any:
        today = timezone.now().astimezone(dt.UTC).date()
        first = date or today
        day: dt.date | None = first if first == today else launch_day_latest(before=first + dt.timedelta(days=1))
        shown: list[dict[str, Any]] = []
        while day is not None and len(shown) < days:
            paginator = KeysetPagination()
            list_query = urlencode({"date": day.isoformat(), "ordering": ordering, "page_size": page_size})
            base_url = request.build_absolute_uri(f"{reverse('product-list')}?{list_query}")
            products = ProductFilter(
                data={"date": day.isoformat(), "ordering": ordering},
                queryset=product_list_published(viewer=request.user),
            ).qs
            page = paginator.first_page(products, page_size=page_size, base_url=base_url)
            shown.append(
                {"date": day.isoformat(), "results": [product_output(p) for p in page], "next": paginator.next_link()}
            )
            day = launch_day_latest(before=day)
        return {"days": shown, "before": day.isoformat() if day is not None else None}


class ProductDetailApi(SharedCacheMixin, APIView):
    permission_classes = [IsAuthenticatedOrReadOnly, IsAuthorOrReadOnly]
    throttle_classes = THROTTLES
    http_method_names = ["get", "patch", "delete", "head", "options"]
    shared_cache = PRODUCT_PAGE_CACHE

    @extend_schema(responses=ProductSerializer)
    def get(self, request: Request, product_id: int) -> HttpResponseBase:
        response = self.shared_response(
            request, lambda: product_output(product_get_visible(product_id=product_id, user=request.user))
        )
        if request.method == "GET":  # a HEAD shows nothing, so it counts nothing
            product_view_count(product_id=product_id, viewer=_viewer(request))
        return response

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


class UserUpvotedProductsApi(GenericAPIView[Product]):
    """Published products a user upvoted, the most recently upvoted first (their profile's tab)."""

    permission_classes = [AllowAny]
    serializer_class = ProductSerializer
    filter_backends: list[type] = []

    def get_queryset(self) -> QuerySet[Product]:
        user = user_get(username=self.kwargs["username"], viewer=self.request.user)
        return product_list_upvoted_by(user=user, viewer=self.request.user)

    @extend_schema(operation_id="users_upvotes_list", responses=ProductSerializer(many=True))
    def get(self, request: Request, username: str) -> Response:
        page = self.paginate_queryset(self.get_queryset()) or []
        return self.get_paginated_response([product_output(product) for product in page])


class FeedApi(GenericAPIView[Product]):
    """Published products by the users the caller follows, newest first."""

    permission_classes = [IsAuthenticated]
    serializer_class = ProductSerializer
    filter_backends: list[type] = []

    def get_queryset(self) -> QuerySet[Product]:
        return product_list_feed(user=_signed_in(self.request))

    @extend_schema(operation_id="feed_list", responses=ProductSerializer(many=True))
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset()) or []
        return self.get_paginated_response([product_output(product) for product in page])


class OwnProductsApi(GenericAPIView[Product]):
    """The caller's own products of every status (drafts too), newest first: their "Your products" page."""

    permission_classes = [IsAuthenticated]
    serializer_class = ProductSerializer
    filterset_class = OwnProductFilter

    def get_queryset(self) -> QuerySet[Product]:
        return product_list_own(user=_signed_in(self.request))

    @extend_schema(operation_id="auth_me_products_list", responses=ProductSerializer(many=True))
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset())) or []
        return self.get_paginated_response([product_output(product) for product in page])
