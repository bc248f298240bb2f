from django.urls import path

from notifications.apis import NotificationListApi, NotificationsReadApi, NotificationUnreadCountApi

# Mounted at /api/notifications/ by vitrin/urls.py.
urlpatterns = [
    path("", NotificationListApi.as_view(), name="notification-list"),
    path("unread-count/", NotificationUnreadCountApi.as_view(), name="notification-unread-count"),
    path("read/", NotificationsReadApi.as_view(), name="notifications-read"),
]
