"""The search index of products, kept current by the database itself.

PostgreSQL: a stored generated `tsvector` column on products_product — title weight A, tagline
and tags B, description C — with a GIN index, plus a trigram GIN index on the lower-cased title
for typo tolerance (pg_trgm).

SQLite (the embedded default) gets its FTS5 table and triggers from search.sqlite_index after
every migrate instead: SQLite migrations rebuild a table to alter it, which drops its triggers.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    ALTER TABLE products_product ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(tagline, '') || ' ' || coalesce(tags::text, '')), 'B')
        || setweight(to_tsvector('english', coalesce(description, '')), 'C')
    ) STORED
    """,
    "CREATE INDEX product_search_document ON products_product USING gin (search_document)",
    "CREATE INDEX product_title_trigram ON products_product USING gin (lower(title) gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS product_title_trigram",
    "DROP INDEX IF EXISTS product_search_document",
    "ALTER TABLE products_product DROP COLUMN IF EXISTS search_document",
]

def _run(statements_by_vendor: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("products", "0002_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_FORWARD}),
            _run({"postgresql": POSTGRES_BACKWARD}),
        ),
    ]
