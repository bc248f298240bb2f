from django.urls import path

from vitals.apis import VitalsBeaconApi

# Mounted at /api/vitals/ by vitrin/urls.py.
urlpatterns = [
    path("", VitalsBeaconApi.as_view(), name="vitals-beacon"),
]
