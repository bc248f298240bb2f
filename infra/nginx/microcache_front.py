"""Debian's nginx with Vitrin's micro-cache (microcache-http.conf, microcache.conf) in front of an
upstream, on loopback, in a directory of its own: for the micro-cache's tests
(infra/nginx/tests/) and the benchmark's "via nginx micro-cache" scenario (bench/run.py).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
INSTALL_HINT = "apt-get install -y nginx"

CONFIG = """\
{user}worker_processes {workers};
pid nginx.pid;
error_log error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    # Debian's build keeps these under /var/lib/nginx: here everything stays in this directory.
    client_body_temp_path client_body;
    proxy_temp_path proxy;
    fastcgi_temp_path fastcgi;
    uwsgi_temp_path uwsgi;
    scgi_temp_path scgi;
    include {here}/microcache-http.conf;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass {upstream};
            include {here}/microcache.conf;
        }}
    }}
}}
"""


def nginx_binary() -> str | None:
    """nginx's path, or None when it is not installed (/usr/sbin may be missing from PATH)."""
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def microcached(upstream: str, *, work_dir: Path, workers: int = 1) -> Iterator[str]:
    """Runs nginx, the micro-cache in front of `upstream` (http://host:port), until the block
    ends; yields its base URL. Its configuration, cache and error log are under `work_dir`."""
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError(f"nginx is not installed ({INSTALL_HINT})")
    work_dir.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    # As root, nginx's workers would run as `nobody`, who cannot write this directory.
    user = "user root;\n" if os.geteuid() == 0 else ""
    config = work_dir / "nginx.conf"
    config.write_text(CONFIG.format(user=user, workers=workers, here=HERE, port=port, upstream=upstream))
    command = [binary, "-p", str(work_dir), "-c", str(config), "-e", "error.log", "-g", "daemon off;"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # noqa: S603
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                errors = process.stderr.read().decode() if process.stderr and process.poll() is not None else ""
                log = (work_dir / "error.log").read_text() if (work_dir / "error.log").exists() else ""
                raise RuntimeError(f"nginx did not start:\n{errors}{log}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
