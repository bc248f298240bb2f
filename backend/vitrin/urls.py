import re

from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.static import serve
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from core.errors import not_found
from users.urls import auth_urlpatterns, user_urlpatterns
from webapp.views import web_app

api_patterns: list[URLPattern | URLResolver] = [
    path("", include("core.urls")),
    path("auth/", include(auth_urlpatterns)),
    path("users/", include(user_urlpatterns)),
    path("categories/", include("categories.urls")),
    path("", include("products.urls")),
    path("", include("comments.urls")),
    path("notifications/", include("notifications.urls")),
    path("uploads/", include("uploads.urls")),
    path("search/", include("search.urls")),
    path("vitals/", include("vitals.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    # Any other path under /api/ (an id beyond 64 bits included) is the API's JSON 404, in
    # development too, where DEBUG would otherwise answer Django's HTML page of URL patterns.
    # Exempt from CSRF like every API view: else a POST there would get Django's HTML 403 page.
    re_path(r"^.*$", csrf_exempt(not_found), name="api-not-found"),
]

urlpatterns: list[URLPattern | URLResolver] = [
    path("api/", include(api_patterns)),
    path(settings.ADMIN_URL, admin.site.urls),
]

if not settings.AWS_STORAGE_BUCKET_NAME:
    # Local-disk media (development and single-host setups; nginx serves it in production).
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}))

if settings.METRICS_ENABLED:
    # Prometheus text format at /metrics, for the Prometheus of the private network only.
    urlpatterns.append(path("", include("django_prometheus.urls")))

# Everything else is the web app's to route (the admin answers its own unknown paths).
urlpatterns.append(
    re_path(rf"^(?!api/|{re.escape(settings.ADMIN_URL)}|static/|media/|metrics$).*$", web_app, name="web-app")
)

handler404 = "core.errors.not_found"
handler500 = "core.errors.server_error"
