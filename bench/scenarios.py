"""What the benchmark asks: the fixtures read from the data set, and the scenarios built on them.

Every scenario is a list of requests that wrk walks round-robin (bench/wrk/scenario.lua). Those
of a "signed in" scenario each carry the token of one of many generated makers, so every
request personalises a different page.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

COMMON_WORD = "teams"  # in about half of the generated launches
COMMENTS_WANTED = 200  # the product page scenario reads a discussion of about this size
DEEP_PAGE = 500
PAGE_SIZE = 20
MIX_VOTERS = 1000
MIX_PRODUCTS = 300
MIX_LENGTH = 20_000
PACED_RATE = 300


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    authorization: str = ""


@dataclass(frozen=True)
class Scenario:
    name: str
    requests: list[Request]
    cached: bool = True  # served with the cache (Redis); False: with Django's dummy cache
    connections: int = 8
    threads: int = 1
    rate: int | None = None  # paced at this many requests per second in all
    baseline: str | None = None  # the naive scenario it is compared with
    # Asked through nginx with the micro-cache (infra/nginx/microcache.conf) in front of the server.
    via_microcache: bool = False


@dataclass
class Fixtures:
    deep_page: int
    deep_page_cursor: str
    product_id: int
    product_comments: int
    tokens: list[str]
    rare_word: str
    typo_word: str
    suggest_prefixes: list[str]
    mix_voters: list[str] = field(default_factory=list)
    mix_products: list[int] = field(default_factory=list)
    category_slug: str = ""

    @classmethod
    def prepare(cls, *, scale_name: str, signed_in_users: int) -> Fixtures:
        """Reads the fixtures from the data set (Django must be set up)."""
        from benchdata.generation import GENERATED_EMAIL_DOMAIN
        from django.db.models import F
        from django.db.models.functions import Abs
        from rest_framework_simplejwt.tokens import AccessToken

        from categories.models import Category
        from core.pagination import Cursor, _encode_cursor
        from products.models import PUBLISHED, Product
        from users.models import User

        published = Product.objects.filter(PUBLISHED)
        hot = published.order_by("-hot_score", "-id")
        pages = max(1, published.count() // PAGE_SIZE)
        deep_page = min(DEEP_PAGE, pages)
        # The cursor that `next` would hold on page deep_page - 1: the position of its last item.
        position = hot.values_list("hot_score", "id")[(deep_page - 1) * PAGE_SIZE - 1] if deep_page > 1 else None
        cursor = _encode_cursor(Cursor(position=list(position), reverse=False)) if position else ""
        product = (
            published.annotate(distance=Abs(F("comment_count") - COMMENTS_WANTED))
            .order_by("distance", "id")
            .values("id", "comment_count")
            .first()
        )
        assert product is not None, "the data set has no published product"
        makers = list(User.objects.filter(email__endswith=f"@{GENERATED_EMAIL_DOMAIN}").order_by("id")[:MIX_VOTERS])
        tokens = [f"Bearer {AccessToken.for_user(user)}" for user in makers]
        rare_word = _rare_word()
        rng = random.Random(7)
        candidates = list(hot.values_list("id", flat=True)[: MIX_PRODUCTS * 3])
        return cls(
            deep_page=deep_page,
            deep_page_cursor=cursor,
            product_id=product["id"],
            product_comments=product["comment_count"],
            tokens=tokens[:signed_in_users],
            rare_word=rare_word,
            typo_word=_typo_of(rare_word),
            suggest_prefixes=[rare_word[:2], rare_word[:3], rare_word[:4], COMMON_WORD[:2], COMMON_WORD[:3]],
            mix_voters=tokens,
            mix_products=rng.sample(candidates, min(MIX_PRODUCTS, len(candidates))),
            category_slug=Category.objects.order_by("-products_count").values_list("slug", flat=True).first() or "",
        )

    def describe(self) -> dict[str, Any]:
        return {
            "deep_page": self.deep_page,
            "product_id": self.product_id,
            "product_comments": self.product_comments,
            "signed_in_users": len(self.tokens),
            "common_word": COMMON_WORD,
            "rare_word": self.rare_word,
            "typo_word": self.typo_word,
            "suggest_prefixes": self.suggest_prefixes,
            "mix_voters": len(self.mix_voters),
            "mix_products": len(self.mix_products),
        }


def _rare_word() -> str:
    """The first word of the least common title: a word found in few products."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT lower(split_part(title, ' ', 1)) AS word, count(*) FROM products_product "
            "WHERE status = 'published' GROUP BY word ORDER BY count(*), word LIMIT 1"
        )
        row = cursor.fetchone()
    return str(row[0]) if row else "pixelforge"


def _typo_of(word: str) -> str:
    """`word` with two neighbouring letters swapped, so that full-text search finds nothing and
    the typo tolerance has to."""
    from django.db import connection

    with connection.cursor() as cursor:
        for index in range(1, len(word) - 2):
            typo = word[:index] + word[index + 1] + word[index] + word[index + 2 :]
            cursor.execute(
                "SELECT count(*) FROM products_product WHERE search_document @@ "
                "(websearch_to_tsquery('english', %s) || to_tsquery('english', %s))",
                [typo, f"{typo}:*"],
            )
            if cursor.fetchone()[0] == 0:
                return typo
    return word[::-1]


def deep_page_name(page: int) -> str:
    return f"page {page}"


