"""Large data sets for benchmarks: `manage.py generate_data`.

Sizes are given (users, products, upvotes, comments, follows); the shapes are realistic:
launches per maker follow a Zipf law (many launch once, a few often), votes a Pareto law (most
launches get a handful, a few get thousands), launches spread over the last year, comments
form threads (`root`, `parent`) that grow with a launch's popularity, and popular makers
attract most followers. Who votes for a launch, when, and how its threads hang together is
planned by the demo site's planner (demo/planning.py), with the numbers of a large site.

Speed comes from four choices: every count is decided in Python before a row is written, so
each row is written once with its counters already right; rows stream from generators into
PostgreSQL's COPY (bulk_create elsewhere) with the indexes in place; ids are reserved up
front so replies can name their parents in the same stream; and the foreign keys of the
loaded tables are validated once at the end instead of row by row (bulk.foreign_keys_lift).

Generated makers are recognised by the domain of their e-mail address, which is how
`--clear` finds (only) them and everything hanging off them.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import accumulate

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.text import slugify

from benchdata import vocabulary
from benchdata.bulk import RowWriter, allocate_ids, analyze, foreign_keys_lift, foreign_keys_restore
from benchdata.counters import category_products_recount, counters_recount
from categories.models import Category
from comments.models import Comment
from demo import catalog
from demo.planning import Thread, follow_pairs, moment_between, voters, zipf_cumulative
from notifications.models import Notification
from products.models import Product, ProductStatus, ProductTag, Upvote
from products.ranking import hot_score
from users.models import Follow, User

GENERATED_EMAIL_DOMAIN = "bench.vitrin.invalid"
# Every generated maker shares this password, so a benchmark can sign in as any of them.
GENERATED_PASSWORD = "vitrin-bench"  # noqa: S105 - a published benchmark credential, not a secret
DEFAULT_SEED = 7
DAYS_OF_HISTORY = 365
DRAFT_SHARE = 0.03
TOP_LEVEL_SHARE = 0.45
# Replies answer replies down to this depth (a top-level comment is 1); deeper, they answer the
# thread's first comment.
MAX_DEPTH = 7
# Votes and comments come early in a launch's life: a moment's share of its age is drawn to
# these powers.
VOTE_EARLINESS = 3.0
COMMENT_EARLINESS = 2.0
# Vote weights follow a Pareto law; 1.16 is the "80/20" exponent.
PARETO_ALPHA = 1.16
# ... cut off at this weight (the median is about 1.8), so that even the launch of the year is
# voted for by a share of the makers, not by every one of them.
PARETO_CAP = 500.0
# Launches per maker follow a Zipf law of this exponent: many makers launch once, a few often.
MAKER_EXPONENT = 0.5


@dataclass(frozen=True)
class DataSize:
    users: int
    products: int
    upvotes: int
    comments: int
    follows: int

    @property
    def drafts(self) -> int:
        return round(self.products * DRAFT_SHARE)

    @property
    def published(self) -> int:
        return self.products - self.drafts


@dataclass(frozen=True)
class GenerationSummary:
    users: int
    products: int
    drafts: int
    tags: int
    upvotes: int
    comments: int
    follows: int
    seconds: dict[str, float]


def generated_data_exists() -> bool:
    return User.objects.filter(email__iendswith=f"@{GENERATED_EMAIL_DOMAIN}").exists()


def data_size_problems(size: DataSize) -> list[str]:
    """What makes these sizes impossible, in sentences; empty when they are fine."""
    problems = [f"--{name} must be zero or more (got {value})." for name, value in vars(size).items() if value < 0]
    if problems:
        return problems
    if size.products and not size.users:
        problems.append("Products need makers: give --users 1 or more.")
    voters = max(size.users - 1, 0)
    if size.upvotes > size.published * voters:
        problems.append(
            f"{size.upvotes} upvotes do not fit: {size.published} published products x {voters} voters each "
            f"(a maker does not vote for their own launch) allow at most {size.published * voters}."
        )
    if size.comments and not size.published:
        problems.append("Comments need at least one published product: give more --products.")
    if size.follows > size.users * voters:
        problems.append(f"{size.follows} follows do not fit: {size.users} makers allow at most {size.users * voters}.")
    return problems


def _allocate(total: int, weights: Sequence[float], cap: int) -> list[int]:
    """Splits `total` into whole shares proportional to `weights` (largest remainders get the
    units that rounding down leaves over), none above `cap`; what a capped share cannot take
    is split again among the others. Items of weight 0 get nothing.
    Precondition: total <= (items of positive weight) * cap."""
    counts = [0] * len(weights)
    remaining = total
    open_items = [index for index, weight in enumerate(weights) if weight > 0]
    while remaining > 0 and open_items:
        weight_sum = sum(weights[index] for index in open_items)
        quotas = [(index, remaining * weights[index] / weight_sum) for index in open_items]
        given = 0
        for index, quota in quotas:
            share = min(int(quota), cap - counts[index])
            counts[index] += share
            given += share
        leftover = remaining - given
        for index, _quota in sorted(quotas, key=lambda item: item[1] - int(item[1]), reverse=True):
            if leftover == 0:
                break
            if counts[index] < cap:
                counts[index] += 1
                leftover -= 1
        remaining = leftover
        open_items = [index for index in open_items if counts[index] < cap]
    return counts


@lru_cache(maxsize=65536)
def _slug(title: str) -> str:
    return slugify(title)


class _Generator:
    def __init__(self, size: DataSize, rng: random.Random, now: datetime) -> None:
        self.size = size
        self.rng = rng
        self.now = now
        self.user_ids: list[int] = []
        # Per product, by position: id, author position, publication moment, votes, comments.
        self.product_ids: list[int] = []
        self.product_authors: list[int] = []
        self.published_at: list[datetime | None] = []
        self.votes: list[int] = []
        self.comment_counts: list[int] = []

    # --- users and follows ------------------------------------------------------------------
    def follows(self) -> list[tuple[int, int]]:
        """Follower and followee positions: popular makers attract most followers."""
        return follow_pairs(self.rng, people=self.size.users, count=self.size.follows)

    def user_rows(self, products_count: list[int], follows: list[tuple[int, int]]) -> Iterator[tuple[object, ...]]:
        followers = [0] * self.size.users
        following = [0] * self.size.users
        for follower, followee in follows:
            following[follower] += 1
            followers[followee] += 1
        password = make_password(GENERATED_PASSWORD)
        for position, user_id in enumerate(self.user_ids):
            first, last = self.rng.choice(vocabulary.FIRST_NAMES), self.rng.choice(vocabulary.LAST_NAMES)
            username = f"{first}.{last}.{user_id}".lower()
            joined = self.now - timedelta(days=self.rng.uniform(DAYS_OF_HISTORY, 2 * DAYS_OF_HISTORY))
            yield (
                user_id,
                username,
                f"{username}@{GENERATED_EMAIL_DOMAIN}",
                password,
                first,
                last,
                self.rng.choice(vocabulary.BIOS),
                f"https://{first.lower()}{last.lower()}.example.com",
                joined,
                joined,
                products_count[position],
                followers[position],
                following[position],
            )

    # --- products ---------------------------------------------------------------------------
    def plan_products(self) -> None:
        size = self.size
        self.product_ids = allocate_ids(Product, size.products)
        authors = zipf_cumulative(size.users, MAKER_EXPONENT, self.rng) if size.users else []
        self.product_authors = self.rng.choices(range(size.users), cum_weights=authors, k=size.products)
        drafts = set(self.rng.sample(range(size.products), size.drafts))
        history = timedelta(days=DAYS_OF_HISTORY)
        self.published_at = [
            None if index in drafts else self.now - history * self.rng.random() for index in range(size.products)
        ]
        weights = []
        for moment in self.published_at:
            if moment is None:
                weights.append(0.0)
                continue
            # A launch of yesterday has had less time to collect votes than one of last month.
            age_days = (self.now - moment).total_seconds() / 86400
            popularity = min(self.rng.paretovariate(PARETO_ALPHA), PARETO_CAP)
            weights.append(popularity * (0.2 + 0.8 * min(1.0, age_days / 30)))
        self.votes = _allocate(size.upvotes, weights, cap=max(size.users - 1, 0))
        comment_weights = [
            0.0 if moment is None else (votes + 1) * self.rng.uniform(0.5, 1.5)
            for moment, votes in zip(self.published_at, self.votes, strict=True)
        ]
        self.comment_counts = _allocate(size.comments, comment_weights, cap=size.comments)

    def product_rows(self, category_ids: list[int], tags: list[list[str]]) -> Iterator[tuple[object, ...]]:
        rng = self.rng
        category_weights = zipf_cumulative(len(category_ids), 0.7, rng)
        tag_weights = list(accumulate(1 / rank for rank in range(1, len(vocabulary.TAGS) + 1)))
        for index, product_id in enumerate(self.product_ids):
            title = rng.choice(vocabulary.TITLE_STARTS) + rng.choice(vocabulary.TITLE_ENDS)
            title += rng.choice(vocabulary.TITLE_EXTRAS)
            tagline = (
                f"{rng.choice(vocabulary.TAGLINE_VERBS)} {rng.choice(vocabulary.TAGLINE_NOUNS)} "
                f"{rng.choice(vocabulary.TAGLINE_ENDINGS)}"
            )
            description = " ".join(
                sentence.format(title=title) for sentence in rng.sample(vocabulary.DESCRIPTION_SENTENCES, 3)
            )
            product_tags = sorted(set(rng.choices(vocabulary.TAGS, cum_weights=tag_weights, k=rng.randint(1, 4))))
            tags.append(product_tags)
            published_at = self.published_at[index]
            created_at = (published_at or self.now) - timedelta(hours=rng.uniform(1, 240))
            votes, comments = self.votes[index], self.comment_counts[index]
            yield (
                product_id,
                f"{_slug(title)}-{product_id}",
                title,
                tagline,
                description,
                f"https://{_slug(title)}.example.com",
                rng.choices(category_ids, cum_weights=category_weights)[0],
                self.user_ids[self.product_authors[index]],
                product_tags,
                ProductStatus.DRAFT if published_at is None else ProductStatus.PUBLISHED,
                votes,
                votes * rng.randint(3, 20) + rng.randint(0, 50),
                comments,
                hot_score(upvote_count=votes, published_at=published_at),
                created_at,
                published_at or created_at,
                published_at,
            )

    def products_count(self) -> list[int]:
        counts = [0] * self.size.users
        for author, moment in zip(self.product_authors, self.published_at, strict=True):
            if moment is not None:
                counts[author] += 1
        return counts

    # --- upvotes and comments ---------------------------------------------------------------
    def upvote_rows(self) -> Iterator[tuple[object, ...]]:
        for index, votes in enumerate(self.votes):
            published_at = self.published_at[index]
            if not votes or published_at is None:
                continue
            product_id = self.product_ids[index]
            for voter in voters(self.rng, makers=self.size.users, author=self.product_authors[index], count=votes):
                moment = moment_between(self.rng, published_at, self.now, earliness=VOTE_EARLINESS)
                yield self.user_ids[voter], product_id, moment

    def comment_rows(self, comment_ids: Iterator[int]) -> Iterator[tuple[object, ...]]:
        """Threads: each comment starts one or answers an earlier comment of the same launch
        (never deeper than MAX_DEPTH: past that it answers the thread's first comment)."""
        activity = zipf_cumulative(self.size.users, 0.8, self.rng)
        rng = self.rng
        for index, count in enumerate(self.comment_counts):
            published_at = self.published_at[index]
            if not count or published_at is None:
                continue
            product_id = self.product_ids[index]
            moments = sorted(
                moment_between(rng, published_at, self.now, earliness=COMMENT_EARLINESS) for _ in range(count)
            )
            authors = rng.choices(self.user_ids, cum_weights=activity, k=count)
            thread = Thread(max_depth=MAX_DEPTH)
            ids: list[int] = []
            for position in range(count):
                comment_id = next(comment_ids)
                ids.append(comment_id)
                answers = rng.randrange(position) if position and rng.random() > TOP_LEVEL_SHARE else None
                added = thread.add(parent=answers)
                parent, root = thread.parents[added], thread.roots[added]
                content = " ".join(rng.sample(vocabulary.COMMENT_SENTENCES, rng.randint(1, 3)))
                moment = moments[position]
                yield (
                    comment_id,
                    product_id,
                    authors[position],
                    None if parent is None else ids[parent],
                    None if root is None else ids[root],
                    content,
                    moment,
                    moment,
                )


def _ensure_categories() -> list[int]:
    """The ids of the demo's categories, created when missing."""
    existing = set(
        Category.objects.filter(slug__in=[spec.slug for spec in catalog.CATEGORIES]).values_list("slug", flat=True)
    )
    Category.objects.bulk_create(
        [
            Category(name=spec.name, slug=spec.slug, icon=spec.icon, color=spec.color, description=spec.description)
            for spec in catalog.CATEGORIES
            if spec.slug not in existing
        ]
    )
    return list(
        Category.objects.filter(slug__in=[spec.slug for spec in catalog.CATEGORIES])
        .order_by("id")
        .values_list("id", flat=True)
    )


USER_FIELDS = (
    "id", "username", "email", "password", "first_name", "last_name", "bio", "website", "date_joined", "created_at",
    "products_count", "followers_count", "following_count",
)  # fmt: skip
PRODUCT_FIELDS = (
    "id", "slug", "title", "tagline", "description", "url", "category_id", "author_id", "tags", "status",
    "upvote_count", "view_count", "comment_count", "hot_score", "created_at", "updated_at", "published_at",
)  # fmt: skip
COMMENT_FIELDS = ("id", "product_id", "author_id", "parent_id", "root_id", "content", "created_at", "updated_at")


class _Stopwatch:
    """Seconds spent in each step, for `generate_data -v 2`."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = time.perf_counter() - started


@transaction.atomic
def data_generate(*, size: DataSize, seed: int = DEFAULT_SEED) -> GenerationSummary:
    """Writes a data set of `size`. Preconditions: `data_size_problems(size)` is empty and no
    generated data is there yet (`generated_data_exists()`)."""
    generator = _Generator(size, random.Random(seed), timezone.now())
    watch = _Stopwatch()
    with watch.step("plan"):
        category_ids = _ensure_categories() if size.products else []
        generator.user_ids = allocate_ids(User, size.users)
        generator.plan_products()
        follows = generator.follows()
        # Reserved before any stream starts: PostgreSQL takes no other command during a COPY.
        comment_ids = iter(allocate_ids(Comment, size.comments))
    loaded = (User, Product, ProductTag, Follow, Upvote, Comment)
    lifted = foreign_keys_lift(*loaded)
    with watch.step("users"):
        RowWriter(User, USER_FIELDS).write(generator.user_rows(generator.products_count(), follows))
    product_tags: list[list[str]] = []
    with watch.step("products"):
        RowWriter(Product, PRODUCT_FIELDS).write(generator.product_rows(category_ids, product_tags))
    with watch.step("tags"):
        tags = RowWriter(ProductTag, ("product_id", "name")).write(
            (product_id, name)
            for product_id, names in zip(generator.product_ids, product_tags, strict=True)
            for name in names
        )
    with watch.step("follows"):
        since = generator.now - timedelta(days=DAYS_OF_HISTORY)
        RowWriter(Follow, ("follower_id", "followee_id", "created_at")).write(
            (
                generator.user_ids[follower],
                generator.user_ids[followee],
                moment_between(generator.rng, since, generator.now),
            )
            for follower, followee in follows
        )
    with watch.step("upvotes"):
        upvotes = RowWriter(Upvote, ("user_id", "product_id", "created_at")).write(generator.upvote_rows())
    with watch.step("comments"):
        comments = RowWriter(Comment, COMMENT_FIELDS).write(generator.comment_rows(comment_ids))
    with watch.step("constraints"):
        foreign_keys_restore(lifted)
    with watch.step("counts and statistics"):
        if size.products:
            category_products_recount()
        analyze(*loaded, Category)
    return GenerationSummary(
        users=size.users,
        products=size.products,
        drafts=size.drafts,
        tags=tags,
        upvotes=upvotes,
        comments=comments,
        follows=len(follows),
        seconds=watch.seconds,
    )


def _delete(model: type[Model], where: str, params: Sequence[str]) -> int:
    """One DELETE without Django's collector, which would load every row into memory first.
    Only for tables whose dependants were deleted before (foreign keys are checked at commit)."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {where}", params)  # noqa: S608 - names come from the models
        return cursor.rowcount


