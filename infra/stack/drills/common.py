"""What every drill shares: the stack's environment and commands, polling with deadlines, HTTP
sessions from distinct loopback addresses, direct database and Prometheus reads."""

from __future__ import annotations

import os
import random
import secrets
import socket
import subprocess
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import psycopg
import requests
import urllib3
from requests.adapters import HTTPAdapter

ROOT = Path(__file__).resolve().parents[3]
STACK_SH = ROOT / "infra" / "stack" / "stack.sh"
BASE_URL = os.environ.get("STACK_URL", "https://127.0.0.1:8443")

# The stack's certificate is self-signed: the drills test the stack, not the certificate chain.
warnings.simplefilter("ignore", urllib3.exceptions.InsecureRequestWarning)

T = TypeVar("T")


class DrillFailed(AssertionError):
    """A requirement of a drill does not hold."""


def require(condition: bool, message: str) -> None:
    if not condition:
        raise DrillFailed(message)


# --- the stack ----------------------------------------------------------------------------------


def stack_env() -> dict[str, str]:
    """The environment the app processes run with (`stack.sh env`, shell export lines)."""
    script = f'set -e; eval "$({STACK_SH} env)"; env -0'
    out = subprocess.run(["/bin/bash", "-c", script], check=True, capture_output=True, cwd=ROOT).stdout  # noqa: S603
    env = dict(item.split("=", 1) for item in out.decode().split("\0") if "=" in item)
    return env


def stack(command: str, part: str, *, timeout: float = 90) -> float:
    """Runs `stack.sh <command> <part>`; returns how long it took. Fails the drill on an error."""
    started = time.monotonic()
    command_line = [str(STACK_SH), command, part]
    result = subprocess.run(command_line, cwd=ROOT, capture_output=True, text=True, timeout=timeout)  # noqa: S603
    if result.returncode != 0:
        raise DrillFailed(
            f"stack.sh {command} {part} exited {result.returncode}: {(result.stderr or result.stdout).strip()[-400:]}"
        )
    return time.monotonic() - started


def poll(check: Callable[[], T | None], *, deadline: float, what: str, interval: float = 0.2) -> tuple[T, float]:
    """Calls `check` until it returns something truthy or `deadline` seconds pass; returns that and
    the seconds it took. Exceptions count as "not yet"."""
    started = time.monotonic()
    last_error: Exception | None = None
    while True:
        try:
            value = check()
            if value:
                return value, time.monotonic() - started
        except Exception as error:
            last_error = error
        if time.monotonic() - started > deadline:
            detail = f" (last error: {last_error})" if last_error else ""
            raise DrillFailed(f"{what}: not within {deadline:.0f} s{detail}")
        time.sleep(interval)


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


# --- HTTP ---------------------------------------------------------------------------------------


