import math
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from vitals.metrics import VITALS, PageType
from vitals.services import VitalSample

METRIC_NAMES = sorted(VITALS)
UNKNOWN_METRIC_MESSAGE = '"{name}" is not a metric Vitrin keeps: send {names}.'.replace(
    "{names}", ", ".join(METRIC_NAMES[:-1]) + f" or {METRIC_NAMES[-1]}"
)


@extend_schema_field(
    {
        "type": "object",
        "properties": {
            "name": {"type": "string", "enum": METRIC_NAMES},
            "value": {
                "type": "number",
                "minimum": 0,
                "description": "Milliseconds for LCP, INP, FCP and TTFB (at most 60000); CLS has no unit (at most 10).",
            },
        },
        "required": ["name", "value"],
        "additionalProperties": False,
    }
)
class VitalSampleField(serializers.Field):
    """One metric, `{"name": "LCP", "value": 1834.5}`, refused in one sentence when wrong."""

    def to_internal_value(self, data: Any) -> VitalSample:
        if not isinstance(data, dict) or set(data) != {"name", "value"}:
            raise serializers.ValidationError("a metric is an object with a name and a value.")
        name, value = data["name"], data["value"]
        kind = VITALS.get(name) if isinstance(name, str) else None
        if kind is None:
            raise serializers.ValidationError(UNKNOWN_METRIC_MESSAGE.format(name=name))
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise serializers.ValidationError(f"the value of {kind.name} must be a number.")
        value = float(value)
        if not 0 <= value <= kind.maximum:
            unit = f" {kind.unit}" if kind.unit else ""
            raise serializers.ValidationError(
                f"{kind.name} must be between 0 and {kind.maximum:g}{unit}, not {value!r}."
            )
        return VitalSample(name=kind.name, value=value)

    def to_representation(self, value: VitalSample) -> dict[str, Any]:
        return {"name": value.name, "value": value.value}


class VitalsBeaconSerializer(serializers.Serializer):
    """What one page load reports: its page type and its metrics, each at most once."""

    page = serializers.ChoiceField(choices=[(page.value, page.name) for page in PageType])
    metrics = serializers.ListField(child=VitalSampleField(), max_length=len(VITALS))

    def validate_metrics(self, samples: list[VitalSample]) -> list[VitalSample]:
        if not samples:
            raise serializers.ValidationError("Send at least one metric.")
        seen: set[str] = set()
        for sample in samples:
            if sample.name in seen:
                message = f"Each metric may be sent once per beacon: {sample.name} is sent twice."
                raise serializers.ValidationError(message)
            seen.add(sample.name)
        return samples
