from django.http import HttpRequest, JsonResponse
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


def ceiling(request: HttpRequest) -> JsonResponse:
    """The ceiling: a constant small JSON, no database, no cache, no DRF."""
    return JsonResponse({"status": "ok", "name": "Vitrin", "items": [1, 2, 3]})


class SignedInFloor(APIView):
    """What any signed-in request of the API costs before its own work: DRF with the project's
    authentication (the JWT checked, the caller's row loaded), permission and throttles, then
    a constant answer."""

    permission_classes = [IsAuthenticated]

    def get(self, request: Request) -> Response:
        return Response({"status": "ok", "user": request.user.pk})