def _get(path: str, **params: str) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def scenarios_for(fixtures: Fixtures, *, workers: int) -> list[Scenario]:
    tokens = fixtures.tokens
    product = fixtures.product_id
    deep = {"cursor": fixtures.deep_page_cursor} if fixtures.deep_page_cursor else {}
    deep_name = deep_page_name(fixtures.deep_page)

    def anonymous(*paths: str) -> list[Request]:
        return [Request("GET", path) for path in paths]

    def signed_in(*paths: str) -> list[Request]:
        return [Request("GET", paths[index % len(paths)], token) for index, token in enumerate(tokens)]

    home = "/api/products/"
    page = f"/api/products/{product}/"
    discussion = f"/api/products/{product}/comments/"
    naive_page = f"/bench/naive/products/{product}/"
    naive_discussion = f"/bench/naive/products/{product}/comments/"
    connections = max(4, 2 * workers + 2)
    # A naive request takes seconds: one per worker at a time, or they would only queue.
    naive_connections = workers
    return [
        Scenario("ceiling", anonymous("/bench/ceiling/"), connections=connections),
        # What any signed-in request costs before its view runs: JWT check, user row, throttles.
        Scenario("reference: signed-in floor", signed_in("/bench/signed-in-floor/"), connections=connections),
        # --- the naive baseline
        Scenario("naive: home, anonymous", anonymous("/bench/naive/products/"), connections=naive_connections),
        Scenario("naive: home, signed in", signed_in("/bench/naive/products/"), connections=naive_connections),
        Scenario(
            f"naive: {deep_name}, anonymous",
            anonymous(_get("/bench/naive/products/", page=str(fixtures.deep_page))),
            connections=naive_connections,
        ),
        Scenario(
            "naive: product page, anonymous", anonymous(naive_page, naive_discussion), connections=naive_connections
        ),
        Scenario(
            "naive: product page, signed in", signed_in(naive_page, naive_discussion), connections=naive_connections
        ),
        # --- Vitrin
        Scenario("home, anonymous", anonymous(home), connections=connections, baseline="naive: home, anonymous"),
        # What anonymous traffic gets in production: nginx answers from its copy, Django once a second.
        Scenario(
            "home, anonymous, via nginx micro-cache",
            anonymous(home),
            connections=connections,
            baseline="naive: home, anonymous",
            via_microcache=True,
        ),
        Scenario("home, signed in", signed_in(home), connections=connections, baseline="naive: home, signed in"),
        paced(f"home, signed in @ {PACED_RATE} req/s", signed_in(home), baseline="naive: home, signed in"),
        Scenario(
            f"{deep_name}, anonymous",
            anonymous(_get(home, **deep)),
            connections=connections,
            baseline=f"naive: {deep_name}, anonymous",
        ),
        Scenario(
            "product page, anonymous",
            anonymous(page, discussion),
            connections=connections,
            baseline="naive: product page, anonymous",
        ),
        Scenario(
            "product page, signed in",
            signed_in(page, discussion),
            connections=connections,
            baseline="naive: product page, signed in",
        ),
        paced(
            f"product page, signed in @ {PACED_RATE} req/s",
            signed_in(page, discussion),
            baseline="naive: product page, signed in",
        ),
        Scenario("mix: 90% reads, 10% upvotes", _mix(fixtures), connections=connections),
        # --- without the cache: what the database path costs
        Scenario("uncached: home", anonymous(home), cached=False, connections=connections),
        Scenario(f"uncached: {deep_name}", anonymous(_get(home, **deep)), cached=False, connections=connections),
        one_client("search: common word", anonymous(_get("/api/search/products/", q=COMMON_WORD))),
        one_client("search: rare word", anonymous(_get("/api/search/products/", q=fixtures.rare_word))),
        one_client("search: typo", anonymous(_get("/api/search/products/", q=fixtures.typo_word))),
        one_client(
            "suggestions", anonymous(*(_get("/api/search/suggest/", q=prefix) for prefix in fixtures.suggest_prefixes))
        ),
    ]


def paced(name: str, requests: list[Request], *, baseline: str) -> Scenario:
    """A steady PACED_RATE requests per second, enough connections to keep it when answers slow."""
    return Scenario(name, requests, connections=16, threads=2, rate=PACED_RATE, baseline=baseline)


def one_client(name: str, requests: list[Request]) -> Scenario:
    """One client at a time against the server without cache: what a search costs the database."""
    return Scenario(name, requests, cached=False, connections=1)


def _mix(fixtures: Fixtures) -> list[Request]:
    """90% reads of what people read most (the home page, product pages, discussions, the
    categories), anonymous or signed in, and 10% upvotes given or withdrawn by many makers."""
    rng = random.Random(42)
    products = fixtures.mix_products
    requests: list[Request] = []
    for _ in range(MIX_LENGTH):
        token = rng.choice(fixtures.mix_voters)
        draw = rng.random()
        product = rng.choice(products)
        if draw < 0.10:
            method = "POST" if rng.random() < 0.6 else "DELETE"
            requests.append(Request(method, f"/api/products/{product}/upvote/", token))
        elif draw < 0.40:
            requests.append(Request("GET", "/api/products/"))
        elif draw < 0.55:
            requests.append(Request("GET", "/api/products/", token))
        elif draw < 0.70:
            requests.append(Request("GET", f"/api/products/{product}/", token if draw < 0.62 else ""))
        elif draw < 0.80:
            requests.append(Request("GET", f"/api/products/{product}/comments/"))
        elif draw < 0.90:
            requests.append(Request("GET", _get("/api/products/", ordering="top", category=fixtures.category_slug)))
        else:
            requests.append(Request("GET", "/api/categories/"))
    return requests
