from django.conf import settings
from django.db import models
from django.db.models import Q


class ProductStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    ARCHIVED = "archived", "Archived"


PUBLISHED = Q(status=ProductStatus.PUBLISHED, is_hidden=False)


class Product(models.Model):
    """A launch. The counters and `hot_score` are written only by products.services."""

    slug = models.SlugField(max_length=140, unique=True)
    title = models.CharField(max_length=120)
    tagline = models.CharField(max_length=160, blank=True, default="")
    description = models.TextField(max_length=10000, blank=True, default="")
    url = models.URLField(max_length=500, blank=True, default="")
    category = models.ForeignKey("categories.Category", on_delete=models.PROTECT, related_name="products")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="products")
    image = models.CharField(max_length=500, blank=True, default="")
    gallery = models.JSONField(default=list, blank=True)
    tags = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=ProductStatus.choices, default=ProductStatus.DRAFT)
    # Staff moderation: a hidden product disappears from every public list and page.
    is_hidden = models.BooleanField(default=False)

    upvote_count = models.PositiveIntegerField(default=0, editable=False)
    view_count = models.PositiveIntegerField(default=0, editable=False)
    comment_count = models.PositiveIntegerField(default=0, editable=False)
    hot_score = models.FloatField(default=0, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ProductStatus.DRAFT) | Q(published_at__isnull=False),
                name="product_published_has_date",
            ),
            models.CheckConstraint(condition=Q(status__in=ProductStatus.values), name="product_status_valid"),
        ]
        # Every public list reads published products only, so its indexes are partial: smaller,
        # and each ordering of the contract (hot, new, top) is one index scan with the id as
        # the tie-breaker that keyset pagination needs.
        indexes = [
            models.Index(fields=["-hot_score", "-id"], condition=PUBLISHED, name="product_hot"),
            models.Index(fields=["-published_at", "-id"], condition=PUBLISHED, name="product_new"),
            models.Index(fields=["-upvote_count", "-id"], condition=PUBLISHED, name="product_top"),
            models.Index(fields=["category", "-hot_score", "-id"], condition=PUBLISHED, name="product_category_hot"),
            models.Index(fields=["category", "-published_at", "-id"], condition=PUBLISHED, name="product_category_new"),
            models.Index(fields=["author", "-published_at", "-id"], name="product_author_new"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == ProductStatus.PUBLISHED and not self.is_hidden


class ProductTag(models.Model):
    """One row per tag of a product, so `?tag=` is an index lookup on every database."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="tag_rows")
    name = models.CharField(max_length=30)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "product"], name="product_tag_unique")]

    def __str__(self) -> str:
        return self.name


class Upvote(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="upvotes")
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="upvotes")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["product", "user"], name="upvote_unique_per_user")]
        indexes = [models.Index(fields=["user", "-created_at", "-id"], name="upvote_user_recent")]

    def __str__(self) -> str:
        return f"{self.user_id} ▲ {self.product_id}"
