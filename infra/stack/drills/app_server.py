"""Drill 1: an app server dies (SIGKILL) under load; nginx sends its requests to the other one,
and no request fails but one whose answer was already being passed on at the instant of the kill
(no proxy can retry those; they are counted apart); started again, the app server takes traffic."""

from __future__ import annotations

import time

import requests
from common import (
    Load,
    describe_failures,
    failures,
    metric_sum,
    p99,
    poll,
    port_open,
    published_product_ids,
    require,
    stack,
)
from reads import public_reads

APP_PORT = 8101
METRICS_PORT = 9101
REQUESTS_METRIC = "django_http_requests_total_by_view_transport_method_total"


def _healthy() -> bool:
    return requests.get(f"http://127.0.0.1:{APP_PORT}/api/health/", timeout=2).status_code == 200


def run(env: dict[str, str]) -> str:
    load = Load(public_reads(published_product_ids(), past_nginx=True), threads=6).start()
    try:
        poll(lambda: load.count() >= 30, deadline=20, what="30 requests before the kill")
        killed_at = time.monotonic()
        stack("kill", "app1")
        kill_done = time.monotonic()
        _, down_after = poll(lambda: not port_open(APP_PORT), deadline=10, what="app1 stops answering")
        poll(lambda: len(load.since(killed_at)) >= 300, deadline=30, what="300 requests with app1 dead")
        started_at = time.monotonic()
        stack("start", "app1")
        poll(_healthy, deadline=60, what="app1 answers /api/health/ again")
        restart_seconds = time.monotonic() - started_at
        # Requests nginx sends to app1 from now on are counted by app1's own metrics.
        before = metric_sum(METRICS_PORT, REQUESTS_METRIC)
        back_at = time.monotonic()
        _, traffic_after = poll(
            lambda: metric_sum(METRICS_PORT, REQUESTS_METRIC) >= before + 20,
            deadline=30,
            what="app1 serves 20 requests from nginx after its restart",
        )
        served = metric_sum(METRICS_PORT, REQUESTS_METRIC) - before
    finally:
        load.stop()
        if not port_open(APP_PORT):
            stack("start", "app1")
    samples = load.samples
    dead = [s for s in samples if killed_at <= s.started < started_at]
    upstreams = {s.note for s in samples if s.ok and s.started >= back_at and s.note}
    # A response whose headers nginx had already passed on when the kill came cannot be retried
    # by nginx (nor by any proxy): it ends short. Only a request in flight at that instant can be
    # one; every other failure is one nginx should have spared the client.
    cut = [
        s
        for s in failures(samples)
        if s.started < kill_done and s.started + s.seconds >= killed_at and "ChunkedEncodingError" in s.note
    ]
    spared = [s for s in failures(samples) if s not in cut]
    line = (
        f"{len(samples)} requests, {describe_failures(spared)}"
        + (f" + {len(cut)} cut mid-response by the kill ({cut[0].what})" if cut else "")
        + f", p99 {p99(samples):.3f} s; "
        f"app1 killed (port closed after {down_after:.1f} s): {len(dead)} requests meanwhile, "
        f"{len(failures(dead))} failed, p99 {p99(dead):.3f} s; app1 started in {restart_seconds:.1f} s, "
        f"took traffic again {traffic_after:.1f} s later (+{served:.0f} requests on its metrics port)"
        + (f"; upstreams after restart: {', '.join(sorted(upstreams))}" if upstreams else "")
    )
    require(not spared, line)
    require(len(cut) <= load.threads, line + " (more cut responses than requests in flight)")
    return line
