import factory
from django.contrib.auth.hashers import make_password

from users.models import Follow, SocialAccount, User

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


class FollowFactory(factory.django.DjangoModelFactory[Follow]):
    """A follow row only: the counters are the services' to keep, so tests that read them follow
    through the API or `users.services.follow_add`."""

    class Meta:
        model = Follow

    follower = factory.SubFactory(UserFactory)
    followee = factory.SubFactory(UserFactory)


class SocialAccountFactory(factory.django.DjangoModelFactory[SocialAccount]):
    class Meta:
        model = SocialAccount

    user = factory.SubFactory(UserFactory)
    issuer = "https://accounts.google.com"
    subject = factory.Sequence(lambda n: f"10000000000000000{n:04d}")
    email = factory.LazyAttribute(lambda account: account.user.email)
