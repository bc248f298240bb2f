"""Who votes for a launch, when, and how its threads hang together: the one planner of activity
for both the demo site (`seed_demo`) and the benchmark's data set (`generate_data`).

People are positions (0 … makers - 1), launches are planned by their callers; everything is
decided in memory from one `random.Random`, before a row is written, so each caller can write
every row once with its counters already right. The two callers differ only in their numbers:
how many votes a launch gets, how early they come, how deep a thread may go.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import accumulate


def moment_between(rng: random.Random, start: datetime, end: datetime, *, earliness: float = 1.0) -> datetime:
    """A moment between `start` and `end`; `earliness` > 1 favours the start (most votes and
    comments arrive in a launch's first days). Epoch arithmetic: it runs a million times."""
    start_seconds = start.timestamp()
    return datetime.fromtimestamp(start_seconds + (end.timestamp() - start_seconds) * rng.random() ** earliness, tz=UTC)


def zipf_cumulative(count: int, exponent: float, rng: random.Random) -> list[float]:
    """Cumulative weights in which the item of rank r weighs 1 / r**exponent, ranks shuffled."""
    weights = [1 / (rank**exponent) for rank in range(1, count + 1)]
    rng.shuffle(weights)
    return list(accumulate(weights))


def follow_pairs(rng: random.Random, *, people: int, count: int, favourite: int | None = None) -> list[tuple[int, int]]:
    """`count` different (follower, followee) pairs of positions, nobody following themselves:
    popular people attract most followers (ranks of a Zipf law of exponent 1). `favourite`,
    when given, is the most popular (the demo account, whose followers page should be full).
    Precondition: count <= people * (people - 1)."""
    weights = [1 / rank for rank in range(1, people + 1)]
    rng.shuffle(weights)  # the draws of zipf_cumulative(people, 1.0, rng)
    if favourite is not None:
        top = weights.index(1.0)
        weights[top], weights[favourite] = weights[favourite], weights[top]
    popularity = list(accumulate(weights))
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < count:
        wanted = count - len(pairs)
        for followee in rng.choices(range(people), cum_weights=popularity, k=wanted):
            follower = rng.randrange(people)
            if follower != followee:
                pairs.add((follower, followee))
        if len(pairs) < count and wanted == count - len(pairs):
            # Popular people are saturated: complete uniformly.
            popularity = list(accumulate([1.0] * people))
    return sorted(pairs)


def voters(rng: random.Random, *, makers: int, author: int, count: int) -> list[int]:
    """`count` different makers, never the launch's author (nobody votes for their own launch).
    Precondition: count < makers when the author is one of them."""
    drawn = rng.sample(range(makers), min(makers, count + 1))
    return [voter for voter in drawn if voter != author][:count]


@dataclass
class Thread:
    """The comments of one launch in the order they were written: each starts a thread or
    answers an earlier one. A comment is its position in that order; `parents` and `roots` hold
    positions (None for a top-level comment), `depths` count from 1 for a top-level comment."""

    max_depth: int | None = None
    parents: list[int | None] = field(default_factory=list)
    roots: list[int | None] = field(default_factory=list)
    depths: list[int] = field(default_factory=list)

    def add(self, *, parent: int | None = None) -> int:
        """Adds a comment answering `parent` (None: starting a thread); returns its position. Past
        `max_depth` it answers the thread's top-level comment instead, as a flat reply."""
        if parent is not None and self.max_depth is not None and self.depths[parent] >= self.max_depth:
            parent = self.roots[parent] if self.roots[parent] is not None else parent
        position = len(self.parents)
        self.parents.append(parent)
        if parent is None:
            self.roots.append(None)
            self.depths.append(1)
        else:
            root = self.roots[parent]
            self.roots.append(parent if root is None else root)
            self.depths.append(self.depths[parent] + 1)
        return position

    def __len__(self) -> int:
        return len(self.parents)
