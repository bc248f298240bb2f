"""Helpers of the uploads tests: sending a file to /api/uploads/, and image files made for the
tests, as bytes (the factory of stored uploads is in factories.py)."""

import io
import struct
import zlib
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image
from rest_framework.test import APIClient

if TYPE_CHECKING:
    from rest_framework.response import _MonkeyPatchedResponse

URL = "/api/uploads/"


def upload(
    client: APIClient, data: bytes, name: str = "picture.jpg", content_type: str = "image/jpeg"
) -> "_MonkeyPatchedResponse":
    """Sends `data` to /api/uploads/ as a browser's form would."""
    return client.post(URL, {"file": SimpleUploadedFile(name, data, content_type=content_type)}, format="multipart")


# --- image files --------------------------------------------------------------------------------
def image_bytes(pillow_format: str, size: tuple[int, int] = (40, 30), mode: str = "RGB", **options: object) -> bytes:
    output = io.BytesIO()
    Image.new(mode, size, "red" if mode in ("RGB", "RGBA") else 1).save(output, format=pillow_format, **options)
    return output.getvalue()


def noisy_jpeg(size: tuple[int, int] = (400, 300)) -> bytes:
    """A JPEG with enough entropy that cutting it in half cuts into the picture data."""
    output = io.BytesIO()
    Image.effect_noise(size, 50).convert("RGB").save(output, format="JPEG", quality=95)
    return output.getvalue()


def camera_exif(*, orientation: int = 1) -> Image.Exif:
    """EXIF as a phone writes it, GPS coordinates included."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (41.0, 0.0, 36.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (28.0, 58.0, 48.0)
    return exif


def jpeg_with_metadata(*, orientation: int = 1, size: tuple[int, int] = (40, 20)) -> bytes:
    """A JPEG carrying what a phone writes: EXIF with GPS coordinates, an ICC profile, a comment."""
    exif = camera_exif(orientation=orientation)
    return image_bytes("JPEG", size, exif=exif, icc_profile=b"profile" * 20, comment=b"taken at home")


def animated_gif(frame_count: int, size: tuple[int, int] = (20, 20)) -> bytes:
    """A looping GIF whose frame n is drawn in palette colour n % 4, shown for 100 * (n + 1) ms."""
    palette = [0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255] + [0] * (252 * 3)
    frames = []
    for number in range(frame_count):
        frame = Image.new("P", size, number % 4)
        frame.putpalette(palette)
        frames.append(frame)
    output = io.BytesIO()
    frames[0].save(
        output,
        format="GIF",
        save_all=True,
        append_images=frames[1:],
        duration=[100 * (number + 1) for number in range(frame_count)],
        loop=0,
        comment=b"made by a secret tool",
    )
    return output.getvalue()


def png_header_claiming(width: int, height: int) -> bytes:
    """A PNG whose header announces `width` x `height` pixels, followed by almost no data: what
    a decompression bomb looks like before it is decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )
