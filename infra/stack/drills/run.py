"""Vitrin's failure drills against the running stack (`make stack-test`).

Each drill puts a bounded load on https://127.0.0.1:8443 while it breaks one part (and mends it
again), prints one line of figures, and fails on any requirement that does not hold. The run
exits non-zero when one drill failed.

    .venv/bin/python infra/stack/drills/run.py                 # all, in order
    .venv/bin/python infra/stack/drills/run.py replica broker  # some
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
import traceback
from collections.abc import Callable

import app_server
import backup
import broker
import operations
import primary
import redis_outage
import replica
from common import BASE_URL, ROOT, DrillFailed, stack_env


def browser(env: dict[str, str]) -> str:
    result = subprocess.run(  # noqa: S603
        [shutil.which("node") or "node", str(ROOT / "infra" / "stack" / "browser.test.mjs"), BASE_URL],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    if result.returncode != 0:
        raise DrillFailed((result.stderr or result.stdout).strip()[-1500:])
    return result.stdout.strip()


DRILLS: dict[str, tuple[str, Callable[[dict[str, str]], str]]] = {
    "app-server": ("1. an app server killed under read load", app_server.run),
    "replica": ("2. the read replica stopped under read load", replica.run),
    "primary": ("3. the primary restarted under write load", primary.run),
    "redis": ("4. Redis stopped", redis_outage.run),
    "broker": ("5. RabbitMQ stopped", broker.run),
    "beat": ("6a. beat fires periodic tasks", operations.beat),
    "s3": ("6b. an upload lands in S3, served by the stack", operations.s3_upload),
    "prometheus": ("6c. Prometheus scrapes every target", operations.prometheus_targets),
    "grafana": ("6d. every Grafana panel query returns data", operations.grafana_panels),
    "browser": ("7. a browser signs in and upvotes", browser),
    "backup": ("8. a backup of the live primary restores, row for row", backup.run),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("drills", nargs="*", help=f"drills to run, all by default: {', '.join(DRILLS)}")
    chosen = parser.parse_args().drills or list(DRILLS)
    unknown = [name for name in chosen if name not in DRILLS]
    if unknown:
        parser.error(f"unknown drill {', '.join(unknown)}; the drills are {', '.join(DRILLS)}")
    env = stack_env()
    results: list[tuple[str, bool, float]] = []
    began = time.monotonic()
    for name in chosen:
        title, drill = DRILLS[name]
        print(f"--- {title}", flush=True)
        started = time.monotonic()
        try:
            line = drill(env)
            passed = True
        except DrillFailed as failure:
            line, passed = f"FAILED: {failure}", False
        except Exception:
            line, passed = "FAILED (error):\n" + traceback.format_exc(), False
        seconds = time.monotonic() - started
        results.append((name, passed, seconds))
        print(f"{'PASS' if passed else 'FAIL'} {name} ({seconds:.0f} s): {line}", flush=True)
    failed = [name for name, passed, _ in results if not passed]
    print(
        f"=== {len(results) - len(failed)}/{len(results)} drills passed in {time.monotonic() - began:.0f} s"
        + (f"; failed: {', '.join(failed)}" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
