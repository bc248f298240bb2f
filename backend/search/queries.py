"""Search's raw SQL: every statement of the search the ORM could not write, one function each.

`search.selectors` decides what to ask for (limits, thresholds, which fallback runs) and turns
rows into hits; a function here builds one statement and returns its rows. A match row is
(product id, rank, publication time in seconds since the epoch, upvote count). The caller's
text and filters are always parameters; only names and constants are written into the SQL.

Why not the ORM, for all of them: PostgreSQL's `search_document` is a generated column that the
Product model does not declare (search/migrations/0001), and SQLite's FTS5 table is no model at
all (search/sqlite_index.py). The figures named are docs/performance.md's, at 100,000 products.
"""

from __future__ import annotations

from typing import Any, Literal

from django.db import connection, connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Expression, F, Func, TextField, Value
from django.db.models.expressions import RawSQL

from products.models import Product
from search.sqlite_index import FTS_TABLE

MatchRow = tuple[int, float, float, int]
SuggestionRow = tuple[Any, ...]  # see suggestion_rows

_PUBLISHED = "p.status = 'published' AND NOT p.is_hidden"
# Publication times as seconds since the epoch: hits are sorted and paged by them, and parsing
# a thousand timestamps per search cost more than the search (docs/performance.md).
_EPOCH = "extract(epoch from {row}.published_at)::float8"
_SQLITE_EPOCH = "(julianday(p.published_at) - 2440587.5) * 86400.0"


def _reading() -> BaseDatabaseWrapper:
    """The connection of reads: the replica when the router sends this request's reads there
    (core.db_router), else the primary. Raw SQL would otherwise always go to the primary."""
    return connections[router.db_for_read(Product)]


def _filters(*, category: str | None, tag: str | None) -> tuple[str, list[Any]]:
    """The category and tag conditions on `p`, as SQL to append to a WHERE and its parameters."""
    clauses, params = [], []
    if category:
        clauses.append("p.category_id IN (SELECT id FROM categories_category WHERE slug = %s)")
        params.append(category)
    if tag:
        clauses.append("EXISTS (SELECT 1 FROM products_producttag t WHERE t.product_id = p.id AND t.name = %s)")
        params.append(tag.strip().lower())
    return "".join(f" AND {clause}" for clause in clauses), params


# --- PostgreSQL ---------------------------------------------------------------------------------
def postgres_tsquery(*, text: str, words: list[str]) -> tuple[str, list[Any]]:
    """The query as typed (quotes, OR, -word) OR every word with the last one as a prefix, as SQL
    and its parameters: the one definition the matches and the highlights share."""
    prefix = " & ".join([*words[:-1], f"{words[-1]}:*"])
    return "(websearch_to_tsquery('english', %s) || to_tsquery('english', %s))", [text, prefix]


def postgres_ranked_matches(
    *, text: str, words: list[str], category: str | None, tag: str | None, candidates: int
) -> list[MatchRow]:
    """Published matches ranked by `ts_rank_cd`, among their `candidates` most upvoted only.

    Not the ORM: the ranking runs over a capped subquery in FROM, which a queryset cannot
    select from, and the query is written inline, not in a CTE, so the planner estimates it.
    Shown by "search: common word" (p95 16.3 ms) and its EXPLAIN ANALYZE (index product_top)."""
    # The query is written out where it is used, not in a CTE: the planner then sees it as a
    # constant and estimates from the column's statistics how many products it matches — a
    # common word is read in vote order from the `product_top` index until enough candidates
    # are found, a rare one through the GIN index (see docs/performance.md).
    tsquery, tsquery_params = postgres_tsquery(text=text, words=words)
    filters, filter_params = _filters(category=category, tag=tag)
    # Rank only the most upvoted candidates: ts_rank_cd reads every ranked document.
    sql = f"""
        SELECT c.id, ts_rank_cd(c.search_document, {tsquery}), {_EPOCH.format(row="c")}, c.upvote_count
        FROM (
            SELECT p.id, p.search_document, p.published_at, p.upvote_count
            FROM products_product p
            WHERE {_PUBLISHED} AND p.search_document @@ {tsquery}{filters}
            ORDER BY p.upvote_count DESC, p.id DESC
            LIMIT {int(candidates)}
        ) c
    """  # noqa: S608 (every value is a parameter)
    with _reading().cursor() as cursor:
        cursor.execute(sql, [*tsquery_params, *tsquery_params, *filter_params])
        return cursor.fetchall()


