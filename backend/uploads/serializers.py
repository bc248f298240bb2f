from typing import Any

from rest_framework import serializers

from uploads.models import Upload

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
