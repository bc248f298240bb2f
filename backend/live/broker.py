"""How a live event travels from the process that commits a change to the streams that show it.

With `LIVE_REDIS_URL` (production; it defaults to `REDIS_URL`) an event is a Redis PUBLISH on its
topic's channel, and each live server holds one pattern subscription for every topic, fanning
events out to its own streams. Without it, events stay within the process (`make run`, one
uvicorn process serving the API and the streams): `publish` hands them to this process's hub.

Each event is framed once per process, whatever the number of streams showing it, and carries
an id, `<hub>-<sequence>`: a client reconnecting with `Last-Event-ID` is sent what it missed
from the last `REPLAY_FRAMES` events of its topic, or a `resync` event (refetch the counts) when
they do not reach back that far or the id is another process's.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import secrets
import threading
from collections import deque

import redis
import redis.asyncio
from django.conf import settings

log = logging.getLogger(__name__)

# Frames a stream may have waiting to be written before it is ended: its client stopped reading;
# it reconnects and catches up from Last-Event-ID or resyncs.
MAX_PENDING_FRAMES = 256
# Events remembered per topic for clients reconnecting with Last-Event-ID.
REPLAY_FRAMES = 64
# How long a new stream waits for the Redis subscription before it opens anyway.
READY_TIMEOUT_SECONDS = 2.0
# Publishing never holds up the request that committed the change for longer than this.
PUBLISH_TIMEOUT_SECONDS = 0.5
RESYNC_FRAME = b"event: resync\ndata: {}\n\n"


class Subscriber:
    """One open stream: the frames waiting to be written, and whether it should go on."""

    __slots__ = ("frames", "is_open", "wakeup")

    def __init__(self) -> None:
        self.frames: list[bytes] = []
        self.wakeup = asyncio.Event()
        self.is_open = True

    def deliver(self, frame: bytes) -> None:
        if len(self.frames) >= MAX_PENDING_FRAMES:
            self.close()
            return
        self.frames.append(frame)
        self.wakeup.set()

    def take(self) -> list[bytes]:
        frames, self.frames = self.frames, []
        self.wakeup.clear()
        return frames

    def close(self) -> None:
        self.is_open = False
        self.wakeup.set()


class Hub:
    """The streams of one event loop, by topic. Every method runs on that loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.name = secrets.token_hex(4)
        self.ready = asyncio.Event()
        self._sequence = itertools.count(1)
        self._subscribers: dict[str, set[Subscriber]] = {}
        self._recent: dict[str, deque[tuple[int, bytes]]] = {}
        self._listener: asyncio.Task[None] | None = None

    @property
    def subscriber_count(self) -> int:
        return sum(len(subscribers) for subscribers in self._subscribers.values())

    def subscribe(self, topic: str, *, last_event_id: str | None = None) -> Subscriber:
        subscriber = Subscriber()
        if last_event_id:
            for frame in self._missed(topic, last_event_id):
                subscriber.deliver(frame)
        self._subscribers.setdefault(topic, set()).add(subscriber)
        self._recent.setdefault(topic, deque(maxlen=REPLAY_FRAMES))
        return subscriber

    def unsubscribe(self, topic: str, subscriber: Subscriber) -> None:
        subscribers = self._subscribers.get(topic)
        if subscribers is None:
            return
        subscribers.discard(subscriber)
        if not subscribers:
            del self._subscribers[topic]

    def dispatch(self, topic: str, data: bytes) -> None:
        """Frames the event once and hands it to the topic's streams."""
        sequence = next(self._sequence)
        frame = b"id: %s-%d\nevent: counts\ndata: %s\n\n" % (self.name.encode(), sequence, data)
        recent = self._recent.get(topic)
        if recent is not None:
            recent.append((sequence, frame))
        for subscriber in list(self._subscribers.get(topic, ())):
            subscriber.deliver(frame)
        # Topics nobody watches any more are forgotten with their replay, so memory stays bounded.
        if len(self._recent) > 2 * len(self._subscribers) + 100:
            for idle in [name for name in self._recent if name not in self._subscribers]:
                del self._recent[idle]

    def broadcast_resync(self) -> None:
        for subscribers in self._subscribers.values():
            for subscriber in list(subscribers):
                subscriber.deliver(RESYNC_FRAME)

    def _missed(self, topic: str, last_event_id: str) -> list[bytes]:
        name, _, number = last_event_id.partition("-")
        recent = self._recent.get(topic)
        # Another process's id (a restart, another live server), or a topic whose replay was
        # forgotten: what was missed is unknown.
        if name != self.name or not number.isdigit() or recent is None:
            return [RESYNC_FRAME]
        seen = int(number)
        if recent and recent[0][0] > seen + 1 and len(recent) == recent.maxlen:
            return [RESYNC_FRAME]
        return [frame for sequence, frame in recent if sequence > seen]

    def listen_to_redis(self, url: str) -> None:
        self._listener = self.loop.create_task(self._listen(url), name="live-redis-listener")

    async def _listen(self, url: str) -> None:
        """Holds the pattern subscription, reconnecting with exponential backoff. After an
        outage every stream is told to resync: what was published meanwhile is lost."""
        prefix = settings.LIVE_CHANNEL_PREFIX
        backoff = 0.25
        lost = False
        while True:
            client = redis.asyncio.Redis.from_url(url, socket_connect_timeout=PUBLISH_TIMEOUT_SECONDS)
            try:
                async with client.pubsub(ignore_subscribe_messages=True) as pubsub:
                    await pubsub.psubscribe(f"{prefix}*")
                    self.ready.set()
                    if lost:
                        log.info("live: Redis subscription restored")
                        self.broadcast_resync()
                    lost, backoff = False, 0.25
                    async for message in pubsub.listen():
                        if message["type"] == "pmessage":
                            self.dispatch(message["channel"].decode()[len(prefix) :], message["data"])
            except asyncio.CancelledError:
                raise
            except Exception as error:  # any failure of Redis or the network: try again later
                if not lost:
                    log.warning("live: Redis subscription lost (%s); retrying", error)
                lost = True
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 10.0)
            finally:
                await client.aclose()

    async def close(self) -> None:
        for subscribers in self._subscribers.values():
            for subscriber in subscribers:
                subscriber.close()
        if self._listener is not None:
            self._listener.cancel()


