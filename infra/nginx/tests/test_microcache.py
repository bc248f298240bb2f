"""The micro-cache (infra/nginx/microcache*.conf) run for real: Debian's nginx in front of a small
upstream that counts the requests it gets and says what the test wants in Cache-Control.

Each test asks for paths of its own, so what one test caches never answers another's requests.
"""

from __future__ import annotations

import sys
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from microcache_front import INSTALL_HINT, microcached, nginx_binary

pytestmark = pytest.mark.skipif(nginx_binary() is None, reason=f"nginx is not installed ({INSTALL_HINT})")

# The upstream's Cache-Control, chosen by the path's first segment.
CACHE_CONTROL = {
    "shared": "public, max-age=60",  # what the app says of anonymous lists: 60 s for browsers
    "private": "private, max-age=60",
    "no-store": "no-store",
    "public-no-store": "public, no-store",
    "unmarked": None,  # no Cache-Control at all, like the health probes
}


class Upstream(BaseHTTPRequestHandler):
    """Answers `<kind>/<name>`: the body names the version the test set, the request's number
    for that path, and whose credentials came with it."""

    hits: ClassVar[Counter[str]] = Counter()
    version: ClassVar[dict[str, int]] = {}
    lock = threading.Lock()

    def do_GET(self) -> None:
        with self.lock:
            self.hits[self.path] += 1
            number = self.hits[self.path]
        kind = self.path.strip("/").split("/")[0]
        caller = self.headers.get("Authorization") or self.headers.get("Cookie") or "anonymous"
        body = f"{self.path} v{self.version.get(self.path, 1)} #{number} for {caller}".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        if kind == "sets-cookie":
            self.send_header("Cache-Control", "public, max-age=60")
            self.send_header("Set-Cookie", "sessionid=abc; HttpOnly")
        elif CACHE_CONTROL.get(kind):
            self.send_header("Cache-Control", str(CACHE_CONTROL[kind]))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Answer:
    status: int
    body: str
    cache_status: str


@dataclass
class Front:
    url: str

    def get(self, path: str, method: str = "GET", **headers: str) -> Answer:
        request = urllib.request.Request(self.url + path, method=method, headers=headers)  # noqa: S310 - loopback
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310 - loopback
            return Answer(answer.status, answer.read().decode(), answer.headers.get("X-Cache-Status", ""))


@pytest.fixture(scope="module")
def front(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Front]:
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
    thread = threading.Thread(target=upstream.serve_forever, daemon=True)
    thread.start()
    try:
        with microcached(f"http://127.0.0.1:{upstream.server_port}", work_dir=tmp_path_factory.mktemp("nginx")) as url:
            yield Front(url)
    finally:
        upstream.shutdown()
        upstream.server_close()


def hits(path: str) -> int:
    return Upstream.hits[path]


def test_two_anonymous_gets_reach_the_app_once(front: Front) -> None:
    first = front.get("/shared/once")
    second = front.get("/shared/once")

    assert (first.cache_status, second.cache_status) == ("MISS", "HIT")
    assert second.body == first.body == "/shared/once v1 #1 for anonymous"
    assert hits("/shared/once") == 1


def test_a_head_is_answered_from_the_copy_a_get_made(front: Front) -> None:
    front.get("/shared/head")

    head = front.get("/shared/head", method="HEAD")

    assert (head.status, head.cache_status, head.body) == (200, "HIT", "")
    assert hits("/shared/head") == 1


def test_a_copy_lives_about_a_second_whatever_max_age_says(front: Front) -> None:
    path = "/shared/refreshed"
    assert front.get(path).body == f"{path} v1 #1 for anonymous"
    cached_at = time.monotonic()
    Upstream.version[path] = 2  # the app's answer changes (max-age=60 would keep v1 for a minute)

    # nginx counts whole seconds: a 1 s copy is served for at most 2 s.
    deadline = cached_at + 3
    answer = front.get(path)
    while answer.body.startswith(f"{path} v1") and time.monotonic() < deadline:
        assert answer.cache_status == "HIT"
        time.sleep(0.05)
        answer = front.get(path)

    assert answer.body == f"{path} v2 #2 for anonymous"
    assert answer.cache_status == "EXPIRED"
    assert time.monotonic() - cached_at > 0.9  # not before its second was up
    assert hits(path) == 2


def test_a_bearer_token_skips_the_cache_both_ways(front: Front) -> None:
    path = "/shared/with-token"
    anonymous = front.get(path)

    alice = [front.get(path, Authorization="Bearer alice") for _ in range(2)]
    after = front.get(path)

    # The app's (here careless) `public` never makes a signed-in answer shared.
    assert [a.cache_status for a in alice] == ["BYPASS", "BYPASS"]
    assert [a.body for a in alice] == [f"{path} v1 #2 for Bearer alice", f"{path} v1 #3 for Bearer alice"]
    assert (after.cache_status, after.body) == ("HIT", anonymous.body)
    assert hits(path) == 3


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken", "vitrin_refresh"])
def test_a_credential_cookie_skips_the_cache_both_ways(front: Front, cookie: str) -> None:
    path = f"/shared/with-{cookie}"
    anonymous = front.get(path)

    signed_in = [front.get(path, Cookie=f"theme=dark; {cookie}=alice") for _ in range(2)]
    after = front.get(path)

    assert [a.cache_status for a in signed_in] == ["BYPASS", "BYPASS"]
    assert [a.body for a in signed_in] == [
        f"{path} v1 #2 for theme=dark; {cookie}=alice",
        f"{path} v1 #3 for theme=dark; {cookie}=alice",
    ]
    assert (after.cache_status, after.body) == ("HIT", anonymous.body)
    assert hits(path) == 3


@pytest.mark.parametrize("kind", ["private", "no-store", "public-no-store", "unmarked", "sets-cookie"])
def test_an_answer_that_may_not_be_shared_is_never_served_to_another_client(front: Front, kind: str) -> None:
    path = f"/{kind}/page"

    first = front.get(path)
    second = front.get(path)

    assert (first.cache_status, second.cache_status) == ("MISS", "MISS")
    assert (first.body, second.body) == (f"{path} v1 #1 for anonymous", f"{path} v1 #2 for anonymous")
    assert hits(path) == 2