def postgres_ordered_matches(
    *,
    text: str,
    words: list[str],
    category: str | None,
    tag: str | None,
    ordering: Literal["new", "top"],
    limit: int,
) -> list[MatchRow]:
    """The first `limit` published matches, newest or most upvoted first (rank 0: not computed).

    Not the ORM: it filters on `search_document`, which the model does not declare, with the
    same tsquery as the ranked statement. No benchmark scenario of its own (they use relevance)."""
    tsquery, tsquery_params = postgres_tsquery(text=text, words=words)
    filters, filter_params = _filters(category=category, tag=tag)
    order = "p.published_at DESC, p.id DESC" if ordering == "new" else "p.upvote_count DESC, p.id DESC"
    sql = f"""
        SELECT p.id, 0, {_EPOCH.format(row="p")}, p.upvote_count
        FROM products_product p
        WHERE {_PUBLISHED} AND p.search_document @@ {tsquery}{filters}
        ORDER BY {order}
        LIMIT {int(limit)}
    """  # noqa: S608 (every value is a parameter)
    with _reading().cursor() as cursor:
        cursor.execute(sql, [*tsquery_params, *filter_params])
        return cursor.fetchall()


def postgres_title_typos(
    *, words: list[str], category: str | None, tag: str | None, threshold: float, limit: int
) -> list[MatchRow]:
    """Published products whose title is like the words (pg_trgm word similarity ≥ `threshold`,
    as the rank), the most similar first.

    Not the ORM: the threshold is set in the same message as the query, one round trip, which a
    queryset cannot send. Shown by "search: typo" (p95 17.3 ms; index product_title_trigram)."""
    filters, filter_params = _filters(category=category, tag=tag)
    text = " ".join(words)
    sql = f"""
        SELECT p.id, word_similarity(%s, lower(p.title)), {_EPOCH.format(row="p")}, p.upvote_count
        FROM products_product p
        WHERE {_PUBLISHED} AND %s <%% lower(p.title){filters}
        ORDER BY 2 DESC, p.id DESC
        LIMIT {int(limit)}
    """  # noqa: S608 (every value is a parameter)
    # `<%` uses this threshold (0.6 by default, too strict for a swapped pair of letters). Both
    # statements go in one message, which PostgreSQL runs as one transaction: the setting, local
    # to it, holds for the search and ends with it, in one round trip.
    set_threshold = "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true);"
    with _reading().cursor() as cursor:
        cursor.execute(set_threshold + sql, [str(threshold), text, text, *filter_params])
        cursor.nextset()
        return cursor.fetchall()


def postgres_highlights(*, text: str, words: list[str], start: str, end: str) -> dict[str, Expression]:
    """`search_title` (the whole title) and `search_snippet` (a fragment of the description)
    with every match between `start` and `end`, to annotate a page of products.

    Raw only for the tsquery, shared with the matches (`postgres_tsquery`): Django's SearchQuery
    could build it, but as a second definition of it. Part of every "search: …" page query."""
    tsquery, params = postgres_tsquery(text=text, words=words)
    options = f"StartSel={start}, StopSel={end}"

    def headline(field: str, field_options: str) -> Func:
        return Func(
            Value("english"),
            F(field),
            RawSQL(tsquery, params),  # noqa: S611 - the text is a parameter
            Value(f"{options}, {field_options}"),
            function="ts_headline",
            output_field=TextField(),
        )

    return {
        "search_title": headline("title", "HighlightAll=true"),
        "search_snippet": headline("description", "MaxWords=28, MinWords=12, MaxFragments=1"),
    }


# --- SQLite (the embedded development database; the benchmark runs PostgreSQL) -------------------
def sqlite_match_expression(*, words: list[str]) -> str:
    """Every word must match; the last one as a prefix (as-you-type). Words are quoted, so no
    character of the user's text is read as FTS5 syntax."""
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def sqlite_matches(
    *,
    words: list[str],
    category: str | None,
    tag: str | None,
    ordering: Literal["relevance", "new", "top"],
    limit: int,
) -> list[MatchRow]:
    """The first `limit` published FTS5 matches in `ordering` (relevance: by votes, as the
    candidates on PostgreSQL), ranked by bm25 weighted like PostgreSQL's A/B/C.

    Not the ORM: FTS5's MATCH and bm25 on a virtual table. Not benchmarked (development only)."""
    filters, filter_params = _filters(category=category, tag=tag)
    order = {"relevance": "p.upvote_count DESC", "top": "p.upvote_count DESC", "new": "p.published_at DESC"}
    # bm25 is lower for better matches, hence the minus.
    sql = f"""
        SELECT p.id, -bm25({FTS_TABLE}, 10.0, 4.0, 1.0), {_SQLITE_EPOCH}, p.upvote_count
        FROM {FTS_TABLE} JOIN products_product p ON p.id = {FTS_TABLE}.rowid
        WHERE {FTS_TABLE} MATCH %s AND {_PUBLISHED}{filters}
        ORDER BY {order[ordering]}, p.id DESC
        LIMIT {int(limit)}
    """  # noqa: S608 (every value is a parameter)
    with _reading().cursor() as cursor:
        cursor.execute(sql, [sqlite_match_expression(words=words), *filter_params])
        return cursor.fetchall()


