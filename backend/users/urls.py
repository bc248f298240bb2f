from django.urls import URLPattern

# Mounted at /api/auth/ and /api/users/ by vitrin/urls.py.
auth_urlpatterns: list[URLPattern] = []
user_urlpatterns: list[URLPattern] = []
