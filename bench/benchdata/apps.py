from django.apps import AppConfig


class BenchDataConfig(AppConfig):
    """The benchmark's data set: `manage.py generate_data` (installed by benchsite.settings)."""

    name = "benchdata"
