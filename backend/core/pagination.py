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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import F, Field, Q, QuerySet
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan, TupleLessThan
from rest_framework.exceptions import ValidationError as InvalidParameter
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView

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


def _decode_cursor(raw: str, size: int) -> Cursor:
    try:
        padded = raw + "=" * (-len(raw) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
        position = payload["p"]
        reverse = bool(payload.get("r", 0))
    except (binascii.Error, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InvalidParameter({"cursor": [INVALID_CURSOR_MESSAGE]}) from exc
    if not isinstance(position, list) or len(position) != size:
        raise InvalidParameter({"cursor": [INVALID_CURSOR_MESSAGE]})
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
        self.page_size = self.get_page_size(request)
        self.base_url = request.build_absolute_uri()
        keys = [OrderingKey.parse(str(term)) for term in queryset.query.order_by]
        if not keys or keys[-1].name not in {"id", "pk"}:
            raise AssertionError("Keyset pagination needs an ordering that ends with the id.")
        fields = [self._model_field(queryset, key.name) for key in keys]

        raw_cursor = request.query_params.get(self.cursor_query_param)
        cursor = _decode_cursor(raw_cursor, len(keys)) if raw_cursor else None
        if cursor is not None:
            position = self._parse_position(cursor.position, fields)
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
            except TypeError as exc:
                raise InvalidParameter({"cursor": [INVALID_CURSOR_MESSAGE]}) from exc
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
    def _parse_position(position: Sequence[Any], fields: Sequence[Field[Any, Any] | None]) -> list[Any]:
        parsed = []
        for value, field in zip(position, fields, strict=True):
            if value is not None and not isinstance(value, (str, int, float, bool)):
                raise InvalidParameter({"cursor": [INVALID_CURSOR_MESSAGE]})
            try:
                parsed.append(field.to_python(value) if field is not None and value is not None else value)
            except (ValidationError, ValueError, TypeError) as exc:
                raise InvalidParameter({"cursor": [INVALID_CURSOR_MESSAGE]}) from exc
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
        if same_direction and all(field is not None for field in fields) and None not in position:
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
