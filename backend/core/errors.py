"""Error pages outside DRF views: JSON under /api/, the web app or plain text elsewhere."""

from django.http import HttpRequest, HttpResponse, JsonResponse


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "There is nothing at this address."}, status=404)
    return HttpResponse("Not found.", status=404, content_type="text/plain; charset=utf-8")


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Something went wrong on our side. Please try again."}, status=500)
    return HttpResponse("Something went wrong on our side.", status=500, content_type="text/plain; charset=utf-8")
