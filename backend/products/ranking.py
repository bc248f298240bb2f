"""The "hot" ranking: upvotes decayed by age, as one number stored on the product.

hot = log10(max(upvotes, 1)) + published_at (seconds since the epoch) / HOT_TIME_SCALE_SECONDS

A newer launch outranks an older one with the same votes, and ten times the votes are worth
HOT_TIME_SCALE_SECONDS of freshness. The score only grows with time for new launches, so it
never needs recomputing as products age: only an upvote changes a product's score.
"""

import math
from datetime import datetime

from django.conf import settings


def hot_score(*, upvote_count: int, published_at: datetime | None) -> float:
    """The score of a product with these votes, published then; 0 for a product never published."""
    if published_at is None:
        return 0.0
    return math.log10(max(upvote_count, 1)) + published_at.timestamp() / settings.HOT_TIME_SCALE_SECONDS
