from typing import cast

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.throttling import WriteRateThrottle
from notifications.models import Notification
from notifications.selectors import notification_list, notification_unread_count
from notifications.serializers import (
    NotificationSerializer,
    NotificationsReadInputSerializer,
    NotificationUnreadCountSerializer,
)
from notifications.services import notifications_mark_read
from users.models import User


class NotificationListApi(ListAPIView[Notification]):
    """The caller's notifications, newest first."""

    permission_classes = [IsAuthenticated]
    serializer_class = NotificationSerializer
    filter_backends: list[type] = []

    def get_queryset(self) -> QuerySet[Notification]:
        return notification_list(user=cast(User, self.request.user))


class NotificationUnreadCountApi(APIView):
    """How many of the caller's notifications are unread (the web app's bell)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=NotificationUnreadCountSerializer)
    def get(self, request: Request) -> Response:
        return Response({"unread": notification_unread_count(user=cast(User, request.user))})


class NotificationsReadApi(APIView):
    """Marks the caller's notifications read: those in `ids`, or all of them."""

    permission_classes = [IsAuthenticated]
    throttle_classes = [*APIView.throttle_classes, WriteRateThrottle]

    @extend_schema(request=NotificationsReadInputSerializer, responses={204: None})
    def post(self, request: Request) -> Response:
        given = NotificationsReadInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        notifications_mark_read(user=cast(User, request.user), ids=given.validated_data.get("ids"))
        return Response(status=status.HTTP_204_NO_CONTENT)
