"""EXPLAIN ANALYZE of the hot queries, as the API runs them, on the benchmark's data set.

    .venv/bin/python bench/explain.py            # DATABASE_URL defaults to the full benchmark database

Each request below goes through the API in-process with the cache switched off, so every query
it makes reaches PostgreSQL; each SELECT is then run again under EXPLAIN (ANALYZE, BUFFERS).
The output is Markdown, as pasted into docs/performance.md.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent / "backend"), str(BENCH)]
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/vitrin_bench")
os.environ["DJANGO_SETTINGS_MODULE"] = "benchsite.settings"
os.environ["BENCH_CACHE"] = "off"
os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
os.environ.setdefault("METRICS_ENABLED", "false")


def main() -> None:
    import django

    django.setup()
    logging.disable(logging.CRITICAL)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from rest_framework_simplejwt.tokens import AccessToken
    from scenarios import COMMON_WORD, Fixtures

    from products.models import PUBLISHED, Product
    from users.models import User

    fixtures = Fixtures.prepare(scale_name="explain", signed_in_users=1)
    newest = Product.objects.filter(PUBLISHED).order_by("-published_at").values_list("published_at", flat=True).first()
    assert newest is not None, "the data set has no published product"
    day = (newest - timedelta(days=1)).date()  # yesterday's leaderboard: a whole day of launches
    category = fixtures.category_slug
    viewer = User.objects.order_by("id").first()
    assert viewer is not None
    requests = [
        ("Home: hot, first page (anonymous)", "/api/products/", ""),
        ("Home, signed in, computed (the caller's state annotated)", "/api/products/", "signed in"),
        (f"Page {fixtures.deep_page} by keyset", f"/api/products/?cursor={fixtures.deep_page_cursor}", ""),
        (f"Daily leaderboard (date={day})", f"/api/products/?date={day}&ordering=top", ""),
        (f"Category list (category={category})", f"/api/products/?category={category}", ""),
        (f"Product page ({fixtures.product_comments} comments)", f"/api/products/{fixtures.product_id}/", ""),
        ("Its discussion, first page", f"/api/products/{fixtures.product_id}/comments/", ""),
        (f"Search, common word ({COMMON_WORD})", f"/api/search/products/?q={COMMON_WORD}", ""),
        (f"Search, rare word ({fixtures.rare_word})", f"/api/search/products/?q={fixtures.rare_word}", ""),
        (f"Search, typo ({fixtures.typo_word})", f"/api/search/products/?q={fixtures.typo_word}", ""),
        (f"Suggestions ({fixtures.rare_word[:3]})", f"/api/search/suggest/?q={fixtures.rare_word[:3]}", ""),
    ]
    print_marks_plan(viewer)
    client = Client()
    token = f"Bearer {AccessToken.for_user(viewer)}"
    for title, url, audience in requests:
        headers = {"Authorization": token} if audience else {}
        client.get(url, headers=headers)  # warm
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url, headers=headers).status_code
        print(f"### {title}\n\n`GET {url}` → {status}, {len(queries.captured_queries)} queries\n")
        for query in queries.captured_queries:
            sql = query["sql"]
            setting = ""
            if sql.startswith("SELECT set_config") and ";" in sql:  # a setting sent with its statement
                setting, sql = sql.split(";", 1)
                setting = setting.replace(", true)", ", false)")
            if not sql.lstrip().upper().startswith(("SELECT", "WITH", "UPDATE")) or sql.startswith("SELECT set_config"):
                continue
            if 'FROM "users_user" WHERE "users_user"."id" =' in sql and audience:
                continue  # the signed-in caller, by primary key
            with connection.cursor() as cursor:
                if setting:
                    cursor.execute(setting)
                prefix = "EXPLAIN (ANALYZE, BUFFERS) "
                if sql.lstrip().upper().startswith("UPDATE"):
                    cursor.execute("BEGIN")
                cursor.execute(prefix + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
                if sql.lstrip().upper().startswith("UPDATE"):
                    cursor.execute("ROLLBACK")
            print_plan(sql, plan)


def print_marks_plan(viewer: Any) -> None:
    """The one query a signed-in read from the cache adds: the caller's upvotes and follows
    among what the page shows (products.selectors.viewer_marks)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from products.models import PUBLISHED, Product
    from products.selectors import viewer_marks

    page = list(Product.objects.filter(PUBLISHED).order_by("-hot_score", "-id").values_list("id", "author_id")[:20])
    with CaptureQueriesContext(connection) as queries:
        viewer_marks(viewer=viewer, ids={"has_upvoted": {p for p, _ in page}, "is_following": {a for _, a in page}})
    (query,) = queries.captured_queries
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    print("### Home, signed in, from the cache: the caller's upvotes and follows among the page\n")
    print_plan(query["sql"], plan)


def print_plan(sql: str, plan: str) -> None:
    indexes = sorted(set(re.findall(r"(?:Index|Index Only) Scan (?:Backward )?(?:using|on) (\w+)", plan)))
    execution = re.search(r"Execution Time: ([\d.]+) ms", plan)
    milliseconds = execution.group(1) if execution else "?"
    print(f"<details><summary>{milliseconds} ms — {', '.join(indexes) or 'no index'}</summary>\n")
    print("```sql\n" + " ".join(sql.split()) + "\n```\n```\n" + plan + "\n```\n</details>\n")


if __name__ == "__main__":
    main()
