from django.db import models


class Category(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    description = models.TextField(max_length=500, blank=True, default="")
    icon = models.CharField(max_length=40, blank=True, default="", help_text="An emoji or an icon name.")
    color = models.CharField(max_length=7, blank=True, default="", help_text="A hex colour such as #ff6154.")
    # Published products in this category; kept by products.services.
    products_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name
