from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString

from uploads.models import Upload


@admin.register(Upload)
class UploadAdmin(admin.ModelAdmin):
    """Uploads are read-only here: products and avatars point at their URLs, and deleting a
    row would neither remove the file nor tell those that use it."""

    list_display = ("id", "url", "owner", "content_type", "width", "height", "size", "created_at")
    list_filter = ("content_type", "created_at")
    search_fields = ("url", "owner__username")
    list_select_related = ("owner",)
    readonly_fields = ("preview", "owner", "file", "url", "width", "height", "content_type", "size", "created_at")
    ordering = ("-created_at", "-id")
    show_full_result_count = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Upload | None = None) -> bool:
        return False

    @admin.display(description="image")
    def preview(self, upload: Upload) -> SafeString:
        return format_html('<img src="{}" style="max-width: 320px; max-height: 320px" alt="">', upload.url)
