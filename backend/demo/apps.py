from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site's data: `manage.py seed_demo` (the benchmark's data set is bench/benchdata)."""

    name = "demo"
