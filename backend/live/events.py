"""The live events the services publish: a product's public counts, sent once its change commits.

An event says what any anonymous visitor may read on the product's page, the same for every
stream: never who voted nor whether the reader did (`has_upvoted` comes from the reader's own
request, see products.selectors).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from functools import partial

import orjson
from django.db import transaction

from live.broker import publish
from live.topics import day_topic, product_topic


@dataclass(frozen=True)
class ProductCounts:
    """A product's public counts, as the API names them."""

    id: int
    upvote_count: int
    comment_count: int


def product_counts_publish_on_commit(*, counts: ProductCounts, published_at: dt.datetime) -> None:
    """Tells the streams of the product and of its launch day the new counts once the current
    transaction commits; nothing is sent if it rolls back. Call inside the transaction that
    changed the counts, for a listed product only (a draft's or a hidden product's counts are
    nobody's business but its author's)."""
    topics = [product_topic(counts.id), day_topic(published_at.astimezone(dt.UTC).date())]
    transaction.on_commit(partial(publish, topics, orjson.dumps(asdict(counts))), robust=True)
