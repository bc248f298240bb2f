"""Drill 6: what runs beside the requests. Beat fires its periodic tasks on schedule; an upload
lands in the S3 bucket and is served through the stack's URL; Prometheus scrapes every target;
every query of the Grafana dashboards returns data from the live Prometheus."""

from __future__ import annotations

import io
import json
import math
import re
import subprocess
import time
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import boto3
import requests
from common import (
    BASE_URL,
    ROOT,
    DrillFailed,
    poll,
    prometheus_query,
    published_product_ids,
    query,
    register,
    require,
    session,
)
from PIL import Image

PROMETHEUS = "http://127.0.0.1:9090"
DASHBOARDS = ROOT / "infra" / "monitoring" / "grafana" / "dashboards"
# Grafana's own variables, as Grafana would set them for a dashboard showing the last hour with
# Prometheus scraping every 15 s (the rate interval is four scrape intervals).
GRAFANA_VARIABLES = {"__rate_interval": "1m", "__interval": "15s", "__range": "1h", "__range_s": "3600"}


def _task_runs(port: int) -> dict[str, float]:
    """Successful runs by task name, from the worker's own metrics (vitrin_celery_tasks_total)."""
    runs: dict[str, float] = {}
    for line in requests.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text.splitlines():
        if line.startswith("vitrin_celery_tasks_total{") and 'state="succeeded"' in line:
            task = line.split('task="', 1)[1].split('"', 1)[0]
            runs[task] = runs.get(task, 0.0) + float(line.rsplit(" ", 1)[1])
    return runs


