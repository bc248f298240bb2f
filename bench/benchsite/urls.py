from django.urls import URLPattern, URLResolver, include, path

from benchsite import naive
from benchsite.ceiling import SignedInFloor, ceiling
from vitrin.urls import handler404, handler500
from vitrin.urls import urlpatterns as vitrin_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]

bench_patterns: list[URLPattern | URLResolver] = [
    path("ceiling/", ceiling, name="bench-ceiling"),
    path("signed-in-floor/", SignedInFloor.as_view(), name="bench-signed-in-floor"),
    path("naive/products/", naive.NaiveProductViewSet.as_view({"get": "list"}), name="bench-naive-products"),
    path(
        "naive/products/<int:pk>/",
        naive.NaiveProductViewSet.as_view({"get": "retrieve"}),
        name="bench-naive-product",
    ),
    path(
        "naive/products/<int:product_id>/comments/",
        naive.NaiveCommentViewSet.as_view({"get": "list"}),
        name="bench-naive-comments",
    ),
]

# Before Vitrin's own patterns: its last one routes every other path to the web app.
urlpatterns: list[URLPattern | URLResolver] = [path("bench/", include(bench_patterns)), *vitrin_urlpatterns]
