from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.parsers import JSONParser
from vitals.metrics import PageType
from vitals.serializers import VitalsBeaconSerializer
from vitals.services import web_vitals_record
from vitals.throttling import VitalsRateThrottle


class VitalsBeaconApi(APIView):
    """Counts the Core Web Vitals that a sampled page load of the web app measured.

    Anonymous by design: no credentials are read (a token sent is ignored) and the page is a
    type, never a URL. The web app sends the body with navigator.sendBeacon as a JSON Blob; a
    cross-site page cannot send JSON without a CORS preflight, which this API never grants."""

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    throttle_classes = [VitalsRateThrottle]
    parser_classes = [JSONParser]

    @extend_schema(request=VitalsBeaconSerializer, responses={204: None})
    def post(self, request: Request) -> Response:
        given = VitalsBeaconSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        web_vitals_record(page=PageType(given.validated_data["page"]), samples=given.validated_data["metrics"])
        return Response(status=status.HTTP_204_NO_CONTENT)