class _Addresses:
    """Client addresses for this run: every 127.x.y.z is loopback, and each is a new client for
    the app's per-address limits (nginx passes the address on in X-Forwarded-For), so a re-run
    within the hour finds fresh sign-up and sign-in budgets."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._prefix = f"127.{random.randint(1, 254)}.{random.randint(0, 255)}"
        self._next = 1

    def take(self) -> str:
        with self._lock:
            address = f"{self._prefix}.{self._next}"
            self._next = self._next % 254 + 1
            return address


addresses = _Addresses()


class _SourceAdapter(HTTPAdapter):
    def __init__(self, source: str, **kwargs: Any) -> None:
        self.source = source
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kwargs)


def session(source: str | None = None, token: str | None = None) -> requests.Session:
    """A client of the stack from its own loopback address (a new one unless given)."""
    s = requests.Session()
    # Nothing from the environment (REQUESTS_CA_BUNDLE would override `verify`, a proxy would
    # hide the client address).
    s.trust_env = False
    s.verify = False
    adapter = _SourceAdapter(source or addresses.take(), pool_connections=2, pool_maxsize=2)
    s.mount("https://", adapter)
    s.mount("http://", adapter)
    if token:
        s.headers["Authorization"] = f"Bearer {token}"
    return s


@dataclass
class Account:
    id: int
    username: str
    email: str
    password: str
    access: str
    source: str

    def session(self) -> requests.Session:
        return session(self.source, self.access)


def register(source: str | None = None, *, timeout: float = 10) -> Account:
    """A new account (sign-up through the stack)."""
    source = source or addresses.take()
    name = f"drill{secrets.token_hex(5)}"
    password = f"Pw-{secrets.token_urlsafe(12)}"
    email = f"{name}@drills.vitrin.test"
    response = session(source).post(
        f"{BASE_URL}/api/auth/register/",
        json={"username": name, "email": email, "password": password},
        timeout=timeout,
    )
    require(response.status_code == 201, f"sign-up answered {response.status_code}: {response.text[:200]}")
    body = response.json()
    return Account(body["user"]["id"], name, email, password, body["access"], source)


def published_product_ids(count: int = 100) -> list[int]:
    response = session().get(f"{BASE_URL}/api/products/?page_size=100&ordering=new", timeout=10)
    require(response.status_code == 200, f"GET /api/products/ answered {response.status_code}")
    ids = [item["id"] for item in response.json()["results"]]
    require(len(ids) >= 5, f"the stack lists {len(ids)} products; the demo data has more (seed_demo)")
    return ids[:count]


# --- load ---------------------------------------------------------------------------------------


def call(client: requests.Session, method: str, path: str, *, what: str = "") -> tuple[int, bool, str, str]:
    """One request of a load: (status, answered 200, what, note), status 0 when no answer came
    or it ended short. The note is the answering app server (X-Upstream) or the error."""
    what = what or f"{method} {path}"
    try:
        response = client.request(method, BASE_URL + path, timeout=15)
    except requests.RequestException as error:
        return 0, False, what, f"{type(error).__name__}: {error}"[:200]
    if response.status_code == 200:
        return 200, True, what, response.headers.get("X-Upstream", "")
    return response.status_code, False, what, response.text[:120]


@dataclass
class Sample:
    started: float  # time.monotonic()
    seconds: float
    status: int  # 0: no answer (connection error, timeout)
    ok: bool
    what: str
    note: str = ""


@dataclass
class Load:
    """`threads` clients each calling `request(session, n)` in a loop until stopped. `request`
    returns (status, ok, what, note). Each client has its own loopback address (or the sessions
    given)."""

    request: Callable[[requests.Session, int], tuple[int, bool, str, str]]
    threads: int = 8
    sessions: list[requests.Session] | None = None
    pace: float = 0.0  # seconds between one client's requests
    # A new client address after this many requests (0: never), so that the app's limit per
    # anonymous address (600 a minute) never refuses a load that means to be many visitors.
    rotate_every: int = 150
    samples: list[Sample] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._workers: list[threading.Thread] = []

    def start(self) -> Load:
        clients = self.sessions or [session() for _ in range(self.threads)]
        for index, client in enumerate(clients):
            thread = threading.Thread(target=self._run, args=(client, index), daemon=True)
            thread.start()
            self._workers.append(thread)
        return self

    def _run(self, client: requests.Session, index: int) -> None:
        n = 0
        while not self._stop.is_set():
            if self.sessions is None and self.rotate_every and n and n % self.rotate_every == 0:
                client.close()
                client = session()
            started = time.monotonic()
            try:
                status, ok, what, note = self.request(client, index * 1_000_000 + n)
            except requests.RequestException as error:
                sent = getattr(error.request, "url", "") or ""
                what = f"{getattr(error.request, 'method', '')} {sent.split('?')[0]}".strip() or "request"
                status, ok, note = 0, False, f"{type(error).__name__}: {error}"[:200]
            sample = Sample(started, time.monotonic() - started, status, ok, what, note)
            with self._lock:
                self.samples.append(sample)
            n += 1
            if self.pace:
                self._stop.wait(self.pace)

    def stop(self) -> Load:
        self._stop.set()
        for thread in self._workers:
            thread.join(timeout=30)
        return self

    def since(self, moment: float) -> list[Sample]:
        with self._lock:
            return [s for s in self.samples if s.started >= moment]

    def count(self) -> int:
        with self._lock:
            return len(self.samples)


def p99(samples: list[Sample]) -> float:
    if not samples:
        return 0.0
    ordered = sorted(s.seconds for s in samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def failures(samples: list[Sample]) -> list[Sample]:
    return [s for s in samples if not s.ok]


def describe_failures(samples: list[Sample], limit: int = 3) -> str:
    bad = failures(samples)
    shown = "; ".join(f"{s.what} -> {s.status} {s.note}".strip() for s in bad[:limit])
    return f"{len(bad)} failed ({shown})" if bad else "0 failed"


# --- databases, Prometheus ----------------------------------------------------------------------


def dsn(url: str, *, dbname: str | None = None) -> str:
    """A libpq connection string from a postgres:// URL, optionally for another database."""
    parts = urlsplit(url)
    fields = {
        "host": parts.hostname or "127.0.0.1",
        "port": str(parts.port or 5432),
        "user": parts.username or "postgres",
        "dbname": dbname or parts.path.lstrip("/"),
        "connect_timeout": "2",
    }
    if parts.password:
        fields["password"] = parts.password
    return " ".join(f"{key}={value}" for key, value in fields.items())


def query(url: str, sql: str, params: tuple[Any, ...] = (), *, dbname: str | None = None) -> list[tuple[Any, ...]]:
    with psycopg.connect(dsn(url, dbname=dbname), autocommit=True) as connection:
        return connection.execute(sql, params).fetchall()


def prometheus_query(expr: str, *, base: str = "http://127.0.0.1:9090") -> list[dict[str, Any]]:
    response = requests.get(f"{base}/api/v1/query", params={"query": expr}, timeout=10)
    body = response.json()
    if body.get("status") != "success":
        raise DrillFailed(f"Prometheus refused {expr!r}: {body.get('error')}")
    return body["data"]["result"]


def metric_sum(port: int, name: str) -> float:
    """The sum of every sample of `name` on an exporter's /metrics (e.g. an app server's)."""
    text = requests.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name) and line[len(name) : len(name) + 1] in ("{", " "):
            total += float(line.rsplit(" ", 1)[1])
    return total
