"""The Product object of the contract, and what makers send to create or change one.

ProductSerializer never queries: give it products from products.selectors.product_list_queryset,
which loads the category and the author and annotates `has_upvoted` and `author_is_following`.
"""

from typing import Any

from django.core.validators import URLValidator
from rest_framework import serializers

from categories.serializers import CategorySerializer
from core.http_cache import Personalization
from products.models import Product, ProductStatus
from products.selectors import FOLLOWING_FIELD, PRODUCT_ORDERINGS, UPVOTED_FIELD, viewer_marks
from uploads.serializers import ImageVariantsField
from users.serializers import UserPublicSerializer, with_author_following

# The per-viewer fields of every representation that shows products or people (products, their
# makers, commenters): what a shared cache (core.http_cache) puts on top for a signed-in caller.
# Defined with the representation, not in products.selectors: it is HTTP-cache configuration, and
# the domain layer imports no Django REST framework (backend/.importlinter).
UPVOTED_AND_FOLLOWING = Personalization(fields=(UPVOTED_FIELD, FOLLOWING_FIELD), marks=viewer_marks)

MAX_TAGS = 10
MAX_TAG_LENGTH = 30
MAX_GALLERY_IMAGES = 10
MAX_URL_LENGTH = 500

PRODUCT_FIELDS = (
    "id",
    "slug",
    "title",
    "tagline",
    "description",
    "url",
    "category",
    "author",
    "image",
    "image_variants",
    "gallery",
    "tags",
    "status",
    "upvote_count",
    "view_count",
    "comment_count",
    "has_upvoted",
    "created_at",
    "updated_at",
    "published_at",
)


class ProductSerializer(serializers.ModelSerializer[Product]):
    category = CategorySerializer(read_only=True)
    author = UserPublicSerializer(read_only=True)
    image_variants = ImageVariantsField(help_text="Smaller copies of `image` for a `srcset`; null when there are none.")
    gallery = serializers.ListField(child=serializers.CharField(), read_only=True)
    tags = serializers.ListField(child=serializers.CharField(), read_only=True)
    has_upvoted = serializers.SerializerMethodField()

    class Meta:
        model = Product
        fields = PRODUCT_FIELDS
        read_only_fields = PRODUCT_FIELDS

    def get_has_upvoted(self, product: Product) -> bool:
        return bool(getattr(product, "has_upvoted", False))

    def to_representation(self, instance: Product) -> dict[str, Any]:
        return super().to_representation(with_author_following(instance))


class UpvoteResultSerializer(serializers.Serializer[None]):
    upvoted = serializers.BooleanField()
    upvote_count = serializers.IntegerField()


class LaunchDaySerializer(serializers.Serializer[None]):
    date = serializers.DateField(help_text="The day (UTC).")
    results = ProductSerializer(many=True, help_text="Its first launches, in the asked ordering.")
    next = serializers.URLField(
        allow_null=True, help_text="The rest of that day's launches (`GET /api/products/?date=…`), or null."
    )


class LaunchDaysSerializer(serializers.Serializer[None]):
    days = LaunchDaySerializer(many=True)
    before = serializers.DateField(
        allow_null=True,
        help_text="The latest earlier day with launches: pass it as `date` for the days that follow; null at the end.",
    )


# --- input --------------------------------------------------------------------------------
MAX_LAUNCH_DAYS = 7


