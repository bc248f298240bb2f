import factory

from notifications.models import Notification, NotificationVerb
from products.tests.factories import ProductFactory
from users.tests.factories import UserFactory


class NotificationFactory(factory.django.DjangoModelFactory[Notification]):
    """An upvote notification unless told otherwise."""

    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    actor = factory.SubFactory(UserFactory)
    verb = NotificationVerb.UPVOTE
    product = factory.SubFactory(ProductFactory, author=factory.SelfAttribute("..recipient"))
    comment = None
