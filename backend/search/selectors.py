"""Product search: full-text with weighted ranking, prefix matching and typo tolerance.

The search runs in two steps:
1. `product_search_hits` finds the matching published products and ranks them, in one SQL
   query, into a list of at most `SEARCH_MAX_RESULTS` hits (id + the values it is sorted by).
   The list is cached (search.cache) — the seed's search flow: cache, then database.
2. The page of hits that the client asked for is loaded as Products (products.selectors)
   with a highlighted title and snippet for each (`highlight_annotations`).

PostgreSQL uses the generated `search_document` column (title A, tagline + tags B,
description C), `websearch_to_tsquery` OR a prefix query on the words typed so far, and
`ts_rank_cd`; when nothing matches, pg_trgm word similarity on titles finds typos
("notoin" → "Notion"). SQLite uses its FTS5 table with bm25 weighted the same way, and the
same trigram measure computed in Python for typos.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from django.db import connection
from django.db.models import Expression, F, Func, TextField, Value
from django.db.models.expressions import RawSQL

SearchOrdering = Literal["relevance", "new", "top"]
SEARCH_ORDERINGS: tuple[SearchOrdering, ...] = ("relevance", "new", "top")
SEARCH_MAX_RESULTS = 1000
# Ranking costs grow with the number of matches: a common word is ranked among this many
# of its most upvoted matches only (a word in half of 100,000 products: 4 to 9 ms for 500,
# 17 to 32 ms for 2,000 — docs/performance.md).
SEARCH_RANKED_CANDIDATES = 500
TYPO_SIMILARITY_THRESHOLD = 0.4
TYPO_MAX_RESULTS = 50
MATCH_START, MATCH_END = "\x02", "\x03"

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_PUBLISHED = "p.status = 'published' AND NOT p.is_hidden"
# Publication times as seconds since the epoch: hits are sorted and paged by them, and parsing
# a thousand timestamps per search cost more than the search (docs/performance.md).
_EPOCH = "extract(epoch from {row}.published_at)::float8"
_SQLITE_EPOCH = "(julianday(p.published_at) - 2440587.5) * 86400.0"


@dataclass(frozen=True)
class ProductSearch:
    text: str
    category: str | None = None
    tag: str | None = None
    ordering: SearchOrdering = "relevance"

    @property
    def words(self) -> list[str]:
        return [word.lower() for word in _WORD.findall(self.text)][:16]


@dataclass(frozen=True)
class SearchHit:
    id: int
    rank: float
    published_epoch: float  # seconds; a number, not a datetime, to be cheap in bulk
    upvote_count: int

    def sort_key(self, ordering: SearchOrdering) -> tuple[Any, ...]:
        if ordering == "new":
            return (self.published_epoch, self.id)
        if ordering == "top":
            return (self.upvote_count, self.id)
        return (self.rank, self.id)


def product_search_hits(*, search: ProductSearch) -> list[SearchHit]:
    """Every matching published product, best first (at most SEARCH_MAX_RESULTS)."""
    if not search.words:
        return []
    if connection.vendor == "postgresql":
        hits = _postgres_full_text(search) or _postgres_typos(search)
    else:
        hits = _sqlite_full_text(search) or _sqlite_typos(search)
    return sorted(hits, key=lambda hit: hit.sort_key(search.ordering), reverse=True)[:SEARCH_MAX_RESULTS]


def _filters(search: ProductSearch) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if search.category:
        clauses.append("p.category_id IN (SELECT id FROM categories_category WHERE slug = %s)")
        params.append(search.category)
    if search.tag:
        clauses.append("EXISTS (SELECT 1 FROM products_producttag t WHERE t.product_id = p.id AND t.name = %s)")
        params.append(search.tag.strip().lower())
    return "".join(f" AND {clause}" for clause in clauses), params


def _hits(rows: list[tuple[Any, ...]]) -> list[SearchHit]:
    return [
        SearchHit(id=row[0], rank=float(row[1]), published_epoch=float(row[2]), upvote_count=row[3]) for row in rows
    ]


# --- PostgreSQL ---------------------------------------------------------------------------------
def postgres_tsquery_sql(search: ProductSearch) -> tuple[str, list[Any]]:
    """The query as typed (quotes, OR, -word) OR every word with the last one as a prefix."""
    prefix = " & ".join([*search.words[:-1], f"{search.words[-1]}:*"])
    return "(websearch_to_tsquery('english', %s) || to_tsquery('english', %s))", [search.text, prefix]


def _postgres_full_text(search: ProductSearch) -> list[SearchHit]:
    # The query is written out where it is used, not in a CTE: the planner then sees it as a
    # constant and estimates from the column's statistics how many products it matches — a
    # common word is read in vote order from the `product_top` index until enough candidates
    # are found, a rare one through the GIN index (see docs/performance.md).
    tsquery, tsquery_params = postgres_tsquery_sql(search)
    filters, filter_params = _filters(search)
    if search.ordering == "relevance":
        # Rank only the most upvoted candidates: ts_rank_cd reads every ranked document.
        sql = f"""
            SELECT c.id, ts_rank_cd(c.search_document, {tsquery}), {_EPOCH.format(row="c")}, c.upvote_count
            FROM (
                SELECT p.id, p.search_document, p.published_at, p.upvote_count
                FROM products_product p
                WHERE {_PUBLISHED} AND p.search_document @@ {tsquery}{filters}
                ORDER BY p.upvote_count DESC, p.id DESC
                LIMIT {SEARCH_RANKED_CANDIDATES}
            ) c
        """  # noqa: S608 (every value is a parameter)
        params = [*tsquery_params, *tsquery_params, *filter_params]
    else:
        order = "p.published_at DESC, p.id DESC" if search.ordering == "new" else "p.upvote_count DESC, p.id DESC"
        sql = f"""
            SELECT p.id, 0, {_EPOCH.format(row="p")}, p.upvote_count
            FROM products_product p
            WHERE {_PUBLISHED} AND p.search_document @@ {tsquery}{filters}
            ORDER BY {order}
            LIMIT {SEARCH_MAX_RESULTS}
        """  # noqa: S608
        params = [*tsquery_params, *filter_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return _hits(cursor.fetchall())


def _postgres_typos(search: ProductSearch) -> list[SearchHit]:
    filters, filter_params = _filters(search)
    text = " ".join(search.words)
    sql = f"""
        SELECT p.id, word_similarity(%s, lower(p.title)), {_EPOCH.format(row="p")}, p.upvote_count
        FROM products_product p
        WHERE {_PUBLISHED} AND %s <%% lower(p.title){filters}
        ORDER BY 2 DESC, p.id DESC
        LIMIT {TYPO_MAX_RESULTS}
    """  # noqa: S608
    # `<%` uses this threshold (0.6 by default, too strict for a swapped pair of letters). Both
    # statements go in one message, which PostgreSQL runs as one transaction: the setting, local
    # to it, holds for the search and ends with it, in one round trip.
    threshold = "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true);"
    with connection.cursor() as cursor:
        cursor.execute(threshold + sql, [str(TYPO_SIMILARITY_THRESHOLD), text, text, *filter_params])
        cursor.nextset()
        return _hits(cursor.fetchall())


# --- SQLite ---------------------------------------------------------------------------------
def sqlite_match_expression(search: ProductSearch) -> str:
    """Every word must match; the last one as a prefix (as-you-type). Words are quoted, so no
    character of the user's text is read as FTS5 syntax."""
    quoted = [f'"{word}"' for word in search.words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _sqlite_full_text(search: ProductSearch) -> list[SearchHit]:
    filters, filter_params = _filters(search)
    # bm25 is lower for better matches; the weights mirror PostgreSQL's A/B/C.
    # As on PostgreSQL, relevance ranks the most upvoted candidates only.
    limit = SEARCH_RANKED_CANDIDATES if search.ordering == "relevance" else SEARCH_MAX_RESULTS
    order = {"relevance": "p.upvote_count DESC", "top": "p.upvote_count DESC", "new": "p.published_at DESC"}
    sql = f"""
        SELECT p.id, -bm25(search_product_fts, 10.0, 4.0, 1.0), {_SQLITE_EPOCH}, p.upvote_count
        FROM search_product_fts JOIN products_product p ON p.id = search_product_fts.rowid
        WHERE search_product_fts MATCH %s AND {_PUBLISHED}{filters}
        ORDER BY {order[search.ordering]}, p.id DESC
        LIMIT {limit}
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [sqlite_match_expression(search), *filter_params])
        rows = cursor.fetchall()
    return _hits(rows)


def _sqlite_typos(search: ProductSearch) -> list[SearchHit]:
    filters, filter_params = _filters(search)
    text = " ".join(search.words)
    with connection.cursor() as cursor:
        columns = f"p.id, p.title, {_SQLITE_EPOCH}, p.upvote_count"
        cursor.execute(
            f"SELECT {columns} FROM products_product p WHERE {_PUBLISHED}{filters}",  # noqa: S608
            filter_params,
        )
        rows = cursor.fetchall()
    scored = [(row[0], word_similarity(text, row[1].lower()), row[2], row[3]) for row in rows]
    matches = [row for row in scored if row[1] >= TYPO_SIMILARITY_THRESHOLD]
    matches.sort(key=lambda row: (row[1], row[0]), reverse=True)
    return _hits(matches[:TYPO_MAX_RESULTS])


def _trigrams(word: str) -> set[str]:
    padded = f"  {word} "
    return {padded[index : index + 3] for index in range(len(padded) - 2)}


def word_similarity(text: str, title: str) -> float:
    """pg_trgm's word similarity, closely enough: the share of the text's trigrams found in the
    best matching word (or run of words) of the title."""
    wanted: set[str] = set()
    for word in _WORD.findall(text):
        wanted |= _trigrams(word)
    if not wanted:
        return 0.0
    words = _WORD.findall(title)
    best = 0.0
    for start in range(len(words)):
        found: set[str] = set()
        for word in words[start : start + 3]:
            found |= _trigrams(word)
            best = max(best, len(wanted & found) / len(wanted))
    return best


# --- Highlights -------------------------------------------------------------------------------
def highlight_annotations(search: ProductSearch) -> dict[str, Expression]:
    """`search_title` and `search_snippet` for each product of a page, the matched words
    wrapped in MATCH_START / MATCH_END (see `split_highlight`)."""
    if not search.words:
        return {}
    if connection.vendor == "postgresql":
        tsquery, params = postgres_tsquery_sql(search)
        options = f"StartSel={MATCH_START}, StopSel={MATCH_END}"
        return {
            "search_title": Func(
                Value("english"),
                F("title"),
                RawSQL(tsquery, params),  # noqa: S611 - the text is a parameter
                Value(f"{options}, HighlightAll=true"),
                function="ts_headline",
                output_field=TextField(),
            ),
            "search_snippet": Func(
                Value("english"),
                F("description"),
                RawSQL(tsquery, params),  # noqa: S611 - the text is a parameter
                Value(f"{options}, MaxWords=28, MinWords=12, MaxFragments=1"),
                function="ts_headline",
                output_field=TextField(),
            ),
        }
    match = sqlite_match_expression(search)
    start, end = MATCH_START, MATCH_END
    return {
        "search_title": RawSQL(
            "SELECT highlight(search_product_fts, 0, %s, %s) FROM search_product_fts "
            "WHERE search_product_fts MATCH %s AND rowid = products_product.id",
            [start, end, match],
        ),
        "search_snippet": RawSQL(
            "SELECT snippet(search_product_fts, 2, %s, %s, '…', 24) FROM search_product_fts "
            "WHERE search_product_fts MATCH %s AND rowid = products_product.id",
            [start, end, match],
        ),
    }


def split_highlight(marked: str | None, fallback: str) -> list[dict[str, Any]]:
    """Turns a highlighted string into segments `[{"text": ..., "match": bool}]`, so the web app
    renders matches without ever treating a user's text as markup."""
    if not marked:
        return [{"text": fallback, "match": False}] if fallback else []
    segments: list[dict[str, Any]] = []
    for index, part in enumerate(re.split(f"[{MATCH_START}{MATCH_END}]", marked)):
        if part:
            segments.append({"text": part, "match": index % 2 == 1})
    return segments


def product_search_hits_cached(*, search: ProductSearch) -> list[SearchHit]:
    """`product_search_hits` through the cache; any product write makes it stale (core.cache)."""
    from django.conf import settings

    from core.cache import PRODUCTS, cached, versioned_key

    key = versioned_key(PRODUCTS, "search-hits-2", search.__dict__)  # the number: SearchHit's shape
    return cached(key, settings.SEARCH_CACHE_SECONDS, lambda: product_search_hits(search=search))


# --- Suggestions ------------------------------------------------------------------------------
SUGGEST_LIMIT = 8
SUGGEST_CATEGORIES = 2
SUGGEST_USERS = 2


def search_suggestions(*, text: str) -> dict[str, list[dict[str, Any]]]:
    """At most SUGGEST_LIMIT products, categories and users whose title, name or username
    starts with what was typed (products: any word of the title), for the search box.

    One statement for the three (the box asks at every keystroke, so a round trip and a query
    built by the ORM count): at most SUGGEST_CATEGORIES categories by name, SUGGEST_USERS
    active users by followers, and products by votes filling the rest."""
    search = ProductSearch(text=text)
    if not search.words:
        return {"products": [], "categories": [], "users": []}
    prefix = text.strip().lower()
    pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    like = "LIKE %s" if connection.vendor == "postgresql" else "LIKE %s ESCAPE '\\'"
    product_sql, product_params = _title_prefix_products_sql(search)
    sql = f"""
        SELECT * FROM (
            SELECT 'category', slug, name, icon, color, 0 FROM categories_category
            WHERE lower(name) {like} ORDER BY name LIMIT {SUGGEST_CATEGORIES}
        ) categories
        UNION ALL SELECT * FROM (
            SELECT 'user', username, first_name, last_name, avatar, 0 FROM users_user
            WHERE is_active AND lower(username) {like} ORDER BY followers_count DESC, id LIMIT {SUGGEST_USERS}
        ) users
        UNION ALL SELECT * FROM ({product_sql}) products
    """  # noqa: S608 (every value is a parameter)
    with connection.cursor() as cursor:
        cursor.execute(sql, [pattern, pattern, *product_params])
        rows = cursor.fetchall()
    categories = [
        dict(zip(("slug", "name", "icon", "color"), row[1:5], strict=True)) for row in rows if row[0] == "category"
    ]
    users = [
        dict(zip(("username", "first_name", "last_name", "avatar"), row[1:5], strict=True))
        for row in rows
        if row[0] == "user"
    ]
    products = [
        {"id": row[5], "slug": row[1], "title": row[2], "tagline": row[3], "image": row[4]}
        for row in rows
        if row[0] == "product"
    ]
    return {
        "products": products[: SUGGEST_LIMIT - len(categories) - len(users)],
        "categories": categories,
        "users": users,
    }


def _title_prefix_products_sql(search: ProductSearch) -> tuple[str, list[Any]]:
    """The SUGGEST_LIMIT most upvoted published products whose title has a word starting with
    each word typed, as (kind, slug, title, tagline, image, id) rows."""
    columns = "'product', p.slug, p.title, p.tagline, p.image, p.id"
    if connection.vendor == "postgresql":
        # Weight A of the search document is the title.
        query = " & ".join(f"{word}:*A" for word in search.words)
        sql = f"""
            SELECT {columns} FROM products_product p
            WHERE {_PUBLISHED} AND p.search_document @@ to_tsquery('english', %s)
            ORDER BY p.upvote_count DESC, p.id DESC LIMIT {SUGGEST_LIMIT}
        """  # noqa: S608
        return sql, [query]
    sql = f"""
        SELECT {columns}
        FROM search_product_fts JOIN products_product p ON p.id = search_product_fts.rowid
        WHERE search_product_fts MATCH %s AND {_PUBLISHED}
        ORDER BY p.upvote_count DESC, p.id DESC LIMIT {SUGGEST_LIMIT}
    """  # noqa: S608
    return sql, ["title : (" + " ".join(f'"{word}"*' for word in search.words) + ")"]
