"""Keyset ("cursor") pagination for every list of the API.

A page is asked for by the position of the last item seen, never by an offset, so:
- following `next` from the first page to the last visits every item exactly once, even while
  new items are being added in front;
- page 500 costs what page 1 costs: the database seeks in the index of the ordering instead
  of counting and skipping rows.

The ordering is the queryset's own `order_by()`, whose last field must be unique (`id`).
When every field is a column sorted the same way, the position is one row comparison,
`(hot_score, id) < (%s, %s)`, that PostgreSQL answers from a composite index; otherwise (mixed
directions, annotations) it is the equivalent chain of `OR`s.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import F, Field, Q, QuerySet
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan, TupleLessThan
from django.utils import timezone
from rest_framework.exceptions import ValidationError as InvalidParameter
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView

from core.parsers import json_depth_exceeds

INVALID_CURSOR_MESSAGE = "This page link is invalid. Start again from the first page."


@dataclass(frozen=True)
class OrderingKey:
    name: str
    descending: bool

    @classmethod
    def parse(cls, term: str) -> OrderingKey:
        return cls(name=term.lstrip("-"), descending=term.startswith("-"))


@dataclass(frozen=True)
class Cursor:
    position: list[Any]
    reverse: bool


def _encode_cursor(cursor: Cursor) -> str:
    payload = json.dumps({"p": cursor.position, "r": int(cursor.reverse)}, separators=(",", ":"), default=str)
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def _invalid_cursor() -> InvalidParameter:
    return InvalidParameter({"cursor": [INVALID_CURSOR_MESSAGE]})


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a position")


def _is_position_value(value: Any) -> bool:
    """Whether `value` could be a sort value this module wrote: never null (every ordering is by
    non-null columns), a finite number, or text the database accepts (no NUL, valid UTF-8)."""
    if isinstance(value, str):
        return _is_storable_text(value)
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, int) and -(2**63) <= value < 2**63  # every integer column is 64-bit


def _is_storable_text(value: str) -> bool:
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, as a `\ud800` escape in JSON gives
        return False
    return True


def _decode_cursor(raw: str, size: int) -> Cursor:
    """The cursor in `raw`, or a 400 for anything this module could not have written.

    Whatever the caller sends is refused here or in `_parse_position`, never by the database:
    a page link is input like any other."""
    try:
        padded = raw + "=" * (-len(raw) % 4)
        text = base64.urlsafe_b64decode(padded.encode()).decode()
        # `{"p": [...]}` is two levels deep; deeper would only make `json` recurse.
        if json_depth_exceeds(text, limit=2):
            raise ValueError("nested too deeply")
        payload = json.loads(text, parse_constant=_refuse_constant)
        position = payload["p"]
        reverse = bool(payload.get("r", 0))
    except (binascii.Error, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise _invalid_cursor() from exc
    if not isinstance(position, list) or len(position) != size:
        raise _invalid_cursor()
    if not all(_is_position_value(value) for value in position):
        raise _invalid_cursor()
    return Cursor(position=position, reverse=reverse)


def _value_of(item: Any, name: str) -> Any:
    return item[name] if isinstance(item, dict) else getattr(item, name)


class KeysetPagination(BasePagination):
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"

    def __init__(self) -> None:
        self.page_size = int(api_settings.PAGE_SIZE or 20)
        self.next_cursor: Cursor | None = None
        self.previous_cursor: Cursor | None = None
        self.base_url = ""

    # --- the page ---------------------------------------------------------------------------
    def paginate_queryset(self, queryset: QuerySet[Any], request: Request, view: APIView | None = None) -> list[Any]:
        return self._paginate(
            queryset,
            page_size=self.get_page_size(request),
            base_url=request.build_absolute_uri(),
            raw_cursor=request.query_params.get(self.cursor_query_param),
        )

    def first_page(self, queryset: QuerySet[Any], *, page_size: int, base_url: str) -> list[Any]:
        """The first page of `queryset` as the list at `base_url` (an absolute URL with its
        query) would serve it, for a view that shows the start of several lists at once; its
        `next` link (`next_link()`) continues that list."""
        return self._paginate(queryset, page_size=page_size, base_url=base_url, raw_cursor=None)

    def next_link(self) -> str | None:
        return self._link(self.next_cursor)

    def _paginate(self, queryset: QuerySet[Any], *, page_size: int, base_url: str, raw_cursor: str | None) -> list[Any]:
        self.page_size = page_size
        self.base_url = base_url
        keys = [OrderingKey.parse(str(term)) for term in queryset.query.order_by]
        if not keys or keys[-1].name not in {"id", "pk"}:
            raise AssertionError("Keyset pagination needs an ordering that ends with the id.")
        fields = [self._model_field(queryset, key.name) for key in keys]

        cursor = _decode_cursor(raw_cursor, len(keys)) if raw_cursor else None
        if cursor is not None:
            value_fields = [self._value_field(queryset, key.name) for key in keys]
            position = self._parse_position(cursor.position, value_fields)
            queryset = queryset.filter(self._after(keys, fields, position, reverse=cursor.reverse))
        if cursor is not None and cursor.reverse:
            queryset = queryset.reverse()

        items = list(queryset[: self.page_size + 1])
        has_more = len(items) > self.page_size
        items = items[: self.page_size]
        if cursor is not None and cursor.reverse:
            items.reverse()

        def position_of(item: Any) -> list[Any]:
            return [_value_of(item, key.name) for key in keys]

        going_back = cursor is not None and cursor.reverse
        has_next = (has_more and not going_back) or going_back
        has_previous = (has_more and going_back) or (cursor is not None and not going_back)
        self.next_cursor = Cursor(position_of(items[-1]), reverse=False) if items and has_next else None
        self.previous_cursor = Cursor(position_of(items[0]), reverse=True) if items and has_previous else None
        return items

    def paginate_ranked(
        self, items: Sequence[Any], key: Callable[[Any], tuple[Any, ...]], request: Request
    ) -> list[Any]:
        """Pages through a list already sorted by `key`, best first (e.g. ranked search hits).

        The cursor holds the key of the item it continues from, so a list computed anew between
        two pages (new products, a cache expiry) is still visited without repeats."""
        self.page_size = self.get_page_size(request)
        self.base_url = request.build_absolute_uri()
        raw_cursor = request.query_params.get(self.cursor_query_param)
        keys = [key(item) for item in items]
        cursor = _decode_cursor(raw_cursor, len(keys[0])) if raw_cursor and keys else None
        start, stop = 0, min(len(items), self.page_size)
        if cursor is not None:
            position = tuple(cursor.position)
            try:
                if cursor.reverse:
                    stop = next((i for i, k in enumerate(keys) if k <= position), len(keys))
                    start = max(0, stop - self.page_size)
                else:
                    start = next((i for i, k in enumerate(keys) if k < position), len(keys))
                    stop = min(len(items), start + self.page_size)
            except TypeError as exc:  # a position of another ordering: text against numbers
                raise _invalid_cursor() from exc
        page = list(items[start:stop])
        self.next_cursor = Cursor(list(keys[stop - 1]), reverse=False) if page and stop < len(items) else None
        self.previous_cursor = Cursor(list(keys[start]), reverse=True) if page and start > 0 else None
        return page

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None or raw == "":
            return int(api_settings.PAGE_SIZE or 20)
        try:
            size = int(raw)
        except ValueError as exc:
            raise InvalidParameter({"page_size": ["Give page_size as a whole number from 1 to 100."]}) from exc
        if size < 1:
            raise InvalidParameter({"page_size": ["Give page_size as a whole number from 1 to 100."]})
        return min(size, int(settings.MAX_PAGE_SIZE))

    # --- the position filter ----------------------------------------------------------------
    @staticmethod
    def _model_field(queryset: QuerySet[Any], name: str) -> Field[Any, Any] | None:
        try:
            field = queryset.model._meta.get_field("id" if name == "pk" else name)
        except FieldDoesNotExist:
            return None  # an annotation
        return field if isinstance(field, Field) and field.concrete else None

    @staticmethod
    def _value_field(queryset: QuerySet[Any], name: str) -> Field[Any, Any] | None:
        """The field that reads a position's value for `name`: the model's column, or the output
        field of an annotation (`upvoted_at`)."""
        field = KeysetPagination._model_field(queryset, name)
        annotation = queryset.query.annotations.get(name)
        if field is None and annotation is not None:
            output = getattr(annotation, "output_field", None)
            return output if isinstance(output, Field) else None
        return field

    @staticmethod
    def _parse_position(position: Sequence[Any], fields: Sequence[Field[Any, Any] | None]) -> list[Any]:
        """The position's values as their fields read them, each one the database will take:
        within the column's range (a 64-bit id), a finite number, an aware timestamp that UTC
        can express. Anything else is a link this module did not write."""
        parsed = []
        for value, field in zip(position, fields, strict=True):
            try:
                if field is not None:
                    value = field.to_python(value)
                    field.run_validators(value)
                if isinstance(value, float) and not math.isfinite(value):
                    raise ValueError("not a finite number")
                if isinstance(value, datetime):
                    if timezone.is_naive(value):
                        raise ValueError("a timestamp without its time zone")
                    value = value.astimezone(UTC)  # OverflowError at the edges of the calendar
            except (ValidationError, ValueError, TypeError, OverflowError) as exc:
                raise _invalid_cursor() from exc
            parsed.append(value)
        return parsed

    @staticmethod
    def _after(
        keys: Sequence[OrderingKey],
        fields: Sequence[Field[Any, Any] | None],
        position: Sequence[Any],
        *,
        reverse: bool,
    ) -> Q:
        """The rows strictly after `position` in the ordering (before it when `reverse`)."""
        same_direction = len({key.descending for key in keys}) == 1
        if same_direction and all(field is not None for field in fields):
            descending = keys[0].descending != reverse
            lookup = TupleLessThan if descending else TupleGreaterThan
            return Q(lookup(Tuple(*(F(key.name) for key in keys)), tuple(position)))
        condition = Q()
        for index, key in enumerate(keys):
            descending = key.descending != reverse
            step = Q(**{f"{key.name}__{'lt' if descending else 'gt'}": position[index]})
            for earlier, value in zip(keys[:index], position[:index], strict=True):
                step &= Q(**{earlier.name: value})
            condition |= step
        return condition

    # --- the response -----------------------------------------------------------------------
    def _link(self, cursor: Cursor | None) -> str | None:
        if cursor is None:
            return None
        return replace_query_param(self.base_url, self.cursor_query_param, _encode_cursor(cursor))

    def get_paginated_response(self, data: Any) -> Response:
        return Response(
            {"next": self._link(self.next_cursor), "previous": self._link(self.previous_cursor), "results": data}
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        example = f"http://api.example.org/api/products/?{urlencode({self.cursor_query_param: 'cD0yMDI2'})}"
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {"type": "string", "nullable": True, "format": "uri", "example": example},
                "previous": {"type": "string", "nullable": True, "format": "uri", "example": example},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "The position to continue from: take it from `next` or `previous`.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": "Items per page, 1 to 100 (20 unless given).",
                "schema": {"type": "integer", "minimum": 1, "maximum": 100},
            },
        ]
