"""The small steps of `infra/scripts/fuzz.sh` that are easier in Python than in the shell.

Each subcommand does one thing and prints its result on stdout:

    free-port                       a TCP port free on 127.0.0.1 right now
    database create|drop URL NAME   (re)creates or drops database NAME on URL's PostgreSQL server
    redis-clear URL PREFIX          deletes the run's cache keys (PREFIX:*) from URL's Redis
    google-keys DIR                 a fresh RSA key: DIR/certs.json (its JWKS, as Google publishes
                                    its keys) and DIR/key.pem (the private half, for google-check)
    google-check BASE_URL DIR ID    checks that the server verifies Google ID tokens with that key:
                                    a forged one gets 401, one signed with DIR/key.pem 200
    wait URL SECONDS                waits until URL answers 200
    register BASE_URL               signs up a fresh account through the API, prints its access token
    summary LABEL=REPORT.json ...   the totals of schemathesis runs (cases generated, failures)

Only the standard library, psycopg, redis, requests, PyJWT and cryptography (all in the
backend's requirements) are used, so it runs with the project's virtualenv and nothing else.
"""

from __future__ import annotations

import json
import secrets
import socket
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

KEY_ID = "vitrin-fuzz"
GOOGLE_ISSUER = "https://accounts.google.com"


def free_port() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        print(probe.getsockname()[1])


def database(action: str, url: str, name: str) -> None:
    """CREATE/DROP DATABASE through the server's maintenance database (`postgres`): no `psql`
    client is needed, and whatever database URL names, only NAME is touched."""
    import psycopg
    from psycopg import sql

    if not name.replace("_", "").isalnum():
        raise SystemExit(f"Refusing the database name {name!r}: letters, digits and _ only.")
    maintenance = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    try:
        with psycopg.connect(maintenance, autocommit=True, connect_timeout=5) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            if action == "create":
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as error:
        where = urlsplit(url)._replace(path="", query="", fragment="").geturl()
        raise SystemExit(f"PostgreSQL at {where} refused to {action} {name}: {error}".strip()) from error
    print(urlunsplit(urlsplit(url)._replace(path=f"/{name}")))


def redis_clear(url: str, prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5)
    deleted = 0
    try:
        for key in client.scan_iter(match=f"{prefix}:*", count=1000):
            deleted += int(client.delete(key))
    except redis.RedisError as error:
        raise SystemExit(f"Redis at {url} is unreachable: {error}") from error
    print(deleted)


def google_keys(directory: str) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from jwt.algorithms import RSAAlgorithm

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = json.loads(RSAAlgorithm.to_jwk(key.public_key()))
    public.update({"kid": KEY_ID, "alg": "RS256", "use": "sig"})
    folder = Path(directory)
    (folder / "certs.json").write_text(json.dumps({"keys": [public]}))
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    (folder / "key.pem").write_bytes(pem)
    print(folder / "certs.json")


def _google_token(directory: str, client_id: str) -> str:
    import jwt

    now = int(time.time())
    claims = {
        "iss": GOOGLE_ISSUER,
        "aud": client_id,
        "sub": f"fuzz-{secrets.token_hex(8)}",
        "email": f"fuzz-{secrets.token_hex(6)}@example.com",
        "email_verified": True,
        "iat": now,
        "exp": now + 600,
    }
    key = (Path(directory) / "key.pem").read_text()
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": KEY_ID})


def _post_json(url: str, payload: dict[str, object]) -> tuple[int, dict[str, object]]:
    import requests

    response = requests.post(url, json=payload, timeout=30)
    try:
        return response.status_code, response.json()
    except ValueError:
        return response.status_code, {"body": response.text[:500]}


def wait(url: str, seconds: str) -> None:
    """Polls URL until it answers 200, for at most SECONDS."""
    import requests

    deadline = time.monotonic() + float(seconds)
    while True:
        try:
            if requests.get(url, timeout=2).status_code == 200:
                print("up")
                return
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"{url} did not answer 200 within {seconds} s.")
        time.sleep(0.2)


def google_check(base_url: str, directory: str, client_id: str) -> None:
    """Google sign-in must be set up, or the fuzzer would only ever see its 503: a forged token
    gets 401 and one signed with the served key signs in."""
    forged, _ = _post_json(f"{base_url}/api/auth/google/", {"id_token": "not.a.token"})
    signed, body = _post_json(
        f"{base_url}/api/auth/google/",
        {"id_token": _google_token(directory, client_id)},
    )
    if forged != 401 or signed != 200:
        raise SystemExit(
            f"Google sign-in is not set up as expected: forged token {forged}, signed token {signed} {body}"
        )
    print("Google sign-in is set up: a forged token gets 401, a token signed with the local key 200.")


def register(base_url: str) -> None:
    name = f"fuzz_{secrets.token_hex(5)}"
    status, body = _post_json(
        f"{base_url}/api/auth/register/",
        {
            "username": name,
            "email": f"{name}@example.com",
            "password": f"Fuzz-{secrets.token_urlsafe(18)}",
        },
    )
    if status != 201:
        raise SystemExit(f"Signing up the fuzzing account failed: {status} {body}")
    print(body["access"])


def summary(*runs: str) -> None:
    """The totals of schemathesis runs, each given as LABEL=REPORT (its `--report json` file);
    exits 1 when any run found a failure or an error, or did not finish."""
    total_cases = total_failures = 0
    problems = False
    for run in runs:
        label, _, report = run.partition("=")
        path = Path(report)
        if not path.is_file():
            print(f"{label}: no report (schemathesis did not run to the end)")
            problems = True
            continue
        document = json.loads(path.read_text())
        cases = document["test_cases"]
        failures = sum(group["count"] for group in document["failures"])
        errors = sum(group["count"] for group in document["errors"])
        operations = (document.get("operations") or {}).get("tested", 0)
        print(
            f"{label}: {cases['generated']} cases on {operations} operations in {document['running_time']:.0f} s, "
            f"{failures} failures, {errors} errors (stopped: {document['stop_reason']})"
        )
        for group in document["failures"]:
            print(f"  - {group['title']} x{group['count']}: {', '.join(group['operations'])}")
        for group in document["errors"]:
            print(f"  - error: {group['title']} x{group['count']}")
        total_cases += cases["generated"]
        total_failures += failures + errors
        problems = problems or failures > 0 or errors > 0 or not document["complete"]
    print(f"Total: {total_cases} cases generated, {total_failures} failures.")
    if problems:
        raise SystemExit(1)


COMMANDS = {
    "free-port": (free_port, 0),
    "database": (database, 3),
    "redis-clear": (redis_clear, 2),
    "google-keys": (google_keys, 1),
    "google-check": (google_check, 3),
    "wait": (wait, 2),
    "register": (register, 1),
    "summary": (summary, -1),
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        raise SystemExit(__doc__)
    function, arity = COMMANDS[sys.argv[1]]
    if arity >= 0 and len(sys.argv) - 2 != arity:
        raise SystemExit(__doc__)
    function(*sys.argv[2:])  # type: ignore[operator]
