"""What a live stream is about. One Redis pub/sub channel per topic (`LIVE_CHANNEL_PREFIX` + topic)."""

import datetime as dt


def day_topic(day: dt.date) -> str:
    """The launches of one day (UTC): the home page's leaderboard is today's."""
    return f"day:{day.isoformat()}"


def product_topic(product_id: int) -> str:
    """One product: its page."""
    return f"product:{product_id}"


def today_topic() -> str:
    return day_topic(dt.datetime.now(dt.UTC).date())
