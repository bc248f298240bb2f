import pytest
from django.test import Client
from rest_framework.test import APIClient

from uploads.models import Upload
from uploads.tests.support import image_bytes, upload

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/uploads/upload/"


def test_staff_browse_uploads_read_only(admin_client: Client, user_client: APIClient) -> None:
    upload(user_client, image_bytes("PNG"))
    row = Upload.objects.get()

    listing = admin_client.get(CHANGELIST, {"content_type": "image/png"})
    page = admin_client.get(f"{CHANGELIST}{row.pk}/change/")

    assert list(listing.context["cl"].result_list) == [row]
    assert page.status_code == 200
    assert row.url in page.content.decode()
    assert admin_client.get(f"{CHANGELIST}{row.pk}/delete/").status_code == 403
    assert admin_client.get(f"{CHANGELIST}add/").status_code == 403
