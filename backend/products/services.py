"""Writes of products and upvotes.

Every counter a product change affects (`Category.products_count`, `User.products_count`,
`Product.upvote_count`, `Product.hot_score`) changes here, with `F()`, in the transaction of
the change it counts. A product's own row is locked first (`select_for_update`) so that two
concurrent changes of one product are applied one after the other.

A change of what a product says or of whether it is listed makes every cached product answer
stale (core.cache PRODUCTS); a vote makes the cached lists stale (VOTES), not the cached
search rankings, whose order by votes may lag for their short lifetime.

Views are not written one by one: they are counted in the cache, once per viewer and
VIEW_DEDUP_SECONDS, and written in batches every VIEW_FLUSH_SECONDS (`product_view_count`,
`product_view_counts_flush`).
"""

import re
import secrets
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Case, F, PositiveIntegerField, Value, When
from django.utils import timezone
from django.utils.text import slugify

from categories.models import Category
from categories.selectors import category_get_by_slug_or_none
from core.buffered_counts import BufferedCounts
from core.cache import PRODUCTS, VOTES, bump_cache_version
from core.domain_errors import Invalid, NotFound
from core.metrics import LAUNCHES, PRODUCT_VIEWS_WRITTEN, UPVOTES, count_after_commit
from live.events import ProductCounts, product_counts_publish_on_commit
from notifications.models import NotificationVerb
from notifications.services import notification_create
from products.models import Product, ProductStatus, ProductTag, Upvote
from products.ranking import hot_score
from uploads.selectors import upload_urls_unknown
from users.models import User

SLUG_BASE_MAX_LENGTH = 120
SLUG_ATTEMPTS = 5
# The fields product_update may write: never the counters, which other writers change with F().
UPDATABLE_FIELDS = (
    "title",
    "tagline",
    "description",
    "url",
    "image",
    "gallery",
    "tags",
    "category",
    "status",
    "published_at",
    "hot_score",
    "updated_at",
)


# --- helpers ------------------------------------------------------------------------------
def _category_for(*, slug: str) -> Category:
    category = category_get_by_slug_or_none(slug=slug)
    if category is None:
        raise Invalid({"category": [f"There is no category with the slug “{slug}”."]})
    return category


def _check_upload_urls(*, owner: User, image: str | None, gallery: list[str] | None) -> None:
    """Refuses image URLs that `owner` did not upload through /api/uploads/."""
    unknown = set(upload_urls_unknown(owner=owner, urls=[image or "", *(gallery or [])]))
    if not unknown:
        return
    errors: dict[str, list[str]] = {}
    if image in unknown:
        errors["image"] = ["Upload the image through /api/uploads/ first, then send the URL it returned."]
    foreign = [url for url in gallery or [] if url in unknown]
    if foreign:
        errors["gallery"] = [
            "Upload every gallery image through /api/uploads/ first, then send the URLs it returned. "
            f"Not uploaded by you: {', '.join(foreign)}."
        ]
    raise Invalid(errors)


def _current_hot_score(product: Product, *, upvote_count: int) -> float:
    if product.status != ProductStatus.PUBLISHED:
        return 0.0
    return hot_score(upvote_count=upvote_count, published_at=product.published_at)


def _counted_category_id(product: Product) -> int | None:
    """The category whose `products_count` includes this product, if any does."""
    return product.category_id if product.is_published else None


def _shift_products_counts(*, author_id: int, before: int | None, after: int | None) -> None:
    """Moves a product's contribution to the `products_count` of its category and its author.

    `before` and `after` are the counted category ids (`_counted_category_id`) before and
    after the change: None when the product was (or is) not counted anywhere.
    """
    if before == after:
        return
    # A decrement never goes below zero: rows written outside the services (fixtures, the
    # shell) must not turn a maker's unpublish into an error.
    if before is not None:
        Category.objects.filter(pk=before, products_count__gt=0).update(products_count=F("products_count") - 1)
    if after is not None:
        Category.objects.filter(pk=after).update(products_count=F("products_count") + 1)
    if after is not None and before is None:
        User.objects.filter(pk=author_id).update(products_count=F("products_count") + 1)
    if before is not None and after is None:
        User.objects.filter(pk=author_id, products_count__gt=0).update(products_count=F("products_count") - 1)


