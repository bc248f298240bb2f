"""The demo site: categories, makers with avatars, two weeks of launches with covers, votes,
threads, follows and the notifications they caused.

Everything is planned in memory first, from one `random.Random(seed)` (votes and threads by the
planner the benchmark's data set shares, demo/planning.py), with every counter computed from
the planned rows; then the rows are written with `bulk_create`, table by table, in one
transaction. Images are generated and stored before that transaction (a rolled-back
seed leaves unused files behind, never rows pointing at missing files).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from categories.models import Category
from comments.models import Comment
from demo import catalog, images
from demo.planning import Thread, follow_pairs, moment_between, voters
from demo.writing import bulk_create_dated
from notifications.models import Notification, NotificationVerb
from products.models import Product, ProductStatus, ProductTag, Upvote
from products.ranking import hot_score
from uploads.models import Upload
from users.models import Follow, User

DEFAULT_SEED = 2024
DAYS_OF_LAUNCHES = 14
# One launch in this many stays a draft (and some makers have one).
DRAFT_EVERY = 12
# Follows between the demo's makers, about three each; the demo account is the most followed.
FOLLOWS = 124
GALLERY_SHARE = 0.3
# Notifications older than this are shown as already read.
READ_AFTER = timedelta(days=2)


@dataclass(frozen=True)
class SeedSummary:
    categories: int
    users: int
    products: int
    drafts: int
    images: int
    upvotes: int
    comments: int
    follows: int
    notifications: int


@dataclass(frozen=True)
class _Discussion:
    """A launch's thread plan and, at the same positions, its comments."""

    thread: Thread
    comments: list[Comment]


def demo_seed_blocker() -> str | None:
    """Why the demo cannot (or need not) be seeded into this database; None when it can."""
    if User.objects.filter(username__iexact=catalog.DEMO_USERNAME).exists():
        return f"The demo data is already there (the user “{catalog.DEMO_USERNAME}” exists). Nothing to do."
    taken = sorted(
        User.objects.filter(username__in=[maker.username for maker in catalog.MAKERS]).values_list(
            "username", flat=True
        )
    )
    if taken:
        return f"The demo cannot be added: these usernames are already taken: {', '.join(taken)}."
    slugs = {spec.name: spec.slug for spec in catalog.CATEGORIES}
    clashing = [
        name
        for name, slug in Category.objects.filter(name__in=slugs).values_list("name", "slug")
        if slugs[name] != slug
    ]
    if clashing:
        return f"The demo cannot be added: these category names are used with other slugs: {', '.join(clashing)}."
    return None


def demo_seed(*, seed: int = DEFAULT_SEED) -> SeedSummary:
    """Creates the demo site. Precondition: `demo_seed_blocker()` is None."""
    builder = _DemoBuilder(random.Random(seed), now=timezone.now())
    builder.plan()
    return builder.write()


def _store_image(path: str, image: images.GeneratedImage) -> tuple[str, str]:
    """Saves the image through the storage API; returns its stored name and its URL."""
    name = default_storage.save(path, ContentFile(image.content))
    return name, default_storage.url(name)


