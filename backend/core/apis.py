import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

logger = logging.getLogger(__name__)


class HealthApi(APIView):
    """Answers while the process runs; load balancers use it to route traffic."""

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    throttle_classes: list[type] = []

    @extend_schema(responses=inline_serializer("Health", {"status": serializers.CharField()}))
    def get(self, request: Request) -> Response:
        return Response({"status": "ok"})


class ReadyApi(APIView):
    """Answers 200 only when the database and the cache both answer, else 503 naming what failed."""

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    throttle_classes: list[type] = []

    @extend_schema(
        responses={
            200: inline_serializer(
                "Ready",
                {"status": serializers.CharField(), "checks": serializers.DictField(child=serializers.CharField())},
            ),
            503: inline_serializer(
                "NotReady",
                {"status": serializers.CharField(), "checks": serializers.DictField(child=serializers.CharField())},
            ),
        }
    )
    def get(self, request: Request) -> Response:
        checks = {"database": _check_database(), "cache": _check_cache()}
        ready = all(state == "ok" for state in checks.values())
        return Response({"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503)


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means "not ready"; the reason is logged
        logger.warning("readiness: database failed", exc_info=exc)
        return f"failed: {type(exc).__name__}"
    return "ok"


def _check_cache() -> str:
    # The Redis client is configured to swallow errors (the cache is an accelerator), so
    # readiness asks the client directly when there is one.
    try:
        client_getter = getattr(cache, "client", None)
        if client_getter is not None and hasattr(client_getter, "get_client"):
            client_getter.get_client(write=True).ping()
        else:
            cache.set("vitrin:ready", "1", 5)
            if cache.get("vitrin:ready") != "1":
                return "failed: the cache did not return what was stored"
    except Exception as exc:
        logger.warning("readiness: cache failed", exc_info=exc)
        return f"failed: {type(exc).__name__}"
    return "ok"


class ClientConfigApi(APIView):
    """What a client needs to know before it signs anybody in."""

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]

    @extend_schema(
        responses=inline_serializer("ClientConfig", {"google_client_id": serializers.CharField(allow_null=True)})
    )
    def get(self, request: Request) -> Response:
        return Response({"google_client_id": settings.GOOGLE_OAUTH_CLIENT_ID or None})
