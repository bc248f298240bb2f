"""The naive baseline: Vitrin's product list, product page and discussion written the plain way.

What makes them slow is what a first version usually does: `PageNumberPagination` counts every
row and skips `OFFSET` rows; nested `ModelSerializer`s load each category, author and reply
with its own query (no `select_related`, no annotations), and `has_upvoted`/`is_following` ask
the database once per object. The answers carry the same fields as Vitrin's.
"""

from typing import Any

from django.db.models import F, QuerySet
from django.shortcuts import get_object_or_404
from rest_framework import serializers, viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from categories.models import Category
from comments.models import Comment
from products.models import Product, ProductStatus, Upvote
from products.serializers import PRODUCT_FIELDS
from uploads.models import Upload
from uploads.selectors import image_variants_output
from users.models import Follow, User
from users.serializers import PUBLIC_USER_FIELDS


class NaivePagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


class NaiveCategorySerializer(serializers.ModelSerializer[Category]):
    class Meta:
        model = Category
        fields = ("id", "name", "slug", "description", "icon", "color", "products_count")


def naive_variants(url: str) -> dict[str, Any] | None:
    """The smaller copies of the image at `url`, looked up one image at a time."""
    stored = Upload.objects.filter(url=url).values_list("variants", flat=True).first() if url else None
    return None if stored is None else image_variants_output(stored)


class NaiveUserSerializer(serializers.ModelSerializer[User]):
    is_following = serializers.SerializerMethodField()
    avatar_variants = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = PUBLIC_USER_FIELDS

    def get_is_following(self, user: User) -> bool:
        viewer = self.context["request"].user
        return bool(viewer.is_authenticated and Follow.objects.filter(follower=viewer, followee=user).exists())

    def get_avatar_variants(self, user: User) -> dict[str, Any] | None:
        return naive_variants(user.avatar)


class NaiveProductSerializer(serializers.ModelSerializer[Product]):
    category = NaiveCategorySerializer()
    author = NaiveUserSerializer()
    has_upvoted = serializers.SerializerMethodField()
    image_variants = serializers.SerializerMethodField()

    class Meta:
        model = Product
        fields = PRODUCT_FIELDS

    def get_has_upvoted(self, product: Product) -> bool:
        viewer = self.context["request"].user
        return bool(viewer.is_authenticated and Upvote.objects.filter(user=viewer, product=product).exists())

    def get_image_variants(self, product: Product) -> dict[str, Any] | None:
        return naive_variants(product.image)


class NaiveProductViewSet(viewsets.ModelViewSet[Product]):
    serializer_class = NaiveProductSerializer
    pagination_class = NaivePagination

    def get_queryset(self) -> QuerySet[Product]:
        return Product.objects.filter(status=ProductStatus.PUBLISHED, is_hidden=False).order_by("-hot_score", "-id")

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        product = self.get_object()
        Product.objects.filter(pk=product.pk).update(view_count=F("view_count") + 1)
        product.view_count += 1
        return Response(self.get_serializer(product).data)


class NaiveCommentSerializer(serializers.ModelSerializer[Comment]):
    author = NaiveUserSerializer()
    replies = serializers.SerializerMethodField()

    class Meta:
        model = Comment
        fields = ("id", "product", "parent", "author", "content", "is_deleted", "created_at", "updated_at", "replies")

    def get_replies(self, comment: Comment) -> Any:
        replies = comment.replies.order_by("created_at", "id")
        return NaiveCommentSerializer(replies, many=True, context=self.context).data


class NaiveCommentViewSet(viewsets.ModelViewSet[Comment]):
    serializer_class = NaiveCommentSerializer
    pagination_class = NaivePagination

    def get_queryset(self) -> QuerySet[Comment]:
        product = get_object_or_404(
            Product, pk=self.kwargs["product_id"], status=ProductStatus.PUBLISHED, is_hidden=False
        )
        return Comment.objects.filter(product=product, parent__isnull=True).order_by("created_at", "id")
