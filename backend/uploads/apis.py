from typing import cast

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.exceptions import BodyTooLarge
from uploads.serializers import UploadInputSerializer, UploadSerializer
from uploads.services import upload_create, upload_too_large_message
from uploads.throttling import UploadRateThrottle
from users.models import User

# Room for the multipart boundaries and headers around the file itself.
MULTIPART_OVERHEAD_BYTES = 64 * 1024


class UploadCreateApi(APIView):
    """Accepts one image (multipart field `file`) and answers where it is stored."""

    permission_classes = [IsAuthenticated]
    throttle_classes = [*APIView.throttle_classes, UploadRateThrottle]
    # JSON is parsed too, only so that a JSON body is told what to send instead of being
    # refused as an unsupported media type.
    parser_classes = [MultiPartParser, JSONParser]

    @extend_schema(request={"multipart/form-data": UploadInputSerializer}, responses={201: UploadSerializer})
    def post(self, request: Request) -> Response:
        # A body announced larger than any acceptable file is refused before it is read.
        declared = request.META.get("CONTENT_LENGTH") or "0"
        if declared.isdigit() and int(declared) > settings.UPLOAD_MAX_BYTES + MULTIPART_OVERHEAD_BYTES:
            raise BodyTooLarge(upload_too_large_message())
        given = UploadInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        upload = upload_create(owner=cast(User, request.user), file=given.validated_data["file"])
        return Response(UploadSerializer(upload).data, status=status.HTTP_201_CREATED)
