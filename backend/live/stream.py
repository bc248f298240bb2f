"""`/api/live/`: server-sent event streams of public vote counts, as a plain ASGI application.

    GET /api/live/leaderboard/       today's launches (UTC)
    GET /api/live/products/<id>/     one product

Plain ASGI rather than a Django view: a stream stays open for as long as its page does, and
through Django each one would also hold a request and its middleware; here a stream is one
coroutine and its hub entry (docs/performance.md, "Live updates", has the figures). Nothing a
stream says depends on who asks, so there is no authentication, no cookie read, no CSRF.

A stream opens with `retry:` (the browser's reconnection delay), then has `counts` events (a
product's `id`, `upvote_count`, `comment_count`), a `resync` event when events may have been
missed, and a comment line every LIVE_HEARTBEAT_SECONDS. It ends when the client goes.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import orjson
from django.conf import settings

from live.broker import Subscriber, running_hub
from live.topics import product_topic, today_topic

# The ASGI types, as Django's handler names them.
Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[Mapping[str, Any]], Awaitable[None]]

PREFIX = "/api/live/"
# How long a browser waits before reconnecting after a dropped stream, in milliseconds.
RETRY_MILLISECONDS = 3000
PRODUCT_PATH = re.compile(r"^/api/live/products/([1-9][0-9]{0,18})/$")
MAX_ID = 2**63 - 1
STREAM_HEADERS = [
    (b"content-type", b"text/event-stream; charset=utf-8"),
    (b"cache-control", b"no-cache"),
    # nginx: pass each event on at once instead of buffering the response.
    (b"x-accel-buffering", b"no"),
    (b"x-content-type-options", b"nosniff"),
]


def topic_for(path: str) -> str | None:
    if path == f"{PREFIX}leaderboard/":
        return today_topic()
    match = PRODUCT_PATH.match(path)
    if match and int(match.group(1)) <= MAX_ID:
        return product_topic(int(match.group(1)))
    return None


async def live_app(scope: Scope, receive: Receive, send: Send) -> None:
    topic = topic_for(scope["path"])
    if topic is None:
        await _refuse(send, 404, "There is nothing at this address.")
        return
    if scope["method"] not in ("GET", "HEAD"):
        await _refuse(send, 405, f'Method "{scope["method"]}" not allowed.', allow="GET, HEAD")
        return
    if scope["method"] == "HEAD":
        await send({"type": "http.response.start", "status": 200, "headers": STREAM_HEADERS})
        await send({"type": "http.response.body", "body": b""})
        return
    last_event_id = _header(scope, b"last-event-id")
    hub = await running_hub()
    subscriber = hub.subscribe(topic, last_event_id=last_event_id)
    watcher = asyncio.ensure_future(_close_on_disconnect(receive, subscriber))
    try:
        await send({"type": "http.response.start", "status": 200, "headers": STREAM_HEADERS})
        await send({"type": "http.response.body", "body": b"retry: %d\n\n" % RETRY_MILLISECONDS, "more_body": True})
        await _stream(send, subscriber, heartbeat=settings.LIVE_HEARTBEAT_SECONDS)
    except asyncio.CancelledError:
        # The server is stopping (uvicorn's --timeout-graceful-shutdown has passed): the stream
        # ends here, and the browser reconnects to the next server.
        pass
    finally:
        hub.unsubscribe(topic, subscriber)
        watcher.cancel()


async def _stream(send: Send, subscriber: Subscriber, *, heartbeat: float) -> None:
    while subscriber.is_open:
        try:
            async with asyncio.timeout(heartbeat):
                await subscriber.wakeup.wait()
        except TimeoutError:
            await send({"type": "http.response.body", "body": b": heartbeat\n\n", "more_body": True})
            continue
        frames = subscriber.take()
        if frames and subscriber.is_open:
            await send({"type": "http.response.body", "body": b"".join(frames), "more_body": True})
    # The client left (nothing more is sent) or stopped reading (it reconnects and catches up).
    await send({"type": "http.response.body", "body": b""})


async def _close_on_disconnect(receive: Receive, subscriber: Subscriber) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass
    subscriber.close()


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value).decode("latin-1")[:100]
    return None


async def _refuse(send: Send, status: int, detail: str, *, allow: str | None = None) -> None:
    headers = [(b"content-type", b"application/json")]
    if allow:
        headers.append((b"allow", allow.encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": orjson.dumps({"detail": detail})})