def _publish_counts(product: Product, *, upvote_count: int) -> None:
    """Live pages show the product's new count once the vote commits (a listed product only)."""
    if product.is_published and product.published_at is not None:
        counts = ProductCounts(id=product.pk, upvote_count=upvote_count, comment_count=product.comment_count)
        product_counts_publish_on_commit(counts=counts, published_at=product.published_at)


def _lock(product: Product) -> Product:
    """The product's row, locked until the end of the transaction; NotFound once deleted."""
    locked = Product.objects.select_for_update(no_key=True).filter(pk=product.pk).first()
    if locked is None:
        raise NotFound()
    return locked


def _slug_candidates(title: str) -> Iterable[str]:
    base = slugify(title)[:SLUG_BASE_MAX_LENGTH].strip("-") or "product"
    for _ in range(SLUG_ATTEMPTS):
        taken = set(
            Product.objects.filter(
                slug__startswith=base,  # an index range scan; the pattern then keeps "base" and "base-<n>"
                slug__regex=rf"^{re.escape(base)}(-[0-9]+)?$",
            ).values_list("slug", flat=True)
        )
        suffixes = [int(slug[len(base) + 1 :]) if slug != base else 1 for slug in taken]
        yield f"{base}-{max(suffixes) + 1}" if base in taken else base
    # Still colliding after several tries: only a crowd launching one title at once gets here.
    while True:
        yield f"{base}-{secrets.token_hex(3)}"


def _insert_with_unique_slug(product: Product) -> Product:
    """Inserts the product under the first free slug derived from its title.

    The lookup of taken slugs and the insert are not atomic, so a concurrent launch of the
    same title can take the slug in between; the unique constraint then refuses the insert
    and the next candidate is tried. Call inside a transaction (the insert is a savepoint).
    """
    for candidate in _slug_candidates(product.title):
        product.slug = candidate
        try:
            with transaction.atomic():
                product.save(force_insert=True)
        except IntegrityError:
            if not Product.objects.filter(slug=candidate).exists():
                raise  # another constraint failed: not ours to retry
            continue
        return product
    raise AssertionError("unreachable: the candidates never run out")


def _set_tags(*, product: Product, tags: list[str]) -> None:
    """Makes the product's ProductTag rows (what `?tag=` looks up) match `tags`."""
    product.tag_rows.exclude(name__in=tags).delete()
    existing = set(product.tag_rows.values_list("name", flat=True))
    ProductTag.objects.bulk_create([ProductTag(product=product, name=tag) for tag in tags if tag not in existing])


# --- products -----------------------------------------------------------------------------
@transaction.atomic
def product_create(
    *,
    author: User,
    title: str,
    category_slug: str,
    tagline: str = "",
    description: str = "",
    url: str = "",
    image: str = "",
    gallery: list[str] | None = None,
    tags: list[str] | None = None,
    status: str = ProductStatus.PUBLISHED,
) -> Product:
    """Creates a product, published at once unless `status` is "draft". The inputs are
    already valid in shape (products.serializers); this checks what needs the database."""
    if status == ProductStatus.ARCHIVED:
        raise Invalid({"status": ["A new product is a draft or published; archive it later."]})
    category = _category_for(slug=category_slug)
    _check_upload_urls(owner=author, image=image, gallery=gallery)
    published_at = timezone.now() if status == ProductStatus.PUBLISHED else None
    product = Product(
        author=author,
        category=category,
        title=title,
        tagline=tagline,
        description=description,
        url=url,
        image=image,
        gallery=gallery or [],
        tags=tags or [],
        status=status,
        published_at=published_at,
        hot_score=hot_score(upvote_count=0, published_at=published_at),
    )
    _insert_with_unique_slug(product)
    _set_tags(product=product, tags=product.tags)
    _shift_products_counts(author_id=author.pk, before=None, after=_counted_category_id(product))
    bump_cache_version(PRODUCTS)
    if published_at is not None:
        count_after_commit(LAUNCHES)
    return product


