"""The query parameters of GET /api/products/ (and of other product lists that reuse them)."""

import datetime as dt

import django_filters
from django.db.models import QuerySet

from products.models import Product, ProductStatus
from products.selectors import PRODUCT_ORDERINGS

ORDERING_CHOICES = [(name, name) for name in PRODUCT_ORDERINGS]


class ProductFilter(django_filters.FilterSet):
    category = django_filters.CharFilter(
        field_name="category__slug", max_length=60, help_text="Only products of the category with this slug."
    )
    tag = django_filters.CharFilter(method="filter_tag", max_length=30, help_text="Only products with this tag.")
    author = django_filters.CharFilter(
        field_name="author__username",
        lookup_expr="iexact",
        max_length=150,
        help_text="Only products launched by the user with this username.",
    )
    date = django_filters.DateFilter(
        method="filter_date",
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": "Give the date as YYYY-MM-DD, for example 2026-03-14."},
        help_text="Only products published on this day (UTC), as YYYY-MM-DD.",
    )
    ordering = django_filters.ChoiceFilter(
        method="filter_ordering",
        choices=ORDERING_CHOICES,
        empty_label=None,
        error_messages={"invalid_choice": "Choose the ordering among hot, new and top."},
        help_text="hot (the default): upvotes decayed by age; new: newest first; top: most upvoted first.",
    )

    class Meta:
        model = Product
        fields: list[str] = []

    def filter_tag(self, queryset: QuerySet[Product], name: str, value: str) -> QuerySet[Product]:
        # A product has a tag at most once (a unique constraint), so the join adds no duplicates.
        return queryset.filter(tag_rows__name=value.strip().lower())

    def filter_date(self, queryset: QuerySet[Product], name: str, value: dt.date) -> QuerySet[Product]:
        start = dt.datetime.combine(value, dt.time.min, tzinfo=dt.UTC)
        queryset = queryset.filter(published_at__gte=start)
        if value < dt.date.max:
            queryset = queryset.filter(published_at__lt=start + dt.timedelta(days=1))
        return queryset

    def filter_ordering(self, queryset: QuerySet[Product], name: str, value: str) -> QuerySet[Product]:
        return queryset.order_by(*PRODUCT_ORDERINGS[value])


class OwnProductFilter(django_filters.FilterSet):
    """The query parameters of GET /api/auth/me/products/ (the caller's own products)."""

    status = django_filters.ChoiceFilter(
        choices=ProductStatus.choices,
        empty_label=None,
        error_messages={"invalid_choice": "Choose the status among draft, published and archived."},
        help_text="Only products with this status: draft, published or archived.",
    )

    class Meta:
        model = Product
        fields: list[str] = []