def _beat_schedule(env: dict[str, str]) -> dict[str, float]:
    """The periodic tasks and their periods, from the settings the stack runs with."""
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps({e['task']: float(e['schedule']) for e in settings.CELERY_BEAT_SCHEDULE.values()}))"
    )
    python = ROOT / ".venv" / "bin" / "python"
    result = subprocess.run(  # noqa: S603 - the repository's own interpreter and settings
        [str(python), "-c", script],
        cwd=ROOT / "backend",
        env={**env, "DJANGO_SETTINGS_MODULE": "vitrin.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    require(result.returncode == 0, f"reading CELERY_BEAT_SCHEDULE failed: {result.stderr.strip()[-600:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def beat(env: dict[str, str]) -> str:
    """Every periodic task of a minute or less runs twice, about one period apart, counted by
    the worker; and one's effect is seen: a product view by a signed-in person, counted in the
    cache, is written to the database by `flush-view-counts`."""
    port = int(env.get("CELERY_METRICS_PORT", "9108"))
    schedule = {task: period for task, period in _beat_schedule(env).items() if period <= 60}
    require(bool(schedule), "no periodic task of a minute or less in CELERY_BEAT_SCHEDULE")
    primary = env["DATABASE_PRIMARY_DIRECT_URL"]
    product = published_product_ids(20)[-1]
    viewer = register()

    def stored_views() -> int:
        return int(query(primary, "SELECT view_count FROM products_product WHERE id = %s", (product,))[0][0])

    views_before = stored_views()
    response = viewer.session().get(f"{BASE_URL}/api/products/{product}/", timeout=10)
    require(response.status_code == 200, f"GET /api/products/{product}/ answered {response.status_code}")
    started = time.monotonic()
    seen = _task_runs(port)
    ran_at: dict[str, list[float]] = {task: [] for task in schedule}
    view_written: list[float] = []

    def watch() -> bool:
        now = time.monotonic()
        runs = _task_runs(port)
        for task in schedule:
            if runs.get(task, 0.0) > seen.get(task, 0.0):
                ran_at[task].append(now)
            seen[task] = runs.get(task, 0.0)
        if not view_written and stored_views() > views_before:
            view_written.append(now - started)
        return bool(view_written) and all(len(times) >= 2 for times in ran_at.values())

    poll(watch, deadline=2 * max(schedule.values()) + 10, what="two runs of every periodic task", interval=0.25)
    gaps = {task: times[1] - times[0] for task, times in ran_at.items()}
    line = (
        "periodic tasks ran twice, one period apart: "
        + ", ".join(
            f"{task.rsplit('.', 1)[-1]} every {gaps[task]:.1f} s (schedule {schedule[task]:.0f} s)" for task in schedule
        )
        + f"; a product view reached the database {view_written[0]:.1f} s after it was counted"
    )
    for task, gap in gaps.items():
        require(0.5 * schedule[task] <= gap <= 1.5 * schedule[task], line + f" ({task} off schedule)")
    return line


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 90, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def s3_upload(env: dict[str, str]) -> str:
    uploader = register()
    response = uploader.session().post(
        f"{BASE_URL}/api/uploads/", files={"file": ("drill.png", _png(), "image/png")}, timeout=30
    )
    require(response.status_code == 201, f"POST /api/uploads/ answered {response.status_code}: {response.text[:200]}")
    url = urljoin(BASE_URL + "/", response.json()["url"])
    s3 = boto3.client(
        "s3",
        endpoint_url=env["AWS_S3_ENDPOINT_URL"],
        aws_access_key_id=env.get("AWS_ACCESS_KEY_ID", "drills"),
        aws_secret_access_key=env.get("AWS_SECRET_ACCESS_KEY", "drills"),
        region_name=env.get("AWS_S3_REGION_NAME") or "us-east-1",
    )
    bucket = env["AWS_STORAGE_BUCKET_NAME"]
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    keys = [
        item["Key"]
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
        for item in page.get("Contents", [])
    ]
    matching = [key for key in keys if key.endswith("/" + name) or key == name]
    require(bool(matching), f"{name} is not among the {len(keys)} objects of the bucket {bucket}")
    stored = s3.get_object(Bucket=bucket, Key=matching[0])["Body"].read()
    served = session().get(url, timeout=10)
    require(
        served.status_code == 200 and served.content == stored,
        f"{url} answered {served.status_code} ({len(served.content)} bytes; the object has {len(stored)})",
    )
    return (
        f"upload stored as s3://{bucket}/{matching[0]} ({len(stored)} bytes, {len(keys)} objects in the bucket), "
        f"served by {url} ({served.headers.get('Content-Type')}, Cache-Control: {served.headers.get('Cache-Control')})"
    )


def prometheus_targets(env: dict[str, str]) -> str:
    def targets() -> list[dict[str, Any]]:
        return requests.get(f"{PROMETHEUS}/api/v1/targets", timeout=10).json()["data"]["activeTargets"]

    def all_up() -> list[dict[str, Any]] | None:
        found = targets()
        return found if found and all(t["health"] == "up" for t in found) else None

    try:
        found, waited = poll(all_up, deadline=60, what="every Prometheus target up", interval=1)
    except AssertionError:
        down = [
            f"{t['labels'].get('job')} {t['scrapeUrl']}: {t['health']} {t.get('lastError', '')}"
            for t in targets()
            if t["health"] != "up"
        ]
        raise DrillFailed(f"Prometheus targets not up after 60 s: {down}") from None
    jobs = sorted({t["labels"].get("job", "?") for t in found})
    return f"{len(found)} targets up (jobs: {', '.join(jobs)}), waited {waited:.1f} s"


def _panel_queries(panels: list[dict[str, Any]]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for panel in panels:
        found += _panel_queries(panel.get("panels", []))  # a collapsed row keeps its panels
        for target in panel.get("targets", []):
            if target.get("expr") and not target.get("hide"):
                found.append((panel.get("title", "?"), target["expr"]))
    return found


def _variables(dashboard: dict[str, Any]) -> dict[str, str]:
    values = dict(GRAFANA_VARIABLES)
    for variable in dashboard.get("templating", {}).get("list", []):
        current = variable.get("current", {}).get("value")
        if isinstance(current, list):
            current = "|".join(current)
        values[variable["name"]] = ".*" if current in (None, "", "$__all") else str(current)
    return values


def _substitute(expr: str, values: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        return values.get(name, match.group(0))

    return re.sub(r"\$\{(\w+)(?::\w+)?\}|\$(\w+)", replace, expr)


def _report_web_vitals() -> None:
    """What a visitor's browser sends after a page load (POST /api/vitals/), for each page type,
    so that the real-user panels have samples on a stack nobody has browsed yet."""
    for page in ("home", "product", "search", "profile", "other"):
        response = session().post(
            f"{BASE_URL}/api/vitals/",
            json={
                "page": page,
                "metrics": [
                    {"name": "LCP", "value": 1200.0},
                    {"name": "INP", "value": 90.0},
                    {"name": "CLS", "value": 0.03},
                ],
            },
            timeout=10,
        )
        require(
            response.status_code == 204, f"POST /api/vitals/ answered {response.status_code}: {response.text[:200]}"
        )


def _has_number(result: list[dict[str, Any]]) -> bool:
    """Whether a query's answer holds a number (a series whose value is NaN shows as no data)."""
    return any(math.isfinite(float(series["value"][1])) for series in result if "value" in series)


def grafana_panels(env: dict[str, str]) -> str:
    files = sorted(DASHBOARDS.glob("*.json"))
    require(bool(files), f"no dashboard in {DASHBOARDS}")
    queries: list[tuple[str, str]] = []
    for path in files:
        dashboard = json.loads(Path(path).read_text())
        values = _variables(dashboard)
        queries += [
            (f"{path.name} / {title}", _substitute(expr, values))
            for title, expr in _panel_queries(dashboard.get("panels", []))
        ]
    vitals = any("web_vitals" in expr for _, expr in queries)
    beacons = 0
    empty: list[str] = []

    def all_answer() -> bool:
        nonlocal beacons, empty
        if vitals:
            # A rate needs the counters to grow between two scrapes: samples keep coming, as
            # visitors' would, until every panel has data.
            _report_web_vitals()
            beacons += 5
        empty = [
            f"{name}: {expr}" for name, expr in queries if not _has_number(prometheus_query(expr, base=PROMETHEUS))
        ]
        return not empty

    try:
        _, waited = poll(all_answer, deadline=45, what="every panel query has data", interval=2)
    except AssertionError:
        raise DrillFailed(
            f"{len(empty)} of {len(queries)} panel queries of {len(files)} dashboard(s) without data after 45 s:\n    "
            + "\n    ".join(empty)
        ) from None
    return f"{len(queries)} panel queries of {len(files)} dashboard(s) return numbers from the live Prometheus" + (
        f" ({beacons} web-vitals beacons sent first, {waited:.1f} s)" if vitals else ""
    )