def sqlite_published_titles(*, category: str | None, tag: str | None) -> list[tuple[int, str, float, int]]:
    """Every published product as (id, title, publication time in seconds, upvote count), for
    the typo measure that search.selectors computes in Python.

    Raw to share `_filters` and the epoch with the statements above. Not benchmarked (development only)."""
    filters, filter_params = _filters(category=category, tag=tag)
    sql = f"SELECT p.id, p.title, {_SQLITE_EPOCH}, p.upvote_count FROM products_product p WHERE {_PUBLISHED}{filters}"  # noqa: S608
    with _reading().cursor() as cursor:
        cursor.execute(sql, filter_params)
        return cursor.fetchall()


def sqlite_highlights(*, words: list[str], start: str, end: str) -> dict[str, Expression]:
    """`search_title` and `search_snippet` as `postgres_highlights` gives them, from FTS5's
    highlight() and snippet(). Not the ORM: FTS5 functions on a virtual table."""
    match = sqlite_match_expression(words=words)
    this_product = f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid = products_product.id"
    title = f"SELECT highlight({FTS_TABLE}, 0, %s, %s) {this_product}"
    snippet = f"SELECT snippet({FTS_TABLE}, 2, %s, %s, '…', 24) {this_product}"
    return {
        "search_title": RawSQL(title, [start, end, match]),  # noqa: S611 - every value is a parameter
        "search_snippet": RawSQL(snippet, [start, end, match]),  # noqa: S611 - every value is a parameter
    }


# --- Suggestions (both databases) ------------------------------------------------------------------
def suggestion_rows(*, text: str, words: list[str], categories: int, users: int, products: int) -> list[SuggestionRow]:
    """Rows (kind, slug or username, name or title or first name, icon or tagline or last name,
    color or image or avatar, product id or 0): at most `categories` categories whose name starts
    with `text`, by name; `users` active users whose username does, by followers; and `products`
    published products with a title word starting with each word, by votes.

    Not the ORM: one statement for three tables, each part with its own order and LIMIT (a
    union of sliced querysets is refused on SQLite), as the box asks at every keystroke. Shown
    by "suggestions" (p95 3.3 ms; index user_username_prefix, search/tests/test_search_plans.py)."""
    prefix = text.strip().lower()
    pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    like = "LIKE %s" if connection.vendor == "postgresql" else "LIKE %s ESCAPE '\\'"
    product_sql, product_params = _title_prefix_products(words=words, limit=products)
    sql = f"""
        SELECT * FROM (
            SELECT 'category', slug, name, icon, color, 0 FROM categories_category
            WHERE lower(name) {like} ORDER BY name LIMIT {int(categories)}
        ) categories
        UNION ALL SELECT * FROM (
            SELECT 'user', username, first_name, last_name, avatar, 0 FROM users_user
            WHERE is_active AND lower(username) {like} ORDER BY followers_count DESC, id LIMIT {int(users)}
        ) users
        UNION ALL SELECT * FROM ({product_sql}) products
    """  # noqa: S608 (every value is a parameter)
    with _reading().cursor() as cursor:
        cursor.execute(sql, [pattern, pattern, *product_params])
        return cursor.fetchall()


def _title_prefix_products(*, words: list[str], limit: int) -> tuple[str, list[Any]]:
    """The `limit` most upvoted published products whose title has a word starting with each
    word typed, as (kind, slug, title, tagline, image, id) rows: SQL and its parameters."""
    columns = "'product', p.slug, p.title, p.tagline, p.image, p.id"
    if connection.vendor == "postgresql":
        # Weight A of the search document is the title.
        query = " & ".join(f"{word}:*A" for word in words)
        sql = f"""
            SELECT {columns} FROM products_product p
            WHERE {_PUBLISHED} AND p.search_document @@ to_tsquery('english', %s)
            ORDER BY p.upvote_count DESC, p.id DESC LIMIT {int(limit)}
        """  # noqa: S608 (every value is a parameter)
        return sql, [query]
    sql = f"""
        SELECT {columns}
        FROM {FTS_TABLE} JOIN products_product p ON p.id = {FTS_TABLE}.rowid
        WHERE {FTS_TABLE} MATCH %s AND {_PUBLISHED}
        ORDER BY p.upvote_count DESC, p.id DESC LIMIT {int(limit)}
    """  # noqa: S608 (every value is a parameter)
    return sql, ["title : (" + " ".join(f'"{word}"*' for word in words) + ")"]
