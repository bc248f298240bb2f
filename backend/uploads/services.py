"""Storing uploaded images.

The image is judged and re-encoded inside the request (uploads/images.py): a typical photo
takes a fraction of a second and the largest images accepted (40 megapixels, 5 MB) a few
seconds. Celery is not used: the client waits for the URL in the answer either way, and
handing the bytes to a worker would only add a round trip through the broker.
"""

import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from core.domain_errors import TooLarge
from uploads.images import image_clean
from uploads.models import Upload
from users.models import User


def upload_too_large_message() -> str:
    limit = settings.UPLOAD_MAX_BYTES
    readable = f"{limit / 1024 / 1024:.3g} MB" if limit >= 1024 * 1024 else f"{limit / 1024:.3g} KB"
    return f"This file is larger than {readable}; send a smaller image."


def upload_create(*, owner: User, file: UploadedFile) -> Upload:
    """Checks, cleans and stores the image `owner` sent; `TooLarge` or `Invalid` says
    why one is refused. Only the re-encoded image is stored, under a random,
    unguessable name, through Django's storage API (local disk or S3, per settings)."""
    if file.size is None or file.size > settings.UPLOAD_MAX_BYTES:
        raise TooLarge(upload_too_large_message())
    clean = image_clean(file, max_pixels=settings.UPLOAD_MAX_PIXELS)

    name = default_storage.save(
        f"uploads/{timezone.now():%Y/%m}/{secrets.token_urlsafe(18)}.{clean.kind.extension}", ContentFile(clean.data)
    )
    try:
        return Upload.objects.create(
            owner=owner,
            file=name,
            url=default_storage.url(name),
            width=clean.width,
            height=clean.height,
            content_type=clean.kind.content_type,
            size=len(clean.data),
        )
    except BaseException:
        default_storage.delete(name)  # no row points at it: do not leave it behind
        raise
