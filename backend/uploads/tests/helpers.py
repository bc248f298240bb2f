from typing import TYPE_CHECKING

from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

if TYPE_CHECKING:
    from rest_framework.response import _MonkeyPatchedResponse

URL = "/api/uploads/"


def upload(
    client: APIClient, data: bytes, name: str = "picture.jpg", content_type: str = "image/jpeg"
) -> "_MonkeyPatchedResponse":
    return client.post(URL, {"file": SimpleUploadedFile(name, data, content_type=content_type)}, format="multipart")
