"""Uploads stored in S3 (django-storages), against moto's S3 server over HTTP: the object lands
in the bucket with the Cache-Control header that lets browsers and CDNs keep it."""

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto.server import ThreadedMotoServer
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient

from core.tests.support import closed_port
from uploads.models import Upload
from uploads.tests.support import image_bytes, upload
from vitrin.settings.base import s3_storage

BUCKET = "vitrin-media"


@pytest.fixture
def s3_bucket(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """An S3 server on loopback holding an empty bucket, used as the default storage."""
    for name, value in {"AWS_ACCESS_KEY_ID": "vitrin", "AWS_SECRET_ACCESS_KEY": "vitrin"}.items():
        monkeypatch.setenv(name, value)
    port = closed_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_storage(bucket_name=BUCKET, endpoint_url=endpoint, region_name="us-east-1"),
    }
    yield client
    server.stop()


@pytest.mark.django_db
def test_an_upload_is_stored_in_the_bucket_cacheable_for_a_year(user_client: APIClient, s3_bucket: Any) -> None:
    response = upload(user_client, image_bytes("JPEG"))

    assert response.status_code == 201, response.content
    key = Upload.objects.get().file.name
    stored = s3_bucket.head_object(Bucket=BUCKET, Key=key)
    assert stored["CacheControl"] == "public, max-age=31536000, immutable"
    assert stored["ContentLength"] == response.json()["size"]
    assert response.json()["url"].endswith(f"/{BUCKET}/{key}")
