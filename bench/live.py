"""Live updates under load: SUBSCRIBERS server-sent event streams on ONE uvicorn process.

    .venv/bin/python bench/live.py                      # 1,000 streams, 20 votes
    .venv/bin/python bench/live.py --subscribers 200 --events 5

The live server runs as in production (vitrin.asgi under uvicorn, events through Redis pub/sub:
LIVE_REDIS_URL, default redis://127.0.0.1:6379/15). The streams are opened by a client process
of their own (raw asyncio connections); votes are published by this process with the function
the upvote service calls on commit (live.broker.publish), each carrying its send time. Printed:
delivery latency from publish to each stream (p50, p99, max) and the time for one vote to reach
every stream, and the server's memory per stream (resident memory before and after the streams
opened, divided by their number). Fails when p99 exceeds 1 s or any stream misses a vote.
See docs/performance.md, "Live updates".
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import re
import resource
import secrets
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BACKEND = REPO / "backend"
VENV_BIN = REPO / ".venv" / "bin"
P99_LIMIT_SECONDS = 1.0
SENT_AT = re.compile(rb'"sent_at": ?([0-9.]+)')


def raise_open_files_limit(needed: int) -> None:
    """Each stream is a socket on both sides: the default soft limit (often 1,024) is too low."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = min(hard, max(soft, needed))
    resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    if wanted < needed:
        sys.exit(f"{needed} open files are needed and the hard limit is {hard}: raise it (ulimit -Hn).")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS")


# --- the client process: opens the streams, timestamps every event --------------------------
async def client(port: int, path: str, subscribers: int, events: int) -> None:
    latencies: list[list[float]] = [[] for _ in range(events)]
    opened = 0
    all_open = asyncio.Event()

    async def stream(index: int) -> None:
        nonlocal opened
        reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=1 << 16)
        writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".encode())
        await writer.drain()
        buffer = b""
        while b"retry:" not in buffer:
            buffer += await reader.read(4096)
        opened += 1
        if opened == subscribers:
            all_open.set()
        received = 0
        buffer = b""
        while received < events:
            chunk = await reader.read(65536)
            now = time.time()
            if not chunk:
                raise RuntimeError(f"stream {index} ended after {received} events")
            buffer += chunk
            for match in SENT_AT.finditer(buffer):
                latencies[received].append(now - float(match.group(1)))
                received += 1
            buffer = buffer[buffer.rfind(b"\n") + 1 :]
        writer.close()

    tasks = [asyncio.create_task(stream(index)) for index in range(subscribers)]
    await asyncio.wait_for(all_open.wait(), timeout=120)
    print("OPEN", flush=True)
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=120)
    print(json.dumps({"latencies": latencies}), flush=True)


# --- the conductor ----------------------------------------------------------------------------
def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--events", type=int, default=20)
    parser.add_argument("--interval", type=float, default=0.25, help="seconds between two votes")
    parser.add_argument("--client", nargs=2, metavar=("PORT", "PATH"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    raise_open_files_limit(2 * options.subscribers + 256)
    if options.client:
        asyncio.run(client(int(options.client[0]), options.client[1], options.subscribers, options.events))
        return

    redis_url = os.environ.get("LIVE_REDIS_URL", "redis://127.0.0.1:6379/15")
    prefix = f"vitrin-bench-live-{secrets.token_hex(4)}:"
    env = {
        **os.environ,
        "DJANGO_ENV": "development",
        "DJANGO_DEBUG": "0",
        "LIVE_REDIS_URL": redis_url,
        "LIVE_CHANNEL_PREFIX": prefix,
        "LOG_LEVEL": "WARNING",
        "METRICS_ENABLED": "0",
    }
    os.environ.update({key: env[key] for key in ("DJANGO_ENV", "LIVE_REDIS_URL", "LIVE_CHANNEL_PREFIX")})
    port = free_port()
    serve = [str(VENV_BIN / "uvicorn"), "vitrin.asgi:application", "--host", "127.0.0.1", "--port", str(port)]
    serve += ["--no-access-log", "--timeout-graceful-shutdown", "1", "--backlog", str(options.subscribers * 2)]
    server = subprocess.Popen(  # noqa: S603 (our own command line)
        serve,
        cwd=BACKEND,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2) if server.poll() is None else sys.exit("the live server did not start")
        path = "/api/live/leaderboard/"
        # One stream first, so that the hub and its Redis subscription exist before the baseline.
        with socket.create_connection(("127.0.0.1", port)) as warm:
            warm.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            while b"retry:" not in warm.recv(4096):
                pass
            time.sleep(0.5)
            before = rss_bytes(server.pid)
            read = [sys.executable, __file__, "--client", str(port), path]
            read += ["--subscribers", str(options.subscribers), "--events", str(options.events)]
            clients = subprocess.Popen(  # noqa: S603 (our own command line)
                read,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert clients.stdout is not None
            started = time.monotonic()
            if clients.stdout.readline().strip() != "OPEN":
                sys.exit("the client process failed to open its streams")
            opened_in = time.monotonic() - started
            time.sleep(1.0)
            after = rss_bytes(server.pid)

            sys.path[:0] = [str(BACKEND)]
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vitrin.settings")
            import django

            django.setup()
            from live.broker import publish
            from live.topics import day_topic

            topic = day_topic(dt.datetime.now(dt.UTC).date())
            for number in range(options.events):
                data = json.dumps({"id": 1, "upvote_count": number + 1, "comment_count": 0, "sent_at": time.time()})
                publish([topic], data.encode())
                time.sleep(options.interval)
            output, _ = clients.communicate(timeout=120)
        if clients.returncode != 0:
            sys.exit("the client process failed")
        latencies = json.loads(output.strip().splitlines()[-1])["latencies"]
    finally:
        server.terminate()
        server.wait(10)

    samples = [latency for event in latencies for latency in event]
    complete = [max(event) for event in latencies]
    missing = options.subscribers * options.events - len(samples)
    per_stream = (after - before) / options.subscribers
    print(f"{options.subscribers} streams on one uvicorn process (Redis pub/sub), opened in {opened_in:.1f} s")
    print(
        f"delivery latency over {len(samples)} deliveries: p50 {statistics.median(samples) * 1000:.1f} ms, "
        f"p99 {percentile(samples, 0.99) * 1000:.1f} ms, max {max(samples) * 1000:.1f} ms"
    )
    print(
        f"one vote reaching all {options.subscribers} streams: p50 {statistics.median(complete) * 1000:.1f} ms, "
        f"max {max(complete) * 1000:.1f} ms"
    )
    print(
        f"server memory: {before / 2**20:.1f} MiB before, {after / 2**20:.1f} MiB after: "
        f"{per_stream / 1024:.1f} KiB per stream"
    )
    if missing or percentile(samples, 0.99) > P99_LIMIT_SECONDS:
        sys.exit(f"FAILED: {missing} deliveries missing, p99 above {P99_LIMIT_SECONDS} s")


if __name__ == "__main__":
    main()
