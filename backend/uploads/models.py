from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery


class Upload(models.Model):
    """An image accepted by /api/uploads/. Products and avatars may only point at these."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="uploads")
    file = models.FileField(upload_to="uploads/%Y/%m/")
    url = models.CharField(max_length=500, unique=True)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    # Smaller copies for lists and phones, made after the upload (uploads.services.upload_variants_make):
    # {"width": W, "height": H, "formats": {"image/webp": {"160": url, ...}, ...}}, the original's
    # size repeated so that one column is all a list has to read. Null until they are made.
    variants = models.JSONField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.url


def upload_variants_of(url_ref: str) -> Subquery:
    """The `variants` of the upload whose URL is in the column `url_ref` (e.g. "image",
    "author__avatar"): a subquery on the unique index of `url`, so a list keeps its one query.
    Null when the URL is no upload (demo images, external addresses) or its variants are not made."""
    return Subquery(
        Upload.objects.filter(url=OuterRef(url_ref)).values("variants")[:1], output_field=models.JSONField()
    )
