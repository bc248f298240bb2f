"""Rows written in bulk with the moments the caller chose.

Demo and benchmark data are written straight into the tables, not through the services: the
services write one row and its counters at a time, which is right for the API and far too slow
for a data set. Whoever writes here therefore owns the counters of what it writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django.db import models

Row = TypeVar("Row", bound=models.Model)


def _stamped_fields(model: type[models.Model]) -> list[models.DateTimeField[Any, Any]]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add)
    ]


def bulk_create_dated(rows: Sequence[Row], *, batch_size: int | None = None) -> list[Row]:
    """`bulk_create` that keeps the `created_at`/`updated_at` given to each row.

    `auto_now`/`auto_now_add` stamp every inserted row with the moment of the insert, and demo
    data needs a history spread over days. The model's fields are left as they are (switching
    them off would change every other insert of the process meanwhile): the given moments are
    put back by `bulk_update`, which writes attributes as they stand. Call inside the caller's
    transaction, so that no reader ever sees the stamped moments.
    """
    if not rows:
        return []
    model = type(rows[0])
    stamped = _stamped_fields(model)
    given = [[getattr(row, field.attname) for field in stamped] for row in rows]
    created = model._default_manager.bulk_create(rows, batch_size=batch_size)
    for row, moments in zip(rows, given, strict=True):
        for field, moment in zip(stamped, moments, strict=True):
            if moment is not None:
                setattr(row, field.attname, moment)
    if stamped:
        model._default_manager.bulk_update(rows, [field.name for field in stamped], batch_size=batch_size)
    return created
