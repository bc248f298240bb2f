"""The smaller copies of uploads: made when an upload commits, at widths never above the
image's own, in AVIF, WebP and a JPEG (or PNG) fallback, through Django's storage API."""

import io
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from moto import mock_aws
from PIL import Image
from pytest_django.fixtures import DjangoCaptureOnCommitCallbacks, Settings
from rest_framework.test import APIClient

from categories.tests.factories import CategoryFactory
from products.tests.factories import ProductFactory
from uploads.models import Upload
from uploads.services import upload_variants_make, variant_name
from uploads.tests.factories import UploadFactory
from uploads.tests.support import animated_gif, camera_exif, image_bytes, noisy_jpeg, upload
from users.models import User

pytestmark = pytest.mark.django_db

ALL_FORMATS = ["image/avif", "image/webp", "image/jpeg"]


def upload_committed(client: APIClient, data: bytes, capture: DjangoCaptureOnCommitCallbacks, **kwargs: Any) -> Upload:
    """Uploads `data` and runs what the upload queued on commit (the variants task, inline)."""
    with capture(execute=True):
        response = upload(client, data, **kwargs)
    assert response.status_code == 201, response.json()
    return Upload.objects.get(url=response.json()["url"])


def stored_image(url: str) -> Image.Image:
    name = url.removeprefix("/media/")
    with default_storage.open(name) as file:
        image = Image.open(io.BytesIO(file.read()))
        image.load()
    return image


def widths_by_format(row: Upload) -> dict[str, list[int]]:
    assert row.variants is not None
    return {kind: sorted(int(width) for width in copies) for kind, copies in row.variants["formats"].items()}


