from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import models

from users.models import Follow, SocialAccount, User

COUNTERS = ("products_count", "followers_count", "following_count")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "email", "first_name", "last_name", "is_active", "is_staff", "created_at")
    list_filter = ("is_staff", "is_active", "is_superuser")
    search_fields = ("username", "email", "first_name", "last_name")
    ordering = ("-id",)
    readonly_fields = ("created_at", "last_login", "date_joined", *COUNTERS)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        *DjangoUserAdmin.fieldsets,  # type: ignore[misc]
        ("Profile", {"fields": ("avatar", "bio", "website", "created_at", *COUNTERS)}),
    )


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ("follower", "followee", "created_at")
    search_fields = ("follower__username", "followee__username")
    raw_id_fields = ("follower", "followee")
    ordering = ("-created_at", "-id")


@admin.register(SocialAccount)
class SocialAccountAdmin(admin.ModelAdmin):
    list_display = ("user", "issuer", "email", "created_at")
    list_filter = ("issuer",)
    search_fields = ("user__username", "email", "subject")
    raw_id_fields = ("user",)
    readonly_fields = ("issuer", "subject", "created_at")
