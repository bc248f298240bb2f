"""Two settings that keep searches fast at 100,000 products (measured in docs/performance.md).

1. The search GIN indexes are read from the index itself, never from a pending list. With
   `fastupdate` (PostgreSQL's default) new entries wait in an unsorted pending list that every
   search reads in full until a vacuum merges it; every upvote rewrites its product's row, so
   the list fills with thousands of entries and a prefix lookup that takes 0.1 ms takes 4 ms.
   Without it an upvote costs about 0.4 ms more in the database: votes are written far less
   often than searches are read.
2. Finer statistics on `search_document`, so the planner knows how many products a word or a
   prefix matches: a common one is then read in vote order from `product_top` until enough are
   found, a rare one through the GIN index. With the default, a title prefix matching 2,000
   products was estimated at 120 and all 2,000 were fetched and sorted (8 ms instead of 0.7 ms).
"""

from django.db import migrations

GIN_INDEXES = ("product_search_document", "product_title_trigram")
STATISTICS_TARGET = 1000


def _tune(enabled: bool):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor != "postgresql":
            return
        for index in GIN_INDEXES:
            schema_editor.execute(f"ALTER INDEX {index} SET (fastupdate = {'off' if enabled else 'on'})")
            if enabled:
                schema_editor.execute(f"SELECT gin_clean_pending_list('{index}'::regclass)")
        target = STATISTICS_TARGET if enabled else -1
        schema_editor.execute(f"ALTER TABLE products_product ALTER COLUMN search_document SET STATISTICS {target}")

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_username_prefix_index")]

    operations = [migrations.RunPython(_tune(True), _tune(False))]
