"""How the OpenAPI schema describes the products app's own serializer fields."""

from typing import Any

from drf_spectacular.extensions import OpenApiSerializerFieldExtension


class StringListFieldSchema(OpenApiSerializerFieldExtension):
    """A `StringListField` (gallery, tags) with its limits, so clients (the web app's forms
    among them, through the generated src/types/limits.ts) take them from the schema."""

    target_class = "products.serializers.StringListField"

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        field = self.target
        return {
            "type": "array",
            "items": {"type": "string", "minLength": 1, "maxLength": field.max_length},
            "maxItems": field.max_items,
        }
