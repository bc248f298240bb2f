from typing import Any

from rest_framework import serializers

from users.models import User

PUBLIC_USER_FIELDS = (
    "id",
    "username",
    "first_name",
    "last_name",
    "avatar",
    "bio",
    "website",
    "created_at",
    "products_count",
    "followers_count",
    "following_count",
    "is_following",
)


class UserPublicSerializer(serializers.ModelSerializer[User]):
    """A user as anybody may see them. Never the email.

    `is_following` comes from the `is_following` attribute that the selector annotated
    (users.selectors.is_following_annotation); it is false when absent, as for anonymous callers.
    """

    is_following = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = PUBLIC_USER_FIELDS
        read_only_fields = PUBLIC_USER_FIELDS

    def get_is_following(self, user: User) -> bool:
        return bool(getattr(user, "is_following", False))


def with_author_following(instance: Any) -> Any:
    """Hands the `author_is_following` annotation of a product or comment to its author."""
    instance.author.is_following = bool(getattr(instance, "author_is_following", False))
    return instance
