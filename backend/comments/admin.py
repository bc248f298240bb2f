from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from comments.models import Comment
from comments.services import comment_delete


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """Moderation of comments. Comments are read-only here and deleted only through the
    "Delete" action, which goes through comments.services.comment_delete like the API does:
    the thread under a comment keeps its place and the product's comment count stays exact
    (Django's own bulk delete would do neither)."""

    list_display = ("id", "excerpt", "author", "product", "parent", "is_deleted", "created_at")
    list_filter = ("is_deleted", "created_at")
    search_fields = ("content", "author__username", "author__email")
    list_select_related = ("author", "product")
    readonly_fields = ("product", "author", "parent", "root", "content", "is_deleted", "created_at", "updated_at")
    ordering = ("-created_at", "-id")
    show_full_result_count = False
    actions = ["delete_comments"]

    @admin.display(description="content")
    def excerpt(self, comment: Comment) -> str:
        return comment.content if len(comment.content) <= 80 else f"{comment.content[:79]}…"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Comment | None = None) -> bool:
        # The per-object delete page would cascade to the replies; the action is the way.
        return obj is None and super().has_delete_permission(request)

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.action(description="Delete the selected comments (replies keep their place)", permissions=["delete"])
    def delete_comments(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        # Newest first, so replies go before the comments they answer and a whole thread
        # selected together is removed rather than left as placeholders.
        comments = list(queryset.order_by("-created_at", "-id"))
        for comment in comments:
            comment_delete(comment=comment)
        self.message_user(request, f"Deleted {len(comments)} comment(s).", messages.SUCCESS)
