"""Staff moderation. Every change that moves a counter goes through products.services."""

from typing import Any

from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from products.models import Product, Upvote
from products.services import product_delete, product_set_hidden, upvote_remove

COUNTED_FIELDS = ("status", "category", "is_hidden", "author")


def _set_hidden(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Product], *, hidden: bool
) -> None:
    changed = sum(product_set_hidden(product=product, is_hidden=hidden) for product in queryset.order_by("id"))
    verb = "hidden" if hidden else "shown again"
    modeladmin.message_user(request, f"{changed} product(s) {verb}.", messages.SUCCESS)


@admin.action(description="Hide selected products")
def hide_products(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Product]) -> None:
    _set_hidden(modeladmin, request, queryset, hidden=True)


@admin.action(description="Unhide selected products")
def unhide_products(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Product]) -> None:
    _set_hidden(modeladmin, request, queryset, hidden=False)


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "author", "category", "status", "is_hidden", "upvote_count", "published_at")
    list_filter = ("status", "is_hidden", "category")
    search_fields = ("title", "slug", "author__username")
    list_select_related = ("author", "category")
    ordering = ("-id",)
    actions = [hide_products, unhide_products]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    # Staff correct the words of a launch here; what counts (status, category, visibility,
    # the author) changes through the actions, which keep the counters exact.
    readonly_fields = (
        *COUNTED_FIELDS,
        "slug",
        "tags",
        "upvote_count",
        "view_count",
        "comment_count",
        "hot_score",
        "created_at",
        "updated_at",
        "published_at",
    )
    fields = ("title", "tagline", "description", "url", "image", "gallery", *readonly_fields)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # makers launch products through the API

    def delete_model(self, request: HttpRequest, obj: Product) -> None:
        product_delete(product=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Product]) -> None:
        for product in queryset.order_by("id"):
            product_delete(product=product)


@admin.register(Upvote)
class UpvoteAdmin(admin.ModelAdmin):
    list_display = ("id", "user", "product", "created_at")
    search_fields = ("user__username", "product__title", "product__slug")
    list_select_related = ("user", "product")
    raw_id_fields = ("user", "product")
    ordering = ("-id",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def delete_model(self, request: HttpRequest, obj: Upvote) -> None:
        upvote_remove(product=obj.product, user=obj.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Upvote]) -> None:
        for upvote in queryset.select_related("product", "user").order_by("id"):
            upvote_remove(product=upvote.product, user=upvote.user)
