from django.urls import path

from categories.apis import CategoryDetailApi, CategoryListApi

urlpatterns = [
    path("", CategoryListApi.as_view(), name="category-list"),
    path("<slug:slug>/", CategoryDetailApi.as_view(), name="category-detail"),
]