class _DemoBuilder:
    def __init__(self, rng: random.Random, *, now: datetime) -> None:
        self.rng = rng
        self.now = now
        self.categories: dict[str, Category] = {}
        self.users: list[User] = []
        self.demo_user: User
        self.uploads: list[Upload] = []
        self.products: list[Product] = []
        self.tags: list[ProductTag] = []
        self.upvotes: list[Upvote] = []
        self.discussions: list[_Discussion] = []
        self.follows: list[Follow] = []
        self.notifications: list[Notification] = []

    # --- planning ---------------------------------------------------------------------------
    def plan(self) -> None:
        self._plan_categories()
        self._plan_users()
        self._plan_products()
        self._plan_upvotes()
        self._plan_comments()
        self._plan_follows()
        self._count()

    def _plan_categories(self) -> None:
        existing = {
            category.slug: category
            for category in Category.objects.filter(slug__in=[spec.slug for spec in catalog.CATEGORIES])
        }
        for spec in catalog.CATEGORIES:
            self.categories[spec.slug] = existing.get(spec.slug) or Category(
                name=spec.name,
                slug=spec.slug,
                icon=spec.icon,
                color=spec.color,
                description=spec.description,
                created_at=self.now - timedelta(days=120),
            )

    def _plan_users(self) -> None:
        password = make_password(catalog.DEMO_PASSWORD)
        colors = [spec.color for spec in catalog.CATEGORIES]
        for index, maker in enumerate(catalog.MAKERS):
            joined = self.now - timedelta(days=self.rng.uniform(45, 400))
            name, url = _store_image(
                f"uploads/demo/avatars/{maker.username}.jpg",
                images.avatar(
                    initials=maker.first_name[:1] + maker.last_name[:1], color=colors[index % len(colors)], seed=index
                ),
            )
            user = User(
                username=maker.username,
                email=f"{maker.username}@{catalog.DEMO_EMAIL_DOMAIN}",
                email_verified=True,
                password=password,
                first_name=maker.first_name,
                last_name=maker.last_name,
                bio=maker.bio,
                website=maker.website,
                avatar=url,
                date_joined=joined,
                created_at=joined,
            )
            self.users.append(user)
            self._register_upload(owner=user, name=name, url=url, size=images.AVATAR_SIZE, created_at=joined)
        self.demo_user = self.users[0]

    def _register_upload(
        self, *, owner: User, name: str, url: str, size: tuple[int, int], created_at: datetime
    ) -> None:
        self.uploads.append(
            Upload(
                owner=owner,
                file=name,
                url=url,
                width=size[0],
                height=size[1],
                content_type="image/jpeg",
                size=default_storage.size(name),
                created_at=created_at,
            )
        )

    def _launch_moments(self, count: int) -> list[datetime]:
        """`count` publication moments over the last DAYS_OF_LAUNCHES days, several a day,
        today included, newest last."""
        today = self.now.replace(hour=0, minute=0, second=0, microsecond=0)
        moments = []
        for index in range(count):
            days_ago = index % DAYS_OF_LAUNCHES
            start = today - timedelta(days=days_ago)
            end = min(start + timedelta(days=1), self.now)
            moments.append(moment_between(self.rng, start, end))
        return sorted(moments)

    def _plan_products(self) -> None:
        specs = [(slug, spec) for slug, specs in catalog.PRODUCTS.items() for spec in specs]
        self.rng.shuffle(specs)
        drafts = {index for index in range(len(specs)) if index % DRAFT_EVERY == DRAFT_EVERY - 1}
        # The demo account launches a few products (one of them a draft) so its pages have content.
        authors = [
            self.demo_user if index % 17 == 0 else self.rng.choice(self.users[1:]) for index in range(len(specs))
        ]
        authors[DRAFT_EVERY - 1] = self.demo_user
        moments = iter(self._launch_moments(len(specs) - len(drafts)))
        taken_slugs = set(
            Product.objects.filter(slug__in=[slugify(spec.title) for _, spec in specs]).values_list("slug", flat=True)
        )
        for index, (category_slug, spec) in enumerate(specs):
            category = self.categories[category_slug]
            author = authors[index]
            published_at = None if index in drafts else next(moments)
            created_at = (published_at or self.now) - timedelta(hours=self.rng.uniform(2, 72))
            slug = slugify(spec.title)
            slug = f"{slug}-demo" if slug in taken_slugs else slug
            image_name, image_url = _store_image(
                f"uploads/demo/{slug}/cover.jpg",
                images.product_cover(title=spec.title, tagline=spec.tagline, color=category.color, seed=index),
            )
            self._register_upload(
                owner=author, name=image_name, url=image_url, size=images.COVER_SIZE, created_at=created_at
            )
            gallery = []
            if self.rng.random() < GALLERY_SHARE:
                for number in range(1, self.rng.randint(1, 3) + 1):
                    name, url = _store_image(
                        f"uploads/demo/{slug}/screen-{number}.jpg",
                        images.product_screenshot(title=spec.title, color=category.color, seed=index * 10 + number),
                    )
                    self._register_upload(
                        owner=author, name=name, url=url, size=images.GALLERY_SIZE, created_at=created_at
                    )
                    gallery.append(url)
            product = Product(
                slug=slug,
                title=spec.title,
                tagline=spec.tagline,
                description=spec.description,
                url=f"https://{slug.replace('-', '')}.example.com",
                category=category,
                author=author,
                image=image_url,
                gallery=gallery,
                tags=list(spec.tags),
                status=ProductStatus.DRAFT if published_at is None else ProductStatus.PUBLISHED,
                published_at=published_at,
                created_at=created_at,
                updated_at=published_at or created_at,
            )
            self.products.append(product)
            self.tags.extend(ProductTag(product=product, name=tag) for tag in spec.tags)

    @property
    def _published(self) -> list[Product]:
        return [product for product in self.products if product.published_at is not None]

    def _plan_upvotes(self) -> None:
        positions = {id(user): index for index, user in enumerate(self.users)}
        for product in self._published:
            assert product.published_at is not None
            # Whole days, so that the same seed gives the same votes at any hour.
            age_days = (self.now.date() - product.published_at.date()).days + 0.5
            # Older launches have had time to collect votes (so "top" favours them) while a
            # few fresh ones take off (so "hot" differs from "new" and from "top").
            wanted = (2 + 1.6 * age_days) * self.rng.uniform(0.3, 1.4) + (8 if self.rng.random() < 0.15 else 0)
            chosen = voters(
                self.rng,
                makers=len(self.users),
                author=positions[id(product.author)],
                count=min(len(self.users) - 1, round(wanted)),
            )
            for voter in (self.users[position] for position in chosen):
                voted_at = moment_between(self.rng, product.published_at, self.now)
                self.upvotes.append(Upvote(product=product, user=voter, created_at=voted_at))
                self._notify(product.author, voter, NotificationVerb.UPVOTE, voted_at, product=product)

    def _plan_comments(self) -> None:
        for product in self._published:
            assert product.published_at is not None
            threads = self.rng.choice([0, 1, 1, 2, 2, 3, 4])
            if product.author is self.demo_user:
                threads = max(threads, 2)
            discussion = _Discussion(thread=Thread(), comments=[])
            for _ in range(threads):
                commenter = self.rng.choice([user for user in self.users if user is not product.author])
                text = self.rng.choice(catalog.TOP_LEVEL_COMMENTS).format(title=product.title)
                top = self._add_comment(discussion, product, commenter, text, parent=None)
                # The maker answers most threads; the commenter sometimes answers back, and
                # now and then somebody else joins in.
                if self.rng.random() < 0.75:
                    answer = self._add_comment(
                        discussion, product, product.author, self.rng.choice(catalog.REPLIES), parent=top
                    )
                    if self.rng.random() < 0.5:
                        self._add_comment(
                            discussion, product, commenter, self.rng.choice(catalog.REPLIES), parent=answer
                        )
                if self.rng.random() < 0.35:
                    bystander = self.rng.choice(self.users)
                    self._add_comment(discussion, product, bystander, self.rng.choice(catalog.REPLIES), parent=top)
            if discussion.comments:
                self.discussions.append(discussion)

    def _add_comment(
        self, discussion: _Discussion, product: Product, author: User, content: str, *, parent: int | None
    ) -> int:
        assert product.published_at is not None
        after = discussion.comments[parent].created_at if parent is not None else product.published_at
        written_at = moment_between(self.rng, after, min(after + timedelta(hours=30), self.now))
        comment = Comment(
            product=product,
            author=author,
            content=content,
            created_at=written_at,
            updated_at=written_at,
        )
        position = discussion.thread.add(parent=parent)
        discussion.comments.append(comment)
        if parent is None:
            self._notify(product.author, author, NotificationVerb.COMMENT, written_at, product=product, comment=comment)
        else:
            self._notify(
                discussion.comments[parent].author,
                author,
                NotificationVerb.REPLY,
                written_at,
                product=product,
                comment=comment,
            )
        return position

    def _plan_follows(self) -> None:
        # Most makers follow the demo account, so its followers page is full.
        demo = self.users.index(self.demo_user)
        for follower, followee in follow_pairs(self.rng, people=len(self.users), count=FOLLOWS, favourite=demo):
            followed_at = moment_between(self.rng, self.now - timedelta(days=40), self.now)
            pair = Follow(follower=self.users[follower], followee=self.users[followee], created_at=followed_at)
            self.follows.append(pair)
            self._notify(pair.followee, pair.follower, NotificationVerb.FOLLOW, followed_at)

    def _notify(
        self,
        recipient: User,
        actor: User,
        verb: NotificationVerb,
        at: datetime,
        *,
        product: Product | None = None,
        comment: Comment | None = None,
    ) -> None:
        """As notifications.services.notification_create would: nobody hears of their own acts."""
        if recipient is actor:
            return
        self.notifications.append(
            Notification(
                recipient=recipient,
                actor=actor,
                verb=verb,
                product=product,
                comment=comment,
                read=at < self.now - READ_AFTER,
                created_at=at,
            )
        )

    def _count(self) -> None:
        """Every denormalised counter of the planned rows, from the planned rows."""
        for user in self.users:
            user.products_count = user.followers_count = user.following_count = 0
        for product in self.products:
            product.upvote_count = product.comment_count = 0
        for upvote in self.upvotes:
            upvote.product.upvote_count += 1
        for discussion in self.discussions:
            for comment in discussion.comments:
                comment.product.comment_count += 1
        for product in self.products:
            product.hot_score = hot_score(upvote_count=product.upvote_count, published_at=product.published_at)
            product.view_count = product.upvote_count * self.rng.randint(4, 15) + self.rng.randint(10, 60)
            if product.published_at is not None:
                product.author.products_count += 1
        for follow in self.follows:
            follow.follower.following_count += 1
            follow.followee.followers_count += 1

    # --- writing ----------------------------------------------------------------------------
    @transaction.atomic
    def write(self) -> SeedSummary:
        self._write_categories()
        bulk_create_dated(self.users)
        bulk_create_dated(self.uploads)
        bulk_create_dated(self.products)
        ProductTag.objects.bulk_create(self.tags)
        bulk_create_dated(self.upvotes)
        self._write_comments()
        bulk_create_dated(self.follows)
        bulk_create_dated(self.notifications)
        return SeedSummary(
            categories=len(self.categories),
            users=len(self.users),
            products=len(self.products),
            drafts=sum(1 for product in self.products if product.published_at is None),
            images=len(self.uploads),
            upvotes=len(self.upvotes),
            comments=sum(len(discussion.comments) for discussion in self.discussions),
            follows=len(self.follows),
            notifications=len(self.notifications),
        )

    def _write_categories(self) -> None:
        """New categories are written with their count of planned launches; categories that
        were there already gain theirs with F(), as the product services count them."""
        published = Counter(product.category.slug for product in self._published)
        existing = [category for category in self.categories.values() if category.pk is not None]
        new = [category for category in self.categories.values() if category.pk is None]
        for category in new:
            category.products_count = published[category.slug]
        bulk_create_dated(new)
        for category in existing:
            if published[category.slug]:
                Category.objects.filter(pk=category.pk).update(
                    products_count=F("products_count") + published[category.slug]
                )

    def _write_comments(self) -> None:
        """Top-level comments first, then their replies one depth at a time: a reply needs the
        id of its parent and of its thread's top-level comment (`root`) to be written."""
        by_depth: dict[int, list[tuple[Comment, Comment | None, Comment | None]]] = {}
        for discussion in self.discussions:
            thread, comments = discussion.thread, discussion.comments
            for position, comment in enumerate(comments):
                parent, root = thread.parents[position], thread.roots[position]
                by_depth.setdefault(thread.depths[position], []).append(
                    (
                        comment,
                        None if parent is None else comments[parent],
                        None if root is None else comments[root],
                    )
                )
        for depth in sorted(by_depth):
            level = sorted(by_depth[depth], key=lambda planned: planned[0].created_at)
            for comment, parent_comment, root_comment in level:
                comment.parent, comment.root = parent_comment, root_comment
            bulk_create_dated([comment for comment, _, _ in level])
