from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo and benchmark data: `manage.py seed_demo` and `manage.py generate_data`."""

    name = "demo"
