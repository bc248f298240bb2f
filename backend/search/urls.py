from django.urls import path

from search.apis import ProductSearchApi, SearchSuggestApi

urlpatterns = [
    path("products/", ProductSearchApi.as_view(), name="search-products"),
    path("suggest/", SearchSuggestApi.as_view(), name="search-suggest"),
]
