import io
import re
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient

from uploads.models import Upload
from uploads.tests.support import (
    URL,
    animated_gif,
    camera_exif,
    image_bytes,
    jpeg_with_metadata,
    noisy_jpeg,
    png_header_claiming,
    upload,
)
from users.models import User

pytestmark = pytest.mark.django_db

NOT_ACCEPTED = {"detail": "This file is not an image we accept: send a JPEG, PNG, WebP or GIF image."}
DAMAGED = {"detail": "This image is damaged or incomplete, so it cannot be read. Try another file."}
FILE_MESSAGE = {"file": ["Send the image as a file in the multipart/form-data field `file`."]}
TOO_MANY_PIXELS = {"detail": "This image has too many pixels; send one of at most 40 megapixels."}


def stored(upload_row: Upload) -> Image.Image:
    with default_storage.open(upload_row.file.name) as stored_file:
        image = Image.open(io.BytesIO(stored_file.read()))
    image.load()
    return image


def nothing_stored() -> bool:
    media = django_settings.MEDIA_ROOT
    return not Upload.objects.exists() and not any(path.is_file() for path in media.rglob("*"))


# --- success ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("pillow_format", "content_type", "extension"),
    [
        ("JPEG", "image/jpeg", "jpg"),
        ("PNG", "image/png", "png"),
        ("WEBP", "image/webp", "webp"),
        ("GIF", "image/gif", "gif"),
    ],
)
def test_an_image_is_stored_and_described(
    user: User, user_client: APIClient, pillow_format: str, content_type: str, extension: str
) -> None:
    response = upload(user_client, image_bytes(pillow_format, (40, 30)), name=f"cover.{extension}")

    assert response.status_code == 201
    row = Upload.objects.get()
    assert response.json() == {
        "url": row.url,
        "width": 40,
        "height": 30,
        "content_type": content_type,
        "size": row.size,
    }
    assert (row.owner_id, row.width, row.height, row.content_type) == (user.pk, 40, 30, content_type)
    assert re.fullmatch(rf"/media/uploads/\d{{4}}/\d{{2}}/[A-Za-z0-9_-]{{24}}\.{extension}", row.url)
    assert row.url == default_storage.url(row.file.name)
    assert row.size == default_storage.size(row.file.name)
    assert stored(row).format == pillow_format
    assert stored(row).size == (40, 30)


def test_every_upload_gets_its_own_unguessable_name(user_client: APIClient) -> None:
    same_picture = image_bytes("PNG")

    first = upload(user_client, same_picture).json()["url"]
    second = upload(user_client, same_picture).json()["url"]

    assert first != second
    assert Upload.objects.count() == 2


def test_the_type_is_judged_by_the_content_not_the_name(user_client: APIClient) -> None:
    response = upload(user_client, image_bytes("PNG"), name="holiday.jpg", content_type="image/jpeg")

    assert response.status_code == 201
    assert response.json()["content_type"] == "image/png"
    assert response.json()["url"].endswith(".png")


def test_a_jpeg_holding_extra_pictures_is_stored_as_a_plain_jpeg(user_client: APIClient) -> None:
    camera_file = image_bytes("MPO", (30, 20), save_all=True, append_images=[Image.new("RGB", (30, 20), "blue")])
    assert Image.open(io.BytesIO(camera_file)).format == "MPO"

    response = upload(user_client, camera_file)

    assert response.status_code == 201
    assert response.json()["content_type"] == "image/jpeg"
    image = stored(Upload.objects.get())
    assert (image.format, getattr(image, "n_frames", 1)) == ("JPEG", 1)


def test_location_and_other_metadata_are_removed(user_client: APIClient) -> None:
    original = Image.open(io.BytesIO(jpeg_with_metadata()))
    assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test file does carry GPS

    response = upload(user_client, jpeg_with_metadata())

    assert response.status_code == 201
    image = stored(Upload.objects.get())
    assert dict(image.getexif()) == {}
    assert not {"exif", "icc_profile", "comment", "xmp"} & set(image.info)


def test_the_exif_orientation_is_applied_before_it_is_removed(user_client: APIClient) -> None:
    response = upload(user_client, jpeg_with_metadata(orientation=6, size=(40, 20)))

    assert (response.json()["width"], response.json()["height"]) == (20, 40)
    assert stored(Upload.objects.get()).size == (20, 40)


@pytest.mark.parametrize(
    ("pillow_format", "options"),
    [
        ("PNG", {"exif": camera_exif(), "icc_profile": b"profile" * 20}),
        ("WEBP", {"exif": camera_exif(), "icc_profile": b"profile" * 20, "xmp": b"<x:xmpmeta/>"}),
    ],
)
def test_png_and_webp_lose_their_metadata_too(
    user_client: APIClient, pillow_format: str, options: dict[str, Any]
) -> None:
    source = image_bytes(pillow_format, **options)
    assert set(options) <= set(Image.open(io.BytesIO(source)).info)  # the test file does carry it

    response = upload(user_client, source)

    assert response.status_code == 201
    image = stored(Upload.objects.get())
    assert dict(image.getexif()) == {}
    assert not {"exif", "icc_profile", "xmp"} & set(image.info)


def test_a_simple_animated_gif_keeps_its_frames_and_timing(user_client: APIClient) -> None:
    response = upload(user_client, animated_gif(3), name="wave.gif")

    assert response.status_code == 201
    image = stored(Upload.objects.get())
    frames = []
    for number in range(getattr(image, "n_frames", 1)):
        image.seek(number)
        frames.append((image.convert("RGB").getpixel((5, 5)), image.info["duration"]))
    assert frames == [((0, 0, 0), 100), ((255, 0, 0), 200), ((0, 255, 0), 300)]
    assert image.info["loop"] == 0
    assert "comment" not in image.info


