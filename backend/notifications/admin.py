from django.contrib import admin

from notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("id", "recipient", "verb", "actor", "product", "comment", "read", "created_at")
    list_filter = ("verb", "read", "created_at")
    search_fields = ("recipient__username", "actor__username")
    list_select_related = ("recipient", "actor", "product", "comment")
    raw_id_fields = ("recipient", "actor", "product", "comment")
    readonly_fields = ("created_at",)
    ordering = ("-created_at", "-id")
    show_full_result_count = False