_hub: Hub | None = None
_hub_lock = threading.Lock()


async def running_hub() -> Hub:
    """The hub of the running event loop (made on the first stream), ready to receive: once
    subscribed to Redis, or after READY_TIMEOUT_SECONDS without it (the stream still opens;
    its events start when Redis answers)."""
    global _hub
    loop = asyncio.get_running_loop()
    with _hub_lock:
        if _hub is None or _hub.loop is not loop:
            _hub = Hub(loop)
            if settings.LIVE_REDIS_URL:
                _hub.listen_to_redis(settings.LIVE_REDIS_URL)
            else:
                _hub.ready.set()
        hub = _hub
    if not hub.ready.is_set():
        try:
            async with asyncio.timeout(READY_TIMEOUT_SECONDS):
                await hub.ready.wait()
        except TimeoutError:
            pass
    return hub


_publishers: dict[str, redis.Redis] = {}


def _publisher(url: str) -> redis.Redis:
    client = _publishers.get(url)
    if client is None:
        client = _publishers[url] = redis.Redis.from_url(
            url, socket_timeout=PUBLISH_TIMEOUT_SECONDS, socket_connect_timeout=PUBLISH_TIMEOUT_SECONDS
        )
    return client


def publish(topics: list[str], data: bytes) -> None:
    """Sends `data` (a JSON object) to the streams of `topics`, from any thread. Live updates
    are a convenience: when they cannot be sent, the failure is logged, never raised."""
    if settings.LIVE_REDIS_URL:
        prefix = settings.LIVE_CHANNEL_PREFIX
        try:
            with _publisher(settings.LIVE_REDIS_URL).pipeline(transaction=False) as pipe:
                for topic in topics:
                    pipe.publish(f"{prefix}{topic}", data)
                pipe.execute()
        except redis.RedisError as error:
            log.warning("live: event not published (%s)", error)
        return
    hub = _hub
    if hub is None:
        return  # no stream was ever opened in this process
    for topic in topics:
        try:
            hub.loop.call_soon_threadsafe(hub.dispatch, topic, data)
        except RuntimeError:
            return  # the loop has closed: no stream is left
