"""An index for the user suggestions of the search box: usernames starting with what was typed.

`LOWER(username) LIKE 'pre%'` can use a b-tree only with the pattern operator class (the unique
index on LOWER(username) uses the database's collation, which LIKE cannot range-scan), so without
it every suggestion read all users. PostgreSQL only: SQLite answers the same query by a scan of
its few rows.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    "CREATE INDEX IF NOT EXISTS user_username_prefix ON users_user (lower(username::text) text_pattern_ops)",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS user_username_prefix"]


def _run(statements_by_vendor: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_document"), ("users", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_FORWARD}),
            _run({"postgresql": POSTGRES_BACKWARD}),
        ),
    ]
