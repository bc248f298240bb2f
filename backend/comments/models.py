from django.conf import settings
from django.db import models


class Comment(models.Model):
    """A comment in a product's thread. `root` is the thread's top-level comment (null for it),
    so a whole thread is fetched by one indexed query whatever its depth."""

    product = models.ForeignKey("products.Product", on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    root = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="descendants")
    content = models.TextField(max_length=5000, blank=True)
    is_deleted = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["product", "created_at", "id"],
                condition=models.Q(parent__isnull=True),
                name="comment_product_top_level",
            ),
            models.Index(fields=["root", "created_at", "id"], name="comment_thread"),
            # A comment's direct replies, oldest first: its first few, then page after page.
            models.Index(fields=["parent", "created_at", "id"], name="comment_replies"),
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} on product {self.product_id}"
