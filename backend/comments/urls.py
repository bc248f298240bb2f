from django.urls import path

from comments.apis import CommentDetailApi, ProductCommentsApi

# Mounted at /api/ by vitrin/urls.py.
urlpatterns = [
    path("products/<int:product_id>/comments/", ProductCommentsApi.as_view(), name="product-comments"),
    path("comments/<int:comment_id>/", CommentDetailApi.as_view(), name="comment-detail"),
]
