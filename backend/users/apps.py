from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class UsersConfig(AppConfig):
    name = "users"

    def ready(self) -> None:
        import users.schema  # noqa: F401  (registers the schema extension of the authentication)
        from users.authentication import forget_cached_user
        from users.models import User

        def forget(sender: type[User], instance: User, **kwargs: Any) -> None:
            forget_cached_user(instance.pk)

        post_save.connect(forget, sender=User, weak=False, dispatch_uid="users.forget_cached_user.save")
        post_delete.connect(forget, sender=User, weak=False, dispatch_uid="users.forget_cached_user.delete")
