from django.contrib.auth.models import AnonymousUser
from django.db.models import BooleanField, Exists, OuterRef, Value

from users.models import Follow, User


def is_following_annotation(*, viewer: User | AnonymousUser, user_ref: str = "pk") -> Exists | Value:
    """`True` where `viewer` follows the user at `user_ref` (e.g. "pk", "author"); one subquery."""
    if not viewer.is_authenticated:
        return Value(False, output_field=BooleanField())
    return Exists(Follow.objects.filter(follower_id=viewer.pk, followee_id=OuterRef(user_ref)))
