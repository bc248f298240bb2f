from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from uploads.models import Upload
from uploads.selectors import image_variants_output

FILE_MESSAGE = "Send the image as a file in the multipart/form-data field `file`."


class UploadInputSerializer(serializers.Serializer[Any]):
    file = serializers.FileField(
        error_messages={
            "required": FILE_MESSAGE,
            "null": FILE_MESSAGE,
            "invalid": FILE_MESSAGE,
            "no_name": FILE_MESSAGE,
            "empty": "The file is empty; choose an image to send.",
        }
    )


class UploadSerializer(serializers.ModelSerializer[Upload]):
    class Meta:
        model = Upload
        fields = ("url", "width", "height", "content_type", "size")
        read_only_fields = fields


# --- the smaller copies of an image, as products and people show them ----------------------------
class ImageSourceSerializer(serializers.Serializer[Any]):
    type = serializers.CharField(help_text="The copies' media type, e.g. image/avif, image/webp, image/jpeg.")
    srcset = serializers.CharField(help_text="The copies of that type, as an HTML `srcset`: `url 160w, url 480w, ...`.")


class ImageVariantsSerializer(serializers.Serializer[Any]):
    """Smaller copies of an uploaded image, for an HTML `<picture>`: one `<source>` per entry of
    `sources`, `width` and `height` on the `<img>` so the page keeps its layout while it loads."""

    width = serializers.IntegerField(
        help_text="The original image's width in pixels (with `height`, its aspect ratio)."
    )
    height = serializers.IntegerField(help_text="The original image's height in pixels.")
    sources = ImageSourceSerializer(
        many=True,
        help_text="One entry per format, the most compact first (HTML `<picture>` `<source>`s); the last is "
        "JPEG (PNG for an image with transparency), which every browser reads.",
    )
    fallback = serializers.CharField(help_text="The URL of the largest copy in the last format, for an `<img src>`.")


@extend_schema_field(ImageVariantsSerializer(allow_null=True))
class ImageVariantsField(serializers.Field):
    """Smaller copies of an uploaded image (uploads.models.Upload.variants) for HTML `srcset`s.
    Read from the annotation named by `source` (uploads.models.upload_variants_of); null when
    the image is no upload (a demo image, an outside address) or its copies are not made yet."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(read_only=True, allow_null=True, default=None, **kwargs)

    def get_attribute(self, instance: Any) -> Any:
        return getattr(instance, self.source_attrs[0], None)

    def to_representation(self, value: dict[str, Any]) -> dict[str, Any]:
        return image_variants_output(value)
