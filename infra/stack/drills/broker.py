"""Drill 5: RabbitMQ stops. Requests that queue work (sign-up: the verification e-mail; password
reset: the reset e-mail) still answer within 2 s; the work waits in the outbox and is delivered
by the worker once the broker is back: the e-mails arrive."""

from __future__ import annotations

import glob
import time
from pathlib import Path

from common import (
    BASE_URL,
    DrillFailed,
    addresses,
    poll,
    port_open,
    query,
    register,
    require,
    session,
    stack,
)

BROKER_PORT = 5672
MAX_ANSWER_SECONDS = 2.0


class Mailbox:
    """The e-mails the stack sent: files of Django's file-based backend (EMAIL_FILE_PATH), or the
    worker's log with the console backend."""

    def __init__(self, env: dict[str, str]) -> None:
        backend = env.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
        if backend.endswith("filebased.EmailBackend"):
            self.where = Path(env["EMAIL_FILE_PATH"])
            self.files = lambda: list(self.where.glob("*"))
        elif backend.endswith("console.EmailBackend"):
            stack_dir = Path(env.get("STACK_DIR", Path(__file__).resolve().parents[3] / ".stack"))
            logs = [Path(p) for p in glob.glob(str(stack_dir / "**" / "worker*.log"), recursive=True)]
            if not logs:
                raise DrillFailed(f"console e-mail backend, and no worker log under {stack_dir} to read e-mails from")
            self.where = logs[0]
            self.files = lambda: [self.where]
        else:
            raise DrillFailed(f"e-mails go to {backend}: the drill reads files (file-based or console backend)")

    def count(self, address: str) -> int:
        needle = f"To: {address}\n".encode()
        return sum(path.read_bytes().count(needle) for path in self.files() if path.is_file())


def run(env: dict[str, str]) -> str:
    mailbox = Mailbox(env)
    primary = env["DATABASE_PRIMARY_DIRECT_URL"]
    # Baseline: with the broker up, a sign-up's verification e-mail arrives.
    earlier = register()
    _, baseline_seconds = poll(
        lambda: mailbox.count(earlier.email) >= 1, deadline=30, what="a verification e-mail with the broker up"
    )
    try:
        stack("stop", "rabbitmq")
        poll(lambda: not port_open(BROKER_PORT), deadline=30, what="RabbitMQ stops")
        started = time.monotonic()
        newcomer = register(timeout=10)
        signup_seconds = time.monotonic() - started
        started = time.monotonic()
        reset = session(addresses.take()).post(
            f"{BASE_URL}/api/auth/password/reset/", json={"email": earlier.email}, timeout=10
        )
        reset_seconds = time.monotonic() - started
        require(reset.status_code == 204, f"password reset answered {reset.status_code}: {reset.text[:200]}")
        waiting = query(primary, "SELECT count(*) FROM core_outboxtask")[0][0]
        sent_meanwhile = mailbox.count(newcomer.email), mailbox.count(earlier.email) - 1
    finally:
        start_seconds = stack("start", "rabbitmq", timeout=120)
    back_at = time.monotonic()
    poll(
        lambda: mailbox.count(newcomer.email) >= 1 and mailbox.count(earlier.email) >= 2,
        deadline=90,
        what="the e-mails queued while RabbitMQ was down are delivered",
        interval=0.5,
    )
    delivered_after = time.monotonic() - back_at
    poll(
        lambda: query(primary, "SELECT count(*) FROM core_outboxtask")[0][0] == 0,
        deadline=30,
        what="the outbox empties",
    )
    line = (
        f"broker up: verification e-mail in {baseline_seconds:.1f} s; broker down: sign-up answered 201 in "
        f"{signup_seconds:.2f} s, password reset 204 in {reset_seconds:.2f} s, {waiting} tasks in the outbox, "
        f"e-mails sent meanwhile {sum(sent_meanwhile)}; broker started in {start_seconds:.1f} s, both e-mails "
        f"delivered {delivered_after:.1f} s later, outbox empty"
    )
    require(signup_seconds <= MAX_ANSWER_SECONDS and reset_seconds <= MAX_ANSWER_SECONDS, line)
    require(sum(sent_meanwhile) == 0, line + " (an e-mail went out with the broker down: not queued work?)")
    return line