@transaction.atomic
def product_update(
    *,
    product: Product,
    title: str | None = None,
    category_slug: str | None = None,
    tagline: str | None = None,
    description: str | None = None,
    url: str | None = None,
    image: str | None = None,
    gallery: list[str] | None = None,
    tags: list[str] | None = None,
    status: str | None = None,
) -> Product:
    """Changes the fields given (None leaves a field as it is) on behalf of the product's author.

    Publishing sets `published_at` the first time only; leaving "published" takes the product
    out of every list and out of the counts, and coming back puts it in again.
    """
    locked = _lock(product)
    before = _counted_category_id(locked)
    if category_slug is not None:
        locked.category = _category_for(slug=category_slug)
    _check_upload_urls(owner=product.author, image=image, gallery=gallery)
    texts = {"title": title, "tagline": tagline, "description": description, "url": url, "image": image}
    for field, value in texts.items():
        if value is not None:
            setattr(locked, field, value)
    if gallery is not None:
        locked.gallery = gallery
    if tags is not None:
        locked.tags = tags
        _set_tags(product=locked, tags=tags)
    if status is not None:
        if status == ProductStatus.ARCHIVED and locked.published_at is None:
            raise Invalid({"status": ["Only a product that was published can be archived. Delete the draft instead."]})
        locked.status = status
        if status == ProductStatus.PUBLISHED and locked.published_at is None:
            locked.published_at = timezone.now()
            count_after_commit(LAUNCHES)
    locked.hot_score = _current_hot_score(locked, upvote_count=locked.upvote_count)
    locked.save(update_fields=UPDATABLE_FIELDS)
    _shift_products_counts(author_id=locked.author_id, before=before, after=_counted_category_id(locked))
    bump_cache_version(PRODUCTS)
    return locked


@transaction.atomic
def product_delete(*, product: Product) -> None:
    """Deletes the product with its upvotes, tags and comments, and takes it out of the counts."""
    locked = _lock(product)
    _shift_products_counts(author_id=locked.author_id, before=_counted_category_id(locked), after=None)
    locked.delete()
    bump_cache_version(PRODUCTS)


@transaction.atomic
def product_set_hidden(*, product: Product, is_hidden: bool) -> bool:
    """Staff moderation: hides the product from everybody but its author and staff (or shows
    it again). Returns whether anything changed."""
    locked = _lock(product)
    if locked.is_hidden == is_hidden:
        return False
    before = _counted_category_id(locked)
    locked.is_hidden = is_hidden
    locked.save(update_fields=["is_hidden", "updated_at"])
    _shift_products_counts(author_id=locked.author_id, before=before, after=_counted_category_id(locked))
    bump_cache_version(PRODUCTS)
    return True


# --- views --------------------------------------------------------------------------------
PRODUCT_VIEWS = BufferedCounts("product-views")
# Product.view_count rows updated per statement when buffered views are written.
VIEW_BATCH_SIZE = 500


# Present while a write of the buffered views by a request is recent (settings.VIEW_FLUSH_INLINE).
_RECENTLY_FLUSHED_KEY = "product-views:recently-flushed"


def product_view_count(*, product_id: int, viewer: str) -> bool:
    """Counts a view of the product by `viewer` (an account or a client address, as a string)
    unless the same viewer was counted for it in the last VIEW_DEDUP_SECONDS; says whether it
    counted. Precondition: the viewer was just shown the product.

    The count is buffered in the cache (core.buffered_counts), not written: the Celery beat task
    `flush_view_counts` writes the buffer every VIEW_FLUSH_SECONDS. Without a broker
    (VIEW_FLUSH_INLINE), the first counted view that finds no write in the last VIEW_FLUSH_SECONDS
    writes it (the first one at once). With the cache unreachable nothing is counted."""
    counted = PRODUCT_VIEWS.add_once(item_id=product_id, viewer=viewer, seconds=settings.VIEW_DEDUP_SECONDS)
    if counted and settings.VIEW_FLUSH_INLINE and cache.add(_RECENTLY_FLUSHED_KEY, 1, settings.VIEW_FLUSH_SECONDS):
        product_view_counts_flush()
    return counted