@dataclass(frozen=True)
class ClearSummary:
    makers: int
    seconds: dict[str, float]


@transaction.atomic
def data_clear() -> ClearSummary:
    """Deletes the generated makers and everything that hangs off them, then recounts every
    counter of what remains (a benchmark may have voted on other launches with them)."""
    users = connection.ops.quote_name(User._meta.db_table)
    products = connection.ops.quote_name(Product._meta.db_table)
    comments = connection.ops.quote_name(Comment._meta.db_table)
    generated_users = f"SELECT id FROM {users} WHERE LOWER(email) LIKE %s"  # noqa: S608
    generated_products = f"SELECT id FROM {products} WHERE author_id IN ({generated_users})"  # noqa: S608
    their_comments = f"SELECT id FROM {comments} WHERE product_id IN ({generated_products})"  # noqa: S608
    pattern = f"%@{GENERATED_EMAIL_DOMAIN}"
    watch = _Stopwatch()
    lifted = foreign_keys_lift(Notification, Comment, Upvote, ProductTag, Product, Follow)
    with watch.step("notifications"):
        _delete(
            Notification,
            f"product_id IN ({generated_products}) OR comment_id IN ({their_comments})",
            [pattern, pattern],
        )
    with watch.step("comments"):
        _delete(Comment, f"product_id IN ({generated_products})", [pattern])
    with watch.step("upvotes"):
        _delete(Upvote, f"product_id IN ({generated_products})", [pattern])
        _delete(Upvote, f"user_id IN ({generated_users})", [pattern])
    with watch.step("products"):
        _delete(ProductTag, f"product_id IN ({generated_products})", [pattern])
        _delete(Product, f"author_id IN ({generated_users})", [pattern])
    with watch.step("follows"):
        _delete(Follow, f"follower_id IN ({generated_users}) OR followee_id IN ({generated_users})", [pattern] * 2)
    with watch.step("makers"):
        # What is left (tokens, uploads, comments elsewhere) is small: Django's cascade does it.
        _, by_model = User.objects.filter(email__iendswith=f"@{GENERATED_EMAIL_DOMAIN}").delete()
    with watch.step("constraints"):
        foreign_keys_restore(lifted)
    with watch.step("recount"):
        counters_recount()
    return ClearSummary(makers=by_model.get(User._meta.label, 0), seconds=watch.seconds)
