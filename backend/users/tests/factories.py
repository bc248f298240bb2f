import factory
from django.contrib.auth.hashers import make_password

from users.models import User

DEFAULT_PASSWORD = "correct-horse-battery-staple"
_DEFAULT_PASSWORD_HASH = make_password(DEFAULT_PASSWORD)


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"maker{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = _DEFAULT_PASSWORD_HASH