def product_view_counts_take() -> dict[int, int]:
    """The views counted since the last take, by product id; the buffer starts again empty in
    the same atomic step (the first half of product_view_counts_flush)."""
    return PRODUCT_VIEWS.take()


@transaction.atomic
def product_view_counts_write(*, counts: Mapping[int, int], batch_size: int = VIEW_BATCH_SIZE) -> int:
    """Adds `counts` (views by product id) to the products' `view_count`, `batch_size` products
    per UPDATE (a CASE on the id), all in one transaction; a product deleted since is skipped.
    Returns the number of views taken."""
    items = sorted(counts.items())
    for start in range(0, len(items), batch_size):
        batch = items[start : start + batch_size]
        added = Case(
            *(When(pk=product_id, then=Value(count)) for product_id, count in batch),
            default=Value(0),
            output_field=PositiveIntegerField(),
        )
        Product.objects.filter(pk__in=[product_id for product_id, _ in batch]).update(
            view_count=F("view_count") + added
        )
    views = sum(counts.values())
    count_after_commit(PRODUCT_VIEWS_WRITTEN, views)
    return views


def product_view_counts_flush() -> int:
    """Writes the buffered views to the database; returns how many. Safe to run at any time and
    concurrently: each run writes what it took, and a view counted meanwhile is in the next. A
    failed write gives its counts back to the buffer."""
    counts = product_view_counts_take()
    if not counts:
        return 0
    try:
        return product_view_counts_write(counts=counts)
    except BaseException:
        PRODUCT_VIEWS.give_back(counts)
        raise


def product_hot_scores_refresh(*, batch_size: int = 500) -> int:
    """Recomputes the `hot_score` of every product from its votes and publication date, batch
    by batch, and returns how many were wrong. Safe to run any time and any number of times:
    each batch's rows are locked while they are recomputed, so a concurrent upvote waits
    instead of being overwritten."""
    repaired = 0
    last_id = 0
    while True:
        with transaction.atomic():
            batch = list(
                Product.objects.select_for_update(no_key=True)
                .filter(id__gt=last_id)
                .order_by("id")
                .only("id", "status", "upvote_count", "published_at", "hot_score")[:batch_size]
            )
            if not batch:
                return repaired
            last_id = batch[-1].pk
            stale = []
            for product in batch:
                score = _current_hot_score(product, upvote_count=product.upvote_count)
                if product.hot_score != score:
                    product.hot_score = score
                    stale.append(product)
            Product.objects.bulk_update(stale, ["hot_score"])
            repaired += len(stale)


# --- upvotes ------------------------------------------------------------------------------
@transaction.atomic
def upvote_add(*, product: Product, user: User) -> int:
    """Records `user`'s upvote once, however often it is asked for; returns the product's
    upvote count. Only a new upvote changes the counters and notifies the author."""
    locked = _lock(product)
    _, created = Upvote.objects.get_or_create(product=locked, user=user)
    if not created:
        return locked.upvote_count
    upvote_count = locked.upvote_count + 1
    Product.objects.filter(pk=locked.pk).update(
        upvote_count=F("upvote_count") + 1,
        hot_score=_current_hot_score(locked, upvote_count=upvote_count),
    )
    bump_cache_version(VOTES)
    _publish_counts(locked, upvote_count=upvote_count)
    notification_create(recipient=product.author, actor=user, verb=NotificationVerb.UPVOTE, product=locked)
    count_after_commit(UPVOTES)
    return upvote_count


@transaction.atomic
def upvote_remove(*, product: Product, user: User) -> int:
    """Withdraws `user`'s upvote if there is one; returns the product's upvote count."""
    locked = _lock(product)
    deleted, _ = Upvote.objects.filter(product=locked, user=user).delete()
    if not deleted:
        return locked.upvote_count
    upvote_count = locked.upvote_count - 1
    Product.objects.filter(pk=locked.pk).update(
        upvote_count=F("upvote_count") - 1,
        hot_score=_current_hot_score(locked, upvote_count=upvote_count),
    )
    bump_cache_version(VOTES)
    _publish_counts(locked, upvote_count=upvote_count)
    return upvote_count
