"""Writing many rows at once, with the ids and timestamps the caller chose.

The data set is written straight into the tables, not through the services: the services
write one row and its counters at a time, which is right for the API and far too slow for a
million upvotes. Whoever writes here therefore owns the counters (see counters.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, models
from django.db.models import Max

from demo.writing import bulk_create_dated

COPY_VENDOR = "postgresql"
DEFAULT_BATCH_SIZE = 2000


def allocate_ids(model: type[models.Model], count: int) -> list[int]:
    """`count` primary keys that no row of `model` has or will be given by the database.

    PostgreSQL hands them out of the table's own sequence, so concurrent inserts stay safe;
    SQLite has one writer at a time, and AUTOINCREMENT moves past explicit ids by itself.
    """
    if count <= 0:
        return []
    table = model._meta.db_table
    if connection.vendor == COPY_VENDOR:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count]
            )
            return [row[0] for row in cursor.fetchall()]
    start = (model._default_manager.aggregate(top=Max("pk"))["top"] or 0) + 1
    return list(range(start, start + count))


class RowWriter:
    """Writes tuples of values into one model's table: COPY on PostgreSQL, `bulk_create` elsewhere.

    `fields` names the model fields the tuples hold, in order (foreign keys by attname, e.g.
    `author_id`). Every other concrete field gets its default, so a tuple only holds what varies.
    """

    def __init__(self, model: type[models.Model], fields: Sequence[str], batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self.model = model
        self.fields = list(fields)
        self.batch_size = batch_size
        by_attname = {field.attname: field for field in model._meta.concrete_fields}
        unknown = [name for name in self.fields if name not in by_attname]
        if unknown:
            raise ValueError(f"{model.__name__} has no fields {', '.join(unknown)}.")
        self._given = [by_attname[name] for name in self.fields]
        self._defaults = [
            field for field in model._meta.concrete_fields if field.attname not in self.fields and not field.primary_key
        ]
        self.written = 0

    def write(self, rows: Iterable[Sequence[Any]]) -> int:
        """Writes every row; returns how many."""
        before = self.written
        if connection.vendor == COPY_VENDOR:
            self._copy(rows)
        else:
            self._bulk_create(rows)
        return self.written - before

    def _copy(self, rows: Iterable[Sequence[Any]]) -> None:
        fields = [*self._given, *self._defaults]
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        defaults = [self._copy_value(field, field.get_default()) for field in self._defaults]
        json_positions = [index for index, field in enumerate(self._given) if isinstance(field, models.JSONField)]
        table = connection.ops.quote_name(self.model._meta.db_table)
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                values = list(row)
                for index in json_positions:
                    values[index] = json.dumps(values[index])
                copy.write_row([*values, *defaults])
                self.written += 1

    @staticmethod
    def _copy_value(field: models.Field[Any, Any], value: Any) -> Any:
        return json.dumps(value) if isinstance(field, models.JSONField) else value

    def _bulk_create(self, rows: Iterable[Sequence[Any]]) -> None:
        batch: list[models.Model] = []
        for row in rows:
            batch.append(self.model(**dict(zip(self.fields, row, strict=True))))
            if len(batch) >= self.batch_size:
                self._flush(batch)
        self._flush(batch)

    def _flush(self, batch: list[models.Model]) -> None:
        if batch:
            bulk_create_dated(batch, batch_size=self.batch_size)
            self.written += len(batch)
            batch.clear()


@dataclass(frozen=True)
class LiftedForeignKey:
    table: str
    name: str
    definition: str


def foreign_keys_lift(*model_classes: type[models.Model]) -> list[LiftedForeignKey]:
    """On PostgreSQL, drops the foreign keys of these tables for a bulk load; give the result
    to `foreign_keys_restore` at its end, which checks every row in one pass per constraint.

    Checked row by row, each inserted row queues a check that locks its parent rows at commit:
    for a million upvotes that is most of the load. Call inside a transaction: if the load
    fails, the rollback restores the constraints. The tables stay locked until the commit.
    """
    if connection.vendor != COPY_VENDOR:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'f' AND conrelid = ANY(%s::regclass[]) ORDER BY conrelid, conname",
            [[model._meta.db_table for model in model_classes]],
        )
        lifted = [LiftedForeignKey(*row) for row in cursor.fetchall()]
        # Checks still queued from earlier in the transaction would forbid the ALTER: run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for key in lifted:
            cursor.execute(f"ALTER TABLE {key.table} DROP CONSTRAINT {connection.ops.quote_name(key.name)}")
    return lifted


def foreign_keys_restore(lifted: list[LiftedForeignKey]) -> None:
    """Adds back the constraints `foreign_keys_lift` dropped; each validates every row."""
    if not lifted:
        return
    with connection.cursor() as cursor:
        for key in lifted:
            name = connection.ops.quote_name(key.name)
            cursor.execute(f"ALTER TABLE {key.table} ADD CONSTRAINT {name} {key.definition}")
        # Back to Django's default: every constraint checked at commit.
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def analyze(*model_classes: type[models.Model]) -> None:
    """Refreshes the planner's statistics after a bulk load (PostgreSQL), so the first queries
    on the new rows use the indexes instead of guessing from an empty table."""
    if connection.vendor != COPY_VENDOR:
        return
    with connection.cursor() as cursor:
        for model in model_classes:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