def test_a_long_animated_gif_keeps_its_first_frame(user_client: APIClient) -> None:
    response = upload(user_client, animated_gif(201), name="long.gif")

    assert response.status_code == 201
    image = stored(Upload.objects.get())
    assert getattr(image, "n_frames", 1) == 1
    assert image.convert("RGB").getpixel((5, 5)) == (0, 0, 0)


# --- refusals -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "name", "content_type"),
    [
        (b"Just some words, not a picture.", "notes.txt", "text/plain"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
            "logo.png",
            "image/png",
        ),
        (b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "cover.jpg", "image/jpeg"),
        (image_bytes("BMP"), "cover.bmp", "image/bmp"),
        (image_bytes("TIFF"), "cover.jpg", "image/jpeg"),
    ],
    ids=["text", "svg-named-png", "pdf", "bmp", "tiff"],
)
def test_files_that_are_not_accepted_images_are_refused(
    user_client: APIClient, data: bytes, name: str, content_type: str
) -> None:
    response = upload(user_client, data, name=name, content_type=content_type)

    assert response.status_code == 400
    assert response.json() == NOT_ACCEPTED
    assert nothing_stored()


def test_a_truncated_jpeg_is_refused(user_client: APIClient) -> None:
    whole = noisy_jpeg()

    response = upload(user_client, whole[: len(whole) // 2])

    assert response.status_code == 400
    assert response.json() == DAMAGED
    assert nothing_stored()


def test_an_empty_file_is_refused(user_client: APIClient) -> None:
    response = upload(user_client, b"")

    assert response.status_code == 400
    assert response.json() == {"file": ["The file is empty; choose an image to send."]}
    assert nothing_stored()


def test_a_file_over_the_byte_limit_is_413(user_client: APIClient) -> None:
    response = upload(user_client, b"\xff" * (django_settings.UPLOAD_MAX_BYTES + 1))

    assert response.status_code == 413
    assert response.json() == {"detail": "This file is larger than 5 MB; send a smaller image."}
    assert nothing_stored()


def test_a_body_announced_far_over_the_limit_is_413_before_it_is_read(user_client: APIClient) -> None:
    response = upload(user_client, b"\xff" * (django_settings.UPLOAD_MAX_BYTES + 200 * 1024))

    assert response.status_code == 413
    assert response.json() == {"detail": "This file is larger than 5 MB; send a smaller image."}


def test_the_byte_limit_comes_from_the_settings(user_client: APIClient, settings: Settings) -> None:
    settings.UPLOAD_MAX_BYTES = 2048

    response = upload(user_client, noisy_jpeg((100, 100)))

    assert response.status_code == 413
    assert response.json() == {"detail": "This file is larger than 2 KB; send a smaller image."}


def test_an_image_over_the_pixel_limit_is_refused_before_decoding(user_client: APIClient) -> None:
    one_colour = image_bytes("PNG", (10000, 5000), mode="1")  # 50 megapixels in 16 KB
    assert len(one_colour) < 20_000

    response = upload(user_client, one_colour, name="bomb.png", content_type="image/png")

    assert response.status_code == 400
    assert response.json() == {"detail": "This image is 10000 by 5000 pixels; send one of at most 40 megapixels."}
    assert nothing_stored()


@pytest.mark.parametrize("side", [10000, 30000])  # Pillow's own bomb warning, then its bomb error
def test_a_header_claiming_a_huge_image_is_refused(user_client: APIClient, side: int) -> None:
    response = upload(user_client, png_header_claiming(side, side), name="bomb.png", content_type="image/png")

    assert response.status_code == 400
    assert response.json() == TOO_MANY_PIXELS
    assert nothing_stored()


def test_the_pixel_limit_comes_from_the_settings(user_client: APIClient, settings: Settings) -> None:
    settings.UPLOAD_MAX_PIXELS = 1000

    response = upload(user_client, image_bytes("PNG", (40, 30)))

    assert response.status_code == 400
    assert response.json() == {"detail": "This image is 40 by 30 pixels; send one of at most 0.001 megapixels."}


def test_a_request_without_the_file_field_is_refused(user_client: APIClient) -> None:
    response = user_client.post(URL, {"image": SimpleUploadedFile("a.png", image_bytes("PNG"))}, format="multipart")

    assert response.status_code == 400
    assert response.json() == FILE_MESSAGE


def test_a_text_field_named_file_is_refused(user_client: APIClient) -> None:
    response = user_client.post(URL, {"file": "picture.png"}, format="multipart")

    assert response.status_code == 400
    assert response.json() == FILE_MESSAGE


def test_a_json_body_is_told_to_send_multipart(user_client: APIClient) -> None:
    response = user_client.post(URL, {"file": "aGVsbG8="}, format="json")

    assert response.status_code == 400
    assert response.json() == FILE_MESSAGE


def test_malformed_json_is_a_readable_400(user_client: APIClient) -> None:
    response = user_client.post(URL, "{file", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["detail"].startswith("The request body could not be read: JSON parse error")


def test_anonymous_callers_cannot_upload(api_client: APIClient) -> None:
    response = upload(api_client, image_bytes("PNG"))

    assert response.status_code == 401
    assert nothing_stored()


def test_uploads_are_throttled_per_user(
    user_client: APIClient, other_client: APIClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(django_settings.THROTTLE_RATES, "uploads", "2/hour")
    picture = image_bytes("PNG")

    answers = [upload(user_client, picture) for _ in range(3)]

    assert [answer.status_code for answer in answers] == [201, 201, 429]
    assert int(answers[2]["Retry-After"]) > 0
    assert upload(other_client, picture).status_code == 201
    assert Upload.objects.count() == 3
