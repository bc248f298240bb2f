"""The full-text index of the embedded default database (SQLite FTS5).

An FTS5 table with one row per product (rowid = product id), kept current by triggers on
products_product. It is (re)created after every `migrate`, because SQLite migrations rebuild a
table to alter it and the rebuild drops the table's triggers; when a trigger was missing the
index is rebuilt from the products table.

This is schema, as migrations are (PostgreSQL's index is search/migrations/0001); the statements
that read the index are in search.queries.
"""

from typing import Any

from django.db import connections

FTS_TABLE = "search_product_fts"
_BODY = "{row}.tagline || ' ' || {row}.tags"

_TRIGGERS = {
    "search_product_fts_insert": f"""
        CREATE TRIGGER search_product_fts_insert AFTER INSERT ON products_product BEGIN
            INSERT INTO {FTS_TABLE} (rowid, title, body, description)
            VALUES (new.id, new.title, {_BODY.format(row="new")}, new.description);
        END""",  # noqa: S608 - table and column names, no input
    "search_product_fts_update": f"""
        CREATE TRIGGER search_product_fts_update AFTER UPDATE OF title, tagline, tags, description
        ON products_product BEGIN
            DELETE FROM {FTS_TABLE} WHERE rowid = old.id;
            INSERT INTO {FTS_TABLE} (rowid, title, body, description)
            VALUES (new.id, new.title, {_BODY.format(row="new")}, new.description);
        END""",  # noqa: S608 - table and column names, no input
    "search_product_fts_delete": f"""
        CREATE TRIGGER search_product_fts_delete AFTER DELETE ON products_product BEGIN
            DELETE FROM {FTS_TABLE} WHERE rowid = old.id;
        END""",  # noqa: S608 - table and column names, no input
}


def ensure_sqlite_search_index(using: str = "default", **kwargs: Any) -> None:
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        if "products_product" not in tables:
            return
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            "title, body, description, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_product_fts_%'")
        existing = {row[0] for row in cursor.fetchall()}
        missing = [name for name in _TRIGGERS if name not in existing]
        for name in missing:
            cursor.execute(_TRIGGERS[name])
        if missing:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608 - a constant name
            body = _BODY.format(row="products_product")
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, body, description) "  # noqa: S608 - names, no input
                f"SELECT id, title, {body}, description FROM products_product"
            )
