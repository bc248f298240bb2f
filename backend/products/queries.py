"""Products' raw SQL: the statements the ORM could not write as well, one function each.

`products.selectors` calls them and decides what the rows mean. The caller's ids are always
parameters; only table and column names from the models are written into the SQL. The figures
named are docs/performance.md's, at 100,000 products.
"""

from collections.abc import Collection

from django.db import connection, connections, router
from django.db.backends.base.base import BaseDatabaseWrapper

from products.models import Upvote
from users.models import Follow


def _reading() -> BaseDatabaseWrapper:
    """The connection of reads: the replica when the router sends this request's reads there
    (core.db_router), else the primary. Raw SQL would otherwise always go to the primary."""
    return connections[router.db_for_read(Upvote)]


def upvoted_and_followed(
    *, viewer_id: int, product_ids: Collection[int], user_ids: Collection[int]
) -> tuple[set[int], set[int]]:
    """Of `product_ids` those the viewer upvoted, and of `user_ids` those they follow, in one
    statement (none when both are empty).

    Not the ORM: it runs on every signed-in read, and building the two-part UNION with the ORM
    cost several times what PostgreSQL spends answering it from two unique indexes. Shown by
    "home, signed in" and its EXPLAIN ANALYZE ("the caller's upvotes and follows", 0.05 ms)."""
    parts: list[str] = []
    params: list[int | list[int]] = []
    for label, table, owner, column, shown in (
        ("upvoted", Upvote._meta.db_table, "user_id", "product_id", list(product_ids)),
        ("following", Follow._meta.db_table, "follower_id", "followee_id", list(user_ids)),
    ):
        if not shown:
            continue
        if connection.vendor == "postgresql":
            # One array parameter: the statement's text is the same whatever the number of ids.
            parts.append(f"SELECT '{label}', {column} FROM {table} WHERE {owner} = %s AND {column} = ANY(%s)")  # noqa: S608 - names from the models
            params.extend([viewer_id, shown])
        else:
            placeholders = ", ".join(["%s"] * len(shown))
            parts.append(f"SELECT '{label}', {column} FROM {table} WHERE {owner} = %s AND {column} IN ({placeholders})")  # noqa: S608 - names from the models
            params.extend([viewer_id, *shown])
    found: dict[str, set[int]] = {"upvoted": set(), "following": set()}
    if parts:
        with _reading().cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            for label, object_id in cursor.fetchall():
                found[label].add(object_id)
    return found["upvoted"], found["following"]
