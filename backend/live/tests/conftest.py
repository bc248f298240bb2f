"""A live server's event loop in a thread of its own, as uvicorn runs it beside the threads that
run Django's views, and streams opened on it through the ASGI application (vitrin.asgi)."""

from __future__ import annotations

import asyncio
import os
import threading
import uuid
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import orjson
import pytest
from asgiref.testing import ApplicationCommunicator
from pytest_django.fixtures import Settings

from vitrin.asgi import application

T = TypeVar("T")
# Long enough for a loaded machine; an event that arrives at all arrives in milliseconds.
DEADLINE_SECONDS = 5.0


class LiveLoop:
    """An event loop running in another thread; `run` waits for a coroutine to finish on it."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(DEADLINE_SECONDS * 2)

    def stop(self) -> None:
        async def cancel_all() -> None:
            tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        self.run(cancel_all())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(DEADLINE_SECONDS)
        self.loop.close()


@dataclass
class Event:
    id: str
    name: str
    data: dict[str, Any]


class Stream:
    """One GET of a path under /api/live/, read frame by frame as a browser's EventSource would."""

    def __init__(
        self, live_loop: LiveLoop, path: str, headers: list[tuple[bytes, bytes]] | None = None, method: str = "GET"
    ) -> None:
        self.live_loop = live_loop
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "headers": [(b"host", b"testserver"), (b"accept", b"text/event-stream"), *(headers or [])],
            "client": ("127.0.0.1", 50000),
            "server": ("testserver", 80),
        }

        async def start() -> tuple[ApplicationCommunicator, dict[str, Any]]:
            communicator = ApplicationCommunicator(application, scope)
            await communicator.send_input({"type": "http.request", "body": b"", "more_body": False})
            return communicator, await communicator.receive_output(DEADLINE_SECONDS)

        self.communicator, self.start = live_loop.run(start())
        self.status: int = self.start["status"]
        self.headers = dict(self.start["headers"])
        self._buffer = b""

    def next_frame(self) -> bytes:
        """The next frame (a blank-line-terminated block), waiting for it until the deadline."""
        while b"\n\n" not in self._buffer:
            message = self.live_loop.run(self.communicator.receive_output(DEADLINE_SECONDS))
            assert message["type"] == "http.response.body"
            if not message["body"] and not message.get("more_body", False):
                raise AssertionError("the stream ended")
            self._buffer += message["body"]
        frame, _, self._buffer = self._buffer.partition(b"\n\n")
        return frame + b"\n\n"

    def body(self) -> bytes:
        """The whole body of an answer that ends (a refusal)."""
        body = b""
        while True:
            message = self.live_loop.run(self.communicator.receive_output(DEADLINE_SECONDS))
            body += message["body"]
            if not message.get("more_body", False):
                return body

    def next_event(self) -> Event:
        """The next event, skipping comment lines (heartbeats)."""
        while True:
            frame = self.next_frame()
            fields: dict[str, str] = {}
            for line in frame.decode().splitlines():
                if line and not line.startswith(":"):
                    name, _, value = line.partition(": ")
                    fields[name] = value
            if "data" in fields:
                return Event(
                    id=fields.get("id", ""), name=fields.get("event", "message"), data=orjson.loads(fields["data"])
                )

    def disconnect(self) -> None:
        async def leave() -> None:
            await self.communicator.send_input({"type": "http.disconnect"})
            await self.communicator.wait(DEADLINE_SECONDS)

        self.live_loop.run(leave())


@pytest.fixture
def live_loop() -> Iterator[LiveLoop]:
    live_loop = LiveLoop()
    yield live_loop
    live_loop.stop()


@pytest.fixture(params=["in-process", "redis"])
def live_backend(request: pytest.FixtureRequest, settings: Settings) -> str:
    """Each live test runs twice: events within the process (`make run`), and through Redis
    pub/sub (production), on channels of its own."""
    if request.param == "redis":
        url = os.environ.get("REDIS_URL")
        if not url:
            pytest.skip("the Redis variant needs REDIS_URL (CI sets it)")
        settings.LIVE_REDIS_URL = url
        settings.LIVE_CHANNEL_PREFIX = f"test-live-{uuid.uuid4().hex}:"
    else:
        settings.LIVE_REDIS_URL = ""
    return str(request.param)


@pytest.fixture
def open_stream(live_loop: LiveLoop, live_backend: str) -> Iterator[Any]:
    opened: list[Stream] = []

    def open_stream(path: str, headers: list[tuple[bytes, bytes]] | None = None) -> Stream:
        stream = Stream(live_loop, path, headers)
        opened.append(stream)
        return stream

    yield open_stream
    for stream in opened:
        if not stream.communicator.future.done():
            stream.disconnect()