class TextField(serializers.CharField):
    """A CharField that takes text only: a number or a boolean is refused, not turned into text."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StringListField(serializers.Field):
    """A list of short strings, refused as a whole with one readable message per problem.

    Each item is trimmed; `lower` lower-cases it; duplicates are dropped, the first kept.
    """

    def __init__(self, *, noun: str, max_items: int, max_length: int, lower: bool = False, **kwargs: Any) -> None:
        self.noun = noun
        self.max_items = max_items
        self.max_length = max_length
        self.lower = lower
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> list[str]:
        if not isinstance(data, list):
            raise serializers.ValidationError(f"Give the {self.noun}s as a list of strings.")
        items: list[str] = []
        for raw in data:
            if not isinstance(raw, str):
                raise serializers.ValidationError(f"Each {self.noun} must be a string.")
            item = raw.strip().lower() if self.lower else raw.strip()
            if not item:
                raise serializers.ValidationError(f"A {self.noun} cannot be empty.")
            if "\x00" in item:
                raise serializers.ValidationError(f"A {self.noun} cannot contain the null character.")
            if len(item) > self.max_length:
                raise serializers.ValidationError(
                    f"Each {self.noun} must be at most {self.max_length} characters; “{item[:40]}” is longer."
                )
            if item not in items:
                items.append(item)
        if len(items) > self.max_items:
            raise serializers.ValidationError(f"Give at most {self.max_items} {self.noun}s, not {len(items)}.")
        return items

    def to_representation(self, value: list[str]) -> list[str]:
        return value


http_url_validator = URLValidator(
    schemes=["http", "https"], message="Enter a full web address starting with http:// or https://."
)


class ProductInputSerializer(serializers.Serializer[None]):
    """What a maker sends to change a product (PATCH: any of the fields)."""

    title = TextField(
        max_length=120,
        error_messages={
            "required": "Give the product a title.",
            "blank": "Give the product a title.",
            "max_length": "Keep the title to 120 characters or fewer.",
            "invalid": "Give the title as text.",
        },
    )
    tagline = TextField(
        max_length=160,
        required=False,
        allow_blank=True,
        error_messages={
            "max_length": "Keep the tagline to 160 characters or fewer.",
            "invalid": "Give the tagline as text.",
        },
    )
    description = TextField(
        max_length=10000,
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        error_messages={
            "max_length": "Keep the description to 10,000 characters or fewer.",
            "invalid": "Give the description as text.",
        },
    )
    url = TextField(
        max_length=MAX_URL_LENGTH,
        required=False,
        allow_blank=True,
        validators=[http_url_validator],
        error_messages={
            "max_length": f"Keep the web address to {MAX_URL_LENGTH} characters or fewer.",
            "invalid": "Give the web address as text.",
        },
    )
    category = TextField(
        max_length=60,
        source="category_slug",
        error_messages={
            "required": "Choose a category (give its slug).",
            "blank": "Choose a category (give its slug).",
            "max_length": "There is no category with so long a slug.",
            "invalid": "Give the category as its slug, a string such as “developer-tools”.",
        },
    )
    image = TextField(
        max_length=MAX_URL_LENGTH,
        required=False,
        allow_blank=True,
        error_messages={"invalid": "Give the image as the URL returned by /api/uploads/."},
    )
    gallery = StringListField(
        noun="gallery image", max_items=MAX_GALLERY_IMAGES, max_length=MAX_URL_LENGTH, required=False
    )
    tags = StringListField(noun="tag", max_items=MAX_TAGS, max_length=MAX_TAG_LENGTH, lower=True, required=False)
    status = serializers.ChoiceField(
        choices=ProductStatus.choices,
        required=False,
        error_messages={"invalid_choice": "Choose a status among draft, published and archived."},
    )


class LaunchDaysQuerySerializer(serializers.Serializer[None]):
    """The query of GET /api/products/launch-days/."""

    date = serializers.DateField(
        required=False,
        input_formats=["%Y-%m-%d"],
        help_text="The first day (UTC, YYYY-MM-DD; today unless given). Shown even without launches when it is "
        "today; otherwise the latest day with launches up to it comes first.",
    )
    ordering = serializers.ChoiceField(
        choices=list(PRODUCT_ORDERINGS), default="hot", help_text="The order of each day's launches."
    )
    days = serializers.IntegerField(
        min_value=1, max_value=MAX_LAUNCH_DAYS, default=3, help_text="How many days with launches to return."
    )
    page_size = serializers.IntegerField(min_value=1, max_value=100, default=10, help_text="Launches shown per day.")


class ProductCreateInputSerializer(ProductInputSerializer):
    """What a maker sends to launch a product: published at once unless `status` is "draft"."""

    status = serializers.ChoiceField(
        choices=[ProductStatus.DRAFT, ProductStatus.PUBLISHED],
        required=False,
        error_messages={
            "invalid_choice": "A new product is either a draft or published; archive it later if you need to."
        },
    )
