from collections.abc import Callable, Mapping
from typing import Any, cast

from django.db.models import QuerySet
from django.http import HttpResponseBase
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from comments.models import Comment
from comments.selectors import (
    comment_get_visible,
    comment_product_id,
    comment_replies_attach,
    comment_replies_queryset,
    comment_roots_queryset,
)
from comments.serializers import CommentCreateInputSerializer, CommentSerializer, CommentUpdateInputSerializer
from comments.services import comment_create, comment_delete, comment_update
from core.cache import PRODUCTS, comments_namespace
from core.http_cache import PAGE_PARAMS, Private, SharedCache, SharedCacheMixin
from core.permissions import IsAuthorOrReadOnly
from core.throttling import WriteRateThrottle
from products.selectors import product_get_visible
from products.serializers import UPVOTED_AND_FOLLOWING
from users.models import User

THROTTLES = [*APIView.throttle_classes, WriteRateThrottle]

# Shared for PUBLIC_CACHE_SECONDS: a comment written, edited or deleted (comments.services, from
# the API or the admin) makes its product's discussion stale at once, a product write every
# discussion (it may be hidden).
DISCUSSION_CACHE = SharedCache(
    name="discussion",
    seconds_setting="PUBLIC_CACHE_SECONDS",
    namespaces=lambda url: (PRODUCTS, comments_namespace(url["product_id"])),
    query_params=PAGE_PARAMS,
    personal=UPVOTED_AND_FOLLOWING,
)


def _replies_namespaces(url: Mapping[str, Any]) -> tuple[str, ...]:
    """The replies of a comment are part of its product's discussion, and stale with it. Which
    product that is comes from the cache (comments.selectors.comment_product_id); an unknown
    comment has none, and its 404 is never stored."""
    product_id = comment_product_id(comment_id=url["comment_id"])
    return (PRODUCTS,) if product_id is None else (PRODUCTS, comments_namespace(product_id))


REPLIES_CACHE = SharedCache(
    name="replies",
    seconds_setting="PUBLIC_CACHE_SECONDS",
    namespaces=_replies_namespaces,
    query_params=PAGE_PARAMS,
    personal=UPVOTED_AND_FOLLOWING,
)


def _thread_page(
    view: GenericAPIView[Comment], request: Request, comments: QuerySet[Comment], is_public: Callable[[], bool]
) -> Any:
    """A page of `comments` (a comments.selectors queryset) with their first replies under
    them, shared with anybody only when its product is public. `is_public` answers for an
    empty page, which cannot tell by itself (and raises NotFound when the caller may not see
    the product)."""
    page = view.paginate_queryset(comments)
    assert page is not None  # the views always paginate
    if page:
        comment_replies_attach(comments=page, viewer=request.user)
        public = all(getattr(comment, "product_is_published", False) for comment in page)
    else:
        public = is_public()
    payload = view.get_paginated_response(CommentSerializer(page, many=True, context={"request": request}).data).data
    return payload if public else Private(payload)


class ProductCommentsApi(SharedCacheMixin, GenericAPIView[Comment]):
    """The discussion of a product: its top-level comments, oldest first, each with its replies."""

    permission_classes = [IsAuthenticatedOrReadOnly]
    throttle_classes = THROTTLES
    serializer_class = CommentSerializer
    shared_cache = DISCUSSION_CACHE
    queryset = Comment.objects.none()  # for the schema only; the selector reads the comments

    @extend_schema(
        description=(
            "The product's top-level comments, oldest first, each with its first three replies, two "
            "levels down; `reply_count` and `replies_next` lead to the rest."
        ),
        responses=CommentSerializer(many=True),
    )
    def get(self, request: Request, product_id: int) -> HttpResponseBase:
        return self.shared_response(
            request,
            lambda: _thread_page(
                self,
                request,
                comment_roots_queryset(product_id=product_id, viewer=request.user),
                lambda: product_get_visible(product_id=product_id, user=request.user).is_published,
            ),
        )

    @extend_schema(
        description=(
            "Comments on the product, or replies to one of its comments (`parent`). "
            "A product that is not published takes comments from its author alone."
        ),
        request=CommentCreateInputSerializer,
        responses={
            201: CommentSerializer,
            403: OpenApiResponse(description="The product is not published and the caller is not its author."),
        },
    )
    def post(self, request: Request, product_id: int) -> Response:
        product = product_get_visible(product_id=product_id, user=request.user)
        given = CommentCreateInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        comment = comment_create(
            product=product,
            author=cast(User, request.user),
            content=given.validated_data["content"],
            parent_id=given.validated_data.get("parent"),
        )
        return Response(CommentSerializer(comment, context={"request": request}).data, status=status.HTTP_201_CREATED)


class CommentRepliesApi(SharedCacheMixin, GenericAPIView[Comment]):
    """The direct replies of one comment, page by page: where a discussion's `replies_next` leads."""

    permission_classes = [IsAuthenticatedOrReadOnly]
    throttle_classes = THROTTLES
    serializer_class = CommentSerializer
    shared_cache = REPLIES_CACHE
    queryset = Comment.objects.none()  # for the schema only; the selector reads the comments

    @extend_schema(
        description=(
            "The comment's direct replies, oldest first, each with its first three replies, two levels "
            "down. A comment under a product the caller may not see does not exist for them (404)."
        ),
        responses=CommentSerializer(many=True),
    )
    def get(self, request: Request, comment_id: int) -> HttpResponseBase:
        return self.shared_response(
            request,
            lambda: _thread_page(
                self,
                request,
                comment_replies_queryset(comment_id=comment_id, viewer=request.user),
                lambda: comment_get_visible(comment_id=comment_id, user=request.user).product.is_published,
            ),
        )


class CommentDetailApi(APIView):
    """Editing (the author) and deleting (the author or staff) one comment."""

    permission_classes = [IsAuthenticated, IsAuthorOrReadOnly]
    throttle_classes = THROTTLES

    @extend_schema(
        description="Replaces the text of the caller's comment; a deleted comment cannot be edited.",
        request=CommentUpdateInputSerializer,
        responses=CommentSerializer,
    )
    def patch(self, request: Request, comment_id: int) -> Response:
        comment = comment_get_visible(comment_id=comment_id, user=request.user)
        self.check_object_permissions(request, comment)
        given = CommentUpdateInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        comment = comment_update(comment=comment, content=given.validated_data["content"])
        comment_replies_attach(comments=[comment], viewer=request.user)
        return Response(CommentSerializer(comment, context={"request": request}).data)

    @extend_schema(
        description=(
            "Deletes a comment (its author or staff). A comment with replies stays in the thread, "
            "`is_deleted: true` and its content emptied; one without replies is removed, and so is "
            "each deleted comment above it that this leaves without replies."
        ),
        responses={204: None},
    )
    def delete(self, request: Request, comment_id: int) -> Response:
        comment = comment_get_visible(comment_id=comment_id, user=request.user)
        self.check_object_permissions(request, comment)
        comment_delete(comment=comment)
        return Response(status=status.HTTP_204_NO_CONTENT)
