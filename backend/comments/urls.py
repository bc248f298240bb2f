from django.urls import path

import core.converters  # noqa: F401  (registers <id:…>)
from comments.apis import CommentDetailApi, CommentRepliesApi, ProductCommentsApi

# Mounted at /api/ by vitrin/urls.py.
urlpatterns = [
    path("products/<id:product_id>/comments/", ProductCommentsApi.as_view(), name="product-comments"),
    path("comments/<id:comment_id>/", CommentDetailApi.as_view(), name="comment-detail"),
    path("comments/<id:comment_id>/replies/", CommentRepliesApi.as_view(), name="comment-replies"),
]
