from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView


class WriteRateThrottle(SimpleRateThrottle):
    """Limits what one signed-in user may write (POST, PATCH, PUT, DELETE) per period."""

    scope = "writes"

    def allow_request(self, request: Request, view: APIView) -> bool:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return True
        return super().allow_request(request, view)

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        if not request.user or not request.user.is_authenticated:
            return None  # anonymous writes are refused by permissions before they cost anything
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}
