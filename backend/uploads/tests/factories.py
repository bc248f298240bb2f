"""Test data for uploads: an Upload row with a real image behind it, stored through Django's
storage API as uploads.services stores one (MEDIA_ROOT is a fresh folder in every test)."""

import secrets
from typing import Any

import factory
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from uploads.models import Upload
from uploads.tests.support import image_bytes
from users.tests.factories import UserFactory

_PILLOW_FORMATS = {"image/png": ("PNG", "png"), "image/jpeg": ("JPEG", "jpg"), "image/webp": ("WEBP", "webp")}


class UploadFactory(factory.django.DjangoModelFactory[Upload]):
    """`UploadFactory.create(owner=user)`: an image `user` uploaded; its `url` is what
    /api/uploads/ would have answered and what products and avatars may point at."""

    class Meta:
        model = Upload

    owner = factory.SubFactory(UserFactory)
    width = 40
    height = 30
    content_type = "image/png"

    @classmethod
    def _create(cls, model_class: type[Upload], *args: Any, **kwargs: Any) -> Upload:
        pillow_format, extension = _PILLOW_FORMATS[kwargs["content_type"]]
        data = image_bytes(pillow_format, (kwargs["width"], kwargs["height"]))
        name = default_storage.save(
            f"uploads/{timezone.now():%Y/%m}/{secrets.token_urlsafe(18)}.{extension}", ContentFile(data)
        )
        kwargs.update(file=name, url=default_storage.url(name), size=len(data))
        return super()._create(model_class, *args, **kwargs)
