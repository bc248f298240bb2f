from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from users.models import Follow, SocialAccount, User
from users.services import user_deactivate, user_staff_save

COUNTERS = ("products_count", "followers_count", "following_count")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = (
        "username",
        "email",
        "email_verified",
        "first_name",
        "last_name",
        "is_active",
        "is_staff",
        "created_at",
    )
    list_filter = ("is_staff", "is_active", "is_superuser", "email_verified")
    search_fields = ("username", "email", "first_name", "last_name")
    ordering = ("-id",)
    # Only the owner of the mailbox verifies an address (users.services); staff see the flag.
    readonly_fields = ("email_verified", "created_at", "last_login", "date_joined", *COUNTERS)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        *DjangoUserAdmin.fieldsets,  # type: ignore[misc]
        ("Profile", {"fields": ("email_verified", "avatar", "bio", "website", "created_at", *COUNTERS)}),
    )
    actions = ["deactivate_accounts"]

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        # Through the service: it forgets the cached row reads authenticate with, and a new
        # address is unverified and e-mailed a link rather than saved as it is.
        email = obj.email
        if change and "email" in form.changed_data:
            obj.email = form.initial["email"]
        user_staff_save(user=obj, email=email)

    def has_delete_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        # Deleting would cascade through other people's threads and counters: deactivate.
        return False

    @admin.action(description="Deactivate the selected accounts (sign them out everywhere)")
    def deactivate_accounts(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            user_deactivate(user=user)
        self.message_user(request, f"{queryset.count()} account(s) deactivated.")


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
