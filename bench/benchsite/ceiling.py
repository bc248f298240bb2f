from django.http import HttpRequest, JsonResponse


def ceiling(request: HttpRequest) -> JsonResponse:
    """The ceiling: a constant small JSON, no database, no cache, no DRF."""
    return JsonResponse({"status": "ok", "name": "Vitrin", "items": [1, 2, 3]})
