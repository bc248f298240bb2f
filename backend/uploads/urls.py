from django.urls import path

from uploads.apis import UploadCreateApi

# Mounted at /api/uploads/ by vitrin/urls.py.
urlpatterns = [
    path("", UploadCreateApi.as_view(), name="upload-create"),
]
