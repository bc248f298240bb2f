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
same trigram measure computed in Python for typos. The statements are in search.queries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from django.db import connection
from django.db.models import Expression

from search import queries

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


def _hits(rows: list[queries.MatchRow]) -> list[SearchHit]:
    return [
        SearchHit(id=row[0], rank=float(row[1]), published_epoch=float(row[2]), upvote_count=row[3]) for row in rows
    ]


def _postgres_full_text(search: ProductSearch) -> list[SearchHit]:
    text, words, category, tag = search.text, search.words, search.category, search.tag
    if search.ordering == "relevance":
        rows = queries.postgres_ranked_matches(
            text=text, words=words, category=category, tag=tag, candidates=SEARCH_RANKED_CANDIDATES
        )
    else:
        rows = queries.postgres_ordered_matches(
            text=text, words=words, category=category, tag=tag, ordering=search.ordering, limit=SEARCH_MAX_RESULTS
        )
    return _hits(rows)


def _postgres_typos(search: ProductSearch) -> list[SearchHit]:
    rows = queries.postgres_title_typos(
        words=search.words,
        category=search.category,
        tag=search.tag,
        threshold=TYPO_SIMILARITY_THRESHOLD,
        limit=TYPO_MAX_RESULTS,
    )
    return _hits(rows)


def _sqlite_full_text(search: ProductSearch) -> list[SearchHit]:
    # As on PostgreSQL, relevance ranks the most upvoted candidates only.
    limit = SEARCH_RANKED_CANDIDATES if search.ordering == "relevance" else SEARCH_MAX_RESULTS
    rows = queries.sqlite_matches(
        words=search.words, category=search.category, tag=search.tag, ordering=search.ordering, limit=limit
    )
    return _hits(rows)


def _sqlite_typos(search: ProductSearch) -> list[SearchHit]:
    text = " ".join(search.words)
    rows = queries.sqlite_published_titles(category=search.category, tag=search.tag)
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
        return queries.postgres_highlights(text=search.text, words=search.words, start=MATCH_START, end=MATCH_END)
    return queries.sqlite_highlights(words=search.words, start=MATCH_START, end=MATCH_END)


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
    rows = queries.suggestion_rows(
        text=text, words=search.words, categories=SUGGEST_CATEGORIES, users=SUGGEST_USERS, products=SUGGEST_LIMIT
    )
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
