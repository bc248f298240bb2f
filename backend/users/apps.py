from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "users"

    def ready(self) -> None:
        import users.schema  # noqa: F401  (registers the schema extension of the authentication)
