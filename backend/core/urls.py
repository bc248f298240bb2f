from django.urls import path

from core.apis import ClientConfigApi, HealthApi, ReadyApi

urlpatterns = [
    path("health/", HealthApi.as_view(), name="health"),
    path("ready/", ReadyApi.as_view(), name="ready"),
    path("config/", ClientConfigApi.as_view(), name="client-config"),
]