def test_a_large_photo_gets_four_widths_in_each_format(
    user_client: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    row = upload_committed(user_client, noisy_jpeg((2000, 1000)), django_capture_on_commit_callbacks)

    assert widths_by_format(row) == {kind: [160, 480, 800, 1280] for kind in ALL_FORMATS}
    assert row.variants is not None
    assert (row.variants["width"], row.variants["height"]) == (2000, 1000)
    pillow_names = {"image/avif": "AVIF", "image/webp": "WEBP", "image/jpeg": "JPEG"}
    for kind, copies in row.variants["formats"].items():
        for width, url in copies.items():
            image = stored_image(url)
            assert (image.format, image.size) == (pillow_names[kind], (int(width), int(width) // 2))
    # Beside the original, named after it.
    stem = row.file.name.rsplit(".", 1)[0]
    assert row.variants["formats"]["image/webp"]["480"] == f"/media/{stem}.w480.webp"


def test_an_image_is_never_enlarged(
    user_client: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    mid = upload_committed(user_client, noisy_jpeg((300, 200)), django_capture_on_commit_callbacks)
    tiny = upload_committed(user_client, noisy_jpeg((100, 50)), django_capture_on_commit_callbacks)

    assert widths_by_format(mid) == {kind: [160, 300] for kind in ALL_FORMATS}
    assert widths_by_format(tiny) == {kind: [100] for kind in ALL_FORMATS}
    assert tiny.variants is not None
    assert stored_image(tiny.variants["formats"]["image/jpeg"]["100"]).size == (100, 50)


def test_the_copies_of_a_phone_photo_are_upright(
    user_client: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    # Orientation 6: the sensor's 600 x 300 picture is shown turned, 300 wide and 600 high.
    sideways = image_bytes("JPEG", (600, 300), exif=camera_exif(orientation=6))

    row = upload_committed(user_client, sideways, django_capture_on_commit_callbacks)

    assert row.variants is not None
    assert (row.variants["width"], row.variants["height"]) == (300, 600)
    assert stored_image(row.variants["formats"]["image/webp"]["160"]).size == (160, 320)


def test_an_original_stored_with_its_exif_orientation_is_turned_upright(user: User) -> None:
    # Files stored before uploads were cleaned may still carry their orientation.
    name = default_storage.save(
        "uploads/2020/01/old.jpg", ContentFile(image_bytes("JPEG", (600, 300), exif=camera_exif(orientation=8)))
    )
    row = Upload.objects.create(
        owner=user, file=name, url=default_storage.url(name), width=600, height=300, content_type="image/jpeg", size=1
    )

    assert upload_variants_make(upload_id=row.pk) is True

    row.refresh_from_db()
    assert row.variants is not None
    assert stored_image(row.variants["formats"]["image/jpeg"]["300"]).size == (300, 600)


def test_an_image_with_transparency_falls_back_to_png(
    user_client: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    logo = image_bytes("PNG", (400, 400), mode="RGBA")

    row = upload_committed(
        user_client, logo, django_capture_on_commit_callbacks, name="logo.png", content_type="image/png"
    )

    assert widths_by_format(row) == {"image/avif": [160, 400], "image/webp": [160, 400], "image/png": [160, 400]}
    assert row.variants is not None
    assert stored_image(row.variants["formats"]["image/png"]["160"]).mode == "RGBA"


def test_an_animated_gif_keeps_no_copies(
    user_client: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    row = upload_committed(
        user_client, animated_gif(3), django_capture_on_commit_callbacks, name="a.gif", content_type="image/gif"
    )

    assert row.variants is None


def test_making_the_copies_again_changes_nothing(user: User) -> None:
    row = UploadFactory.create(owner=user, width=800, height=600, content_type="image/jpeg")
    assert upload_variants_make(upload_id=row.pk) is True
    row.refresh_from_db()
    first = row.variants
    files_before = sorted(default_storage.listdir(row.file.name.rsplit("/", 1)[0])[1])

    assert upload_variants_make(upload_id=row.pk) is False

    row.refresh_from_db()
    assert row.variants == first
    assert sorted(default_storage.listdir(row.file.name.rsplit("/", 1)[0])[1]) == files_before


def test_a_run_interrupted_before_recording_is_redone_under_the_same_names(user: User) -> None:
    row = UploadFactory.create(owner=user, width=800, height=600, content_type="image/jpeg")
    upload_variants_make(upload_id=row.pk)
    row.refresh_from_db()
    first = row.variants
    folder = row.file.name.rsplit("/", 1)[0]
    files_before = sorted(default_storage.listdir(folder)[1])
    Upload.objects.filter(pk=row.pk).update(variants=None)  # the files are there, the row says nothing

    assert upload_variants_make(upload_id=row.pk) is True

    row.refresh_from_db()
    assert row.variants == first
    assert sorted(default_storage.listdir(folder)[1]) == files_before


@pytest.fixture
def s3_storage(settings: Settings) -> Iterator[None]:
    """Django's default storage on S3 (django-storages), in moto's in-process S3."""
    with mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="vitrin-test")
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {"bucket_name": "vitrin-test", "region_name": "us-east-1", "querystring_auth": False},
            },
        }
        storages._storages = {}  # type: ignore[attr-defined]
        yield
    storages._storages = {}  # type: ignore[attr-defined]


@pytest.mark.usefixtures("s3_storage")
def test_the_copies_are_stored_on_s3_like_on_disk(user: User) -> None:
    name = default_storage.save("uploads/2026/11/photo.jpg", ContentFile(noisy_jpeg((900, 600))))
    row = Upload.objects.create(
        owner=user, file=name, url=default_storage.url(name), width=900, height=600, content_type="image/jpeg", size=1
    )

    assert upload_variants_make(upload_id=row.pk) is True

    row.refresh_from_db()
    assert widths_by_format(row) == {kind: [160, 480, 800, 900] for kind in ALL_FORMATS}
    assert row.variants is not None
    assert (
        row.variants["formats"]["image/webp"]["480"]
        == "https://vitrin-test.s3.amazonaws.com/uploads/2026/11/photo.w480.webp"
    )
    with default_storage.open("uploads/2026/11/photo.w480.webp") as file:
        assert Image.open(io.BytesIO(file.read())).size == (480, 320)


def test_the_command_makes_the_missing_copies_once(user: User) -> None:
    missing = [UploadFactory.create(owner=user, width=500, height=400) for _ in range(3)]
    done = UploadFactory.create(owner=user, width=500, height=400)
    upload_variants_make(upload_id=done.pk)
    done.refresh_from_db()
    done_before = done.variants
    output = io.StringIO()

    call_command("make_image_variants", "--batch-size", "2", stdout=output)

    assert output.getvalue() == "Variants made for 3 uploads; 0 skipped (animated GIFs); 0 failed.\n"
    for row in missing:
        row.refresh_from_db()
        assert widths_by_format(row) == {kind: [160, 480, 500] for kind in ALL_FORMATS}
    done.refresh_from_db()
    assert done.variants == done_before

    again = io.StringIO()
    call_command("make_image_variants", stdout=again)
    assert again.getvalue() == "Variants made for 0 uploads; 0 skipped (animated GIFs); 0 failed.\n"


def test_the_api_lists_the_copies_of_a_product_image_and_of_its_makers_avatar(
    user: User, user_client: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    cover = upload_committed(user_client, noisy_jpeg((1600, 900)), django_capture_on_commit_callbacks)
    avatar = upload_committed(user_client, noisy_jpeg((200, 200)), django_capture_on_commit_callbacks)
    assert user_client.patch("/api/auth/me/", {"avatar": avatar.url}).status_code == 200
    created = user_client.post(
        "/api/products/",
        {"title": "Lamp", "category": CategoryFactory.create().slug, "image": cover.url, "status": "published"},
        format="json",
    )
    assert created.status_code == 201, created.json()

    listed = user_client.get("/api/products/").json()["results"][0]

    stem = "/media/" + cover.file.name.rsplit(".", 1)[0]
    assert listed["image_variants"] == {
        "width": 1600,
        "height": 900,
        "sources": [
            {
                "type": kind,
                "srcset": f"{stem}.w160.{ext} 160w, {stem}.w480.{ext} 480w, "
                f"{stem}.w800.{ext} 800w, {stem}.w1280.{ext} 1280w",
            }
            for kind, ext in (("image/avif", "avif"), ("image/webp", "webp"), ("image/jpeg", "jpg"))
        ],
        "fallback": f"{stem}.w1280.jpg",
    }
    assert created.json()["image_variants"] == listed["image_variants"]
    avatar_stem = "/media/" + avatar.file.name.rsplit(".", 1)[0]
    expected_avatar = {
        "width": 200,
        "height": 200,
        "sources": [
            {"type": kind, "srcset": f"{avatar_stem}.w160.{ext} 160w, {avatar_stem}.w200.{ext} 200w"}
            for kind, ext in (("image/avif", "avif"), ("image/webp", "webp"), ("image/jpeg", "jpg"))
        ],
        "fallback": f"{avatar_stem}.w200.jpg",
    }
    assert listed["author"]["avatar_variants"] == expected_avatar
    assert user_client.get(f"/api/users/{user.username}/").json()["avatar_variants"] == expected_avatar
    assert user_client.get("/api/auth/me/").json()["avatar_variants"] == expected_avatar


def test_an_image_that_is_no_upload_has_no_copies(user_client: APIClient) -> None:
    ProductFactory.create(image="https://images.example.com/lamp.png")

    listed = user_client.get("/api/products/").json()["results"][0]

    assert (listed["image"], listed["image_variants"]) == ("https://images.example.com/lamp.png", None)


def test_the_variant_names_follow_the_original() -> None:
    assert (
        variant_name("uploads/2026/11/abc.def.jpg", width=480, extension="webp") == "uploads/2026/11/abc.def.w480.webp"
    )
    assert variant_name("uploads/x.png", width=160, extension="avif") == "uploads/x.w160.avif"
