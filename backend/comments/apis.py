from typing import Any, cast

from django.http import HttpResponseBase
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from comments.models import Comment
from comments.selectors import comment_get_visible, comment_replies_attach, comment_roots_queryset
from comments.serializers import CommentCreateInputSerializer, CommentSerializer, CommentUpdateInputSerializer
from comments.services import comment_create, comment_delete, comment_update
from core.cache import PRODUCTS, bump_cache_version, comments_namespace
from core.http_cache import Private, SharedCache, SharedCacheMixin
from core.permissions import IsAuthorOrReadOnly
from core.throttling import WriteRateThrottle
from products.selectors import product_get_visible, viewer_marks
from users.models import User

THROTTLES = [*APIView.throttle_classes, WriteRateThrottle]

# Shared for PUBLIC_CACHE_SECONDS: a comment written, edited or deleted through the API makes
# its product's discussion stale at once, a product write every discussion (it may be hidden).
DISCUSSION_CACHE = SharedCache(
    name="discussion",
    seconds_setting="PUBLIC_CACHE_SECONDS",
    namespaces=lambda url: (PRODUCTS, comments_namespace(url["product_id"])),
    marks=viewer_marks,
)


class ProductCommentsApi(SharedCacheMixin, GenericAPIView[Comment]):
    """The discussion of a product: its top-level comments, oldest first, each with its replies."""

    permission_classes = [IsAuthenticatedOrReadOnly]
    throttle_classes = THROTTLES
    serializer_class = CommentSerializer
    shared_cache = DISCUSSION_CACHE
    queryset = Comment.objects.none()  # for the schema only; the selector reads the comments

    @extend_schema(
        description="The product's top-level comments, oldest first, each with all its replies.",
        responses=CommentSerializer(many=True),
    )
    def get(self, request: Request, product_id: int) -> HttpResponseBase:
        return self.shared_response(request, lambda: self._page(request, product_id))

    def _page(self, request: Request, product_id: int) -> Any:
        page = self.paginate_queryset(comment_roots_queryset(product_id=product_id, viewer=request.user))
        assert page is not None  # the view always paginates
        if page:
            comment_replies_attach(comments=page, viewer=request.user)
            is_public = all(getattr(comment, "product_is_published", False) for comment in page)
        else:  # no comment, or a product the caller may not see (404)
            is_public = product_get_visible(product_id=product_id, user=request.user).is_published
        payload = self.get_paginated_response(CommentSerializer(page, many=True).data).data
        return payload if is_public else Private(payload)

    @extend_schema(
        description=(
            "Comments on the product, or replies to one of its comments (`parent`). "
            "A product that is not published takes comments from its author alone."
        ),
        request=CommentCreateInputSerializer,
        responses={201: CommentSerializer},
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
        bump_cache_version(comments_namespace(product.pk))
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)


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
        bump_cache_version(comments_namespace(comment.product_id))
        comment_replies_attach(comments=[comment], viewer=request.user)
        return Response(CommentSerializer(comment).data)

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
        bump_cache_version(comments_namespace(comment.product_id))
        return Response(status=status.HTTP_204_NO_CONTENT)
