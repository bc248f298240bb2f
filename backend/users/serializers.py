from typing import Any

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.validators import URLValidator
from rest_framework import serializers

from uploads.serializers import ImageVariantsField
from users.models import User
from users.selectors import email_normalize

PUBLIC_USER_FIELDS: tuple[str, ...] = (
    "id",
    "username",
    "first_name",
    "last_name",
    "avatar",
    "avatar_variants",
    "bio",
    "website",
    "created_at",
    "products_count",
    "followers_count",
    "following_count",
    "is_following",
)
PROFILE_FIELDS = ("first_name", "last_name", "bio", "website", "avatar")
# Long enough for any passphrase; a bound so nobody makes us hash megabytes.
PASSWORD_MAX_LENGTH = 128


# --- output ---------------------------------------------------------------------------------
class UserPublicSerializer(serializers.ModelSerializer[User]):
    """A user as anybody may see them. Never the email.

    `is_following` comes from the `is_following` attribute that the selector annotated
    (users.selectors.is_following_annotation); it is false when absent, as for anonymous callers.
    """

    is_following = serializers.SerializerMethodField()
    avatar_variants = ImageVariantsField(
        help_text="Smaller copies of `avatar` for a `srcset`; null when there are none."
    )
    # Not the model's URLField: the schema would promise `format: uri`, and most people have "".
    website = serializers.CharField(
        read_only=True, help_text='Their web address (http or https), or "" when they gave none.'
    )

    class Meta:
        model = User
        fields = PUBLIC_USER_FIELDS
        read_only_fields = PUBLIC_USER_FIELDS

    def get_is_following(self, user: User) -> bool:
        return bool(getattr(user, "is_following", False))


class MeSerializer(UserPublicSerializer):
    """The signed-in user: the public fields, the e-mail address and whether it is verified."""

    class Meta(UserPublicSerializer.Meta):
        fields: tuple[str, ...] = (*PUBLIC_USER_FIELDS, "email", "email_verified")
        read_only_fields: tuple[str, ...] = fields
        extra_kwargs = {
            "email_verified": {
                "help_text": "Whether the person proved they read mail sent to `email` (the e-mailed link, "
                "a password reset or Google sign-in)."
            }
        }


def with_author_following(instance: Any) -> Any:
    """Hands the `author_is_following` and `author_avatar_variants` annotations of a product or
    comment to its author."""
    instance.author.is_following = bool(getattr(instance, "author_is_following", False))
    instance.author.avatar_variants = getattr(instance, "author_avatar_variants", None)
    return instance


class TokenPairSerializer(serializers.Serializer[Any]):
    access = serializers.CharField(help_text="The access token (JWT): send it as `Authorization: Bearer <access>`.")
    refresh = serializers.CharField(
        help_text="The refresh token. Also set in the httpOnly cookie for the web app; each one works once."
    )


class SignedInSerializer(TokenPairSerializer):
    user = MeSerializer()


class GoogleSignedInSerializer(SignedInSerializer):
    created = serializers.BooleanField(help_text="Whether this sign-in created the account.")


class FollowStateSerializer(serializers.Serializer[Any]):
    following = serializers.BooleanField()
    followers_count = serializers.IntegerField()


# --- input ----------------------------------------------------------------------------------
def _password_field(**kwargs: Any) -> serializers.CharField:
    return serializers.CharField(
        max_length=PASSWORD_MAX_LENGTH,
        trim_whitespace=False,
        write_only=True,
        style={"input_type": "password"},
        **kwargs,
    )


class RegisterInputSerializer(serializers.Serializer[Any]):
    username = serializers.CharField(max_length=150, validators=[UnicodeUsernameValidator()])
    email = serializers.EmailField(max_length=254)
    password = _password_field()


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a file" if hasattr(value, "read") else "another kind of value"


class TextField(serializers.CharField):
    """A CharField that takes text only. DRF's turns a number into its digits: `{"username":
    31337007}` then signed in as "31337007" while escaping the rate limit of that username."""

    default_error_messages = {"not_text": "Enter this as text (a JSON string), not {kind}."}

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("not_text", kind=_json_kind(data))
        return super().to_internal_value(data)


class NormalizedEmailField(serializers.EmailField):
    """An e-mail address given as text, validated and returned as Vitrin stores addresses
    (`users.selectors.email_normalize`): "ADA@example.com", in full-width letters or not, is
    "ada@example.com"."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(email_normalize(data))


class LoginInputSerializer(serializers.Serializer[Any]):
    email = TextField(max_length=254, required=False, allow_blank=True)
    username = TextField(max_length=150, required=False, allow_blank=True)
    password = _password_field()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("email") and not attrs.get("username"):
            raise serializers.ValidationError({"email": ["Enter your e-mail address (or your username)."]})
        return attrs


class RefreshInputSerializer(serializers.Serializer[Any]):
    refresh = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="The refresh token; the web app may leave it out and send its cookie instead.",
    )


class GoogleSignInInputSerializer(serializers.Serializer[Any]):
    id_token = serializers.CharField(max_length=8192, help_text="The ID token Google gave the client (a JWT).")


class ProfileUpdateInputSerializer(serializers.Serializer[Any]):
    """The fields a person may change about themselves; anything else in the body is refused."""

    first_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    last_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    bio = serializers.CharField(max_length=500, required=False, allow_blank=True)
    website = serializers.CharField(
        max_length=300,
        required=False,
        allow_blank=True,
        validators=[
            URLValidator(schemes=["http", "https"], message="Enter a web address starting with http:// or https://.")
        ],
    )
    avatar = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        help_text='The URL of an image you uploaded through /api/uploads/, or "" to remove it.',
    )

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        if isinstance(data, dict):
            refused = sorted(set(data) - set(PROFILE_FIELDS))
            if refused:
                allowed = ", ".join(PROFILE_FIELDS)
                message = f"This field cannot be changed here. You can change: {allowed}."
                raise serializers.ValidationError({field: [message] for field in refused})
        return super().to_internal_value(data)


class PasswordChangeInputSerializer(serializers.Serializer[Any]):
    old_password = _password_field()
    new_password = _password_field()


class PasswordResetInputSerializer(serializers.Serializer[Any]):
    email = NormalizedEmailField(max_length=254)


class EmailVerifyInputSerializer(serializers.Serializer[Any]):
    uid = serializers.CharField(max_length=64, help_text="The `uid` of the e-mailed link.")
    token = serializers.CharField(max_length=128, help_text="The `token` of the e-mailed link.")


class PasswordResetConfirmInputSerializer(serializers.Serializer[Any]):
    uid = serializers.CharField(max_length=64)
    token = serializers.CharField(max_length=128)
    new_password = _password_field()
