"""The search box's own index (search/migrations/0002) matches the query that needs it.

With table scans and plain index scans turned off, only a bitmap scan driven by a condition an
index understands is left: the plan must name the index, so a change of the query that makes
the index unusable fails here rather than at 20,000 users. (The full-text and trigram plans at
100,000 products are in docs/performance.md: with a few rows the planner rightly prefers others.)"""

from collections.abc import Iterator

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from users.tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def _postgres_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("query plans are PostgreSQL's")


def plans_of(client: APIClient, url: str) -> Iterator[str]:
    """The plan of every SELECT the request ran, as PostgreSQL would run it with bitmap scans only."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off; SET enable_indexscan = off; SET enable_indexonlyscan = off")
        try:
            for query in queries.captured_queries:
                if query["sql"].lstrip().upper().startswith(("SELECT", "WITH")):
                    cursor.execute(f"EXPLAIN {query['sql']}")
                    yield "\n".join(row[0] for row in cursor.fetchall())
        finally:
            cursor.execute("RESET enable_seqscan; RESET enable_indexscan; RESET enable_indexonlyscan")


def test_user_suggestions_read_the_username_prefix_index(api_client: APIClient) -> None:
    UserFactory.create(username="Prolific")

    plans = list(plans_of(api_client, "/api/search/suggest/?q=PRO"))

    assert any("user_username_prefix" in plan for plan in plans), "\n\n".join(plans)
