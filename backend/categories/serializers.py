from rest_framework import serializers

from categories.models import Category

CATEGORY_FIELDS = ("id", "name", "slug", "description", "icon", "color", "products_count")
HEX_COLOUR_REGEX = r"^#[0-9a-fA-F]{6}$"


class CategorySerializer(serializers.ModelSerializer[Category]):
    class Meta:
        model = Category
        fields = CATEGORY_FIELDS
        read_only_fields = CATEGORY_FIELDS


class CategoryInputSerializer(serializers.Serializer[None]):
    """What staff send to create (`name` required) or change (any field) a category."""

    name = serializers.CharField(
        max_length=60,
        error_messages={
            "blank": "Give the category a name.",
            "max_length": "Keep the name to 60 characters or fewer.",
        },
    )
    slug = serializers.SlugField(
        max_length=60,
        required=False,
        error_messages={
            "invalid": "Use only lower-case letters, digits and hyphens in the slug.",
            "blank": "Give the category a slug, or leave it out to derive it from the name.",
            "max_length": "Keep the slug to 60 characters or fewer.",
        },
    )
    description = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        error_messages={"max_length": "Keep the description to 500 characters or fewer."},
    )
    icon = serializers.CharField(
        max_length=40,
        required=False,
        allow_blank=True,
        error_messages={"max_length": "Keep the icon to 40 characters or fewer."},
    )
    color = serializers.RegexField(
        HEX_COLOUR_REGEX,
        required=False,
        allow_blank=True,
        error_messages={"invalid": "Give the colour as a hex code such as #ff6154."},
    )

    def validate_slug(self, value: str) -> str:
        return value.lower()
