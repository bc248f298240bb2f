"""Read-only serializers, compiled: the same fields giving the same JSON, without DRF's
per-object machinery.

DRF's `Serializer.to_representation` walks its fields through generic code for every object
(readable-field generators, attribute lookups through `source_attrs`, `SkipField` handling,
an ordered dict); for a page of 20 products with their category and maker that is about 9 ms
of CPU on the benchmark machine, more than the queries. `compile_output` reads the fields a
serializer instance has (their `source_attrs`, their own `to_representation`, the serializer's
`get_<field>` methods, nested serializers recursively) once, and returns a function that
applies just that: 3 ms for the same page (docs/performance.md).

It only compiles serializers whose output is their fields' output: a serializer class that
overrides `to_representation` is refused, unless the caller passes `prepare`, what that
override does to an object before the fields are read. Tests compare the compiled output with
DRF's for every serializer compiled this way, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import reduce
from typing import Any

from rest_framework import serializers

Output = Callable[[Any], dict[str, Any]]


def compile_output(serializer: serializers.Serializer[Any], *, prepare: Callable[[Any], Any] | None = None) -> Output:
    """A function giving `serializer.to_representation(instance)` for any instance, faster."""
    overridden = type(serializer).to_representation is not serializers.Serializer.to_representation
    if overridden and prepare is None:
        raise TypeError(f"{type(serializer).__name__} overrides to_representation: say what it does with `prepare`.")
    steps: list[tuple[str, Callable[[Any], Any]]] = []
    for name, field in serializer.fields.items():
        if field.write_only:
            continue
        if isinstance(field, serializers.SerializerMethodField):
            steps.append((name, getattr(serializer, field.method_name)))
        elif isinstance(field, serializers.Serializer):
            steps.append((name, _read(field.source_attrs, compile_output(field))))
        elif isinstance(field, serializers.BaseSerializer):
            raise TypeError(f"{name}: lists of serializers are not compiled; serialize them with DRF.")
        else:
            steps.append((name, _read(field.source_attrs, field.to_representation)))

    def output(instance: Any) -> dict[str, Any]:
        if prepare is not None:
            instance = prepare(instance)
        return {name: step(instance) for name, step in steps}

    return output


def _step(current: Any, attribute: str) -> Any:
    return None if current is None else getattr(current, attribute)


def _read(source_attrs: list[str], represent: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The field's value as DRF gives it: None stays None, anything else is represented."""
    if len(source_attrs) == 1:
        (attribute,) = source_attrs

        def read_one(instance: Any) -> Any:
            value = getattr(instance, attribute)
            return None if value is None else represent(value)

        return read_one

    def read_path(instance: Any) -> Any:
        value = reduce(_step, source_attrs, instance)
        return None if value is None else represent(value)

    return read_path
