from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    name = "core"


class VitrinAdminConfig(admin_apps.AdminConfig):
    """Django's admin app with `core.admin_site.VitrinAdminSite` (two-factor for staff) as
    `django.contrib.admin.site`, so every app's `admin.register` lands on it. Named in
    INSTALLED_APPS instead of "django.contrib.admin"."""

    # Not the configuration Django picks for "core" itself (that stays CoreConfig).
    default = False
    default_site = "core.admin_site.VitrinAdminSite"
