from django.urls import path

import core.converters  # noqa: F401  (registers <id:…>)
from products.apis import (
    FeedApi,
    LaunchDaysApi,
    OwnProductsApi,
    ProductDetailApi,
    ProductListApi,
    ProductUpvoteApi,
    UserUpvotedProductsApi,
)

urlpatterns = [
    path("products/", ProductListApi.as_view(), name="product-list"),
    path("products/launch-days/", LaunchDaysApi.as_view(), name="product-launch-days"),
    path("products/<id:product_id>/", ProductDetailApi.as_view(), name="product-detail"),
    path("products/<id:product_id>/upvote/", ProductUpvoteApi.as_view(), name="product-upvote"),
    path("feed/", FeedApi.as_view(), name="feed"),
    path("users/<str:username>/upvotes/", UserUpvotedProductsApi.as_view(), name="user-upvotes"),
    # Under /api/auth/me/ with the rest of the caller's own account (users.urls has no such path).
    path("auth/me/products/", OwnProductsApi.as_view(), name="auth-me-products"),
]
