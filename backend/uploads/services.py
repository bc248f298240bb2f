"""Storing uploaded images, and their smaller copies.

The image is judged and re-encoded inside the request (uploads/images.py): a typical photo
takes a fraction of a second and the largest images accepted (40 megapixels, 5 MB) a few
seconds. Celery is not used for that: the client waits for the URL in the answer either way,
and handing the bytes to a worker would only add a round trip through the broker.

The smaller copies (`upload_variants_make`) are made by a Celery task queued when the upload
commits: nobody waits for them, and until they exist the original is shown.
"""

import posixpath
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from core.cache import PRODUCTS, bump_cache_version
from core.domain_errors import TooLarge
from uploads.images import image_clean, image_variants
from uploads.models import Upload
from uploads.tasks import upload_variants_make_task
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
        upload = Upload.objects.create(
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
    upload_id = upload.pk
    # Robust: when there is no broker the task runs right here, and a failure to make the copies
    # must not turn a stored upload into an error (the originals are shown meanwhile).
    transaction.on_commit(lambda: upload_variants_make_task.delay(upload_id), robust=True)
    return upload


def variant_name(original: str, *, width: int, extension: str) -> str:
    """Where a copy is stored: beside the original, named after it (`abc.jpg` → `abc.w480.webp`),
    so the same copy always lands on the same name and making it twice overwrites it."""
    stem, _ = posixpath.splitext(original)
    return f"{stem}.w{width}.{extension}"


def upload_variants_make(*, upload_id: int) -> bool:
    """Makes and stores the smaller copies of an upload and records them on its row; True when
    it did, False when there was nothing to do (no such upload, copies already recorded, or an
    animated GIF, which is served as it is). Safe to run twice or at once: the copies' names
    are fixed and the row is written only while it records none.

    Storage goes through Django's storage API, so this works on local files and S3 alike."""
    upload = Upload.objects.filter(pk=upload_id, variants__isnull=True).first()
    if upload is None:
        return False
    with default_storage.open(upload.file.name, "rb") as original:
        made = image_variants(original)
    if made is None:
        return False
    formats: dict[str, dict[str, str]] = {}
    for copy in made.copies:
        name = variant_name(upload.file.name, width=copy.width, extension=copy.kind.extension)
        if default_storage.exists(name):  # left by an earlier, interrupted run
            default_storage.delete(name)
        stored = default_storage.save(name, ContentFile(copy.data))
        formats.setdefault(copy.kind.content_type, {})[str(copy.width)] = default_storage.url(stored)
    recorded = Upload.objects.filter(pk=upload_id, variants__isnull=True).update(
        variants={"width": made.width, "height": made.height, "formats": formats}
    )
    if recorded:
        # Lists cached while the copies were being made show the original: make them stale.
        bump_cache_version(PRODUCTS)
    return bool(recorded)
