#!/usr/bin/env bash
# `make fuzz`: the API against its own OpenAPI schema, with schemathesis, on a live server.
#
# It starts a throwaway Vitrin on PostgreSQL and Redis, as production runs it (gunicorn, debug
# off), and lets schemathesis send it whatever the schema allows and much that it does not, for
# FUZZ_SECONDS (default 120): as an anonymous caller and, at the same time, signed in as a fresh
# account. Every answer must be no 5xx, a status code the schema documents for that operation,
# the content type it documents, and a body that matches the documented schema. Any failure
# makes the run fail, with schemathesis' report of the request that reproduces it.
#
#   the database   FUZZ_DATABASE (default vitrin_fuzz), dropped and created afresh, and dropped
#                  at the end, on the PostgreSQL server of DATABASE_URL (whose own database is
#                  never touched) or postgres://postgres@127.0.0.1:5432
#   the cache      REDIS_URL (default redis://127.0.0.1:6379/3), under a prefix of this run's
#                  own whose keys are deleted at the end
#   the server     gunicorn on a free loopback port, every rate limit (THROTTLE_* in the
#                  settings) raised out of reach, access tokens valid for two hours, passwords
#                  hashed at the lowest cost
#   Google         sign-in is set up with a key made for this run, its JWKS served on loopback
#                  (GOOGLE_CERTS_URL), so the endpoint answers 401/200 as in production, not 503
#   the data       the demo data (seed_demo), so ids, slugs and usernames lead somewhere
#
# FUZZ_SEED replays a run (each report prints its seed). The server's errors are printed when
# something fails. Everything started here is stopped on exit, however the script ends.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$repo/.venv"
python="$venv/bin/python"
support="$repo/infra/scripts/fuzz_support.py"
fuzz_seconds="${FUZZ_SECONDS:-120}"
database_name="${FUZZ_DATABASE:-vitrin_fuzz}"
server_url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
redis_url="${REDIS_URL:-redis://127.0.0.1:6379/3}"
cache_prefix="vitrin_fuzz_$(date +%s)_$$"
checks="not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"

for tool in "$python" "$venv/bin/gunicorn" "$venv/bin/schemathesis"; do
  [ -x "$tool" ] || { echo "Missing $tool: run 'make backend-deps' first." >&2; exit 2; }
done
[[ "$fuzz_seconds" =~ ^[0-9]+$ ]] && [ "$fuzz_seconds" -ge 2 ] || {
  echo "FUZZ_SECONDS must be a whole number of seconds, at least 2 (got '$fuzz_seconds')." >&2
  exit 2
}

work="$(mktemp -d "${TMPDIR:-/tmp}/vitrin-fuzz.XXXXXX")"
server_pid=""
jwks_pid=""
anonymous_pid=""
signed_in_pid=""
database_created=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in "$anonymous_pid" "$signed_in_pid" "$server_pid" "$jwks_pid"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  if [ -n "$database_created" ]; then
    "$python" "$support" database drop "$server_url" "$database_name" >/dev/null 2>&1 ||
      echo "Could not drop the database $database_name; drop it by hand." >&2
  fi
  "$python" "$support" redis-clear "$redis_url" "$cache_prefix" >/dev/null 2>&1 || true
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step() { printf '\n==> %s\n' "$*"; }

show_server_log() {  # what the server logged beyond the expected 4xx warnings
  echo "--- the server's log, warnings left out (last 80 lines) ---"
  grep -v '"level": "WARNING"' "$work/server.log" 2>/dev/null | tail -n 80 || true
}

# --- Google's keys, served on loopback ------------------------------------------------------
"$python" "$support" redis-clear "$redis_url" "$cache_prefix" >/dev/null  # Redis answers, or stop here
step "A signing key for Google sign-in, its JWKS served on loopback"
mkdir -p "$work/google" "$work/var"
"$python" "$support" google-keys "$work/google" >/dev/null
jwks_port="$("$python" "$support" free-port)"
"$python" -m http.server "$jwks_port" --bind 127.0.0.1 --directory "$work/google" >"$work/jwks.log" 2>&1 &
jwks_pid=$!
google_client_id="vitrin-fuzz.apps.googleusercontent.com"

# --- the server's environment ---------------------------------------------------------------
database_url="$("$python" "$support" database create "$server_url" "$database_name")"
database_created=1
export DATABASE_URL="$database_url"
export REDIS_URL="$redis_url"
export CACHE_KEY_PREFIX="$cache_prefix"
export DJANGO_DEBUG=0
export VITRIN_VAR_DIR="$work/var"
export LOG_LEVEL=ERROR  # the log shows server errors only: every 4xx is expected here
export CELERY_BROKER_URL=""  # tasks run inline: nothing else to start
export EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend  # written, never sent
# The test suite's settings, for passwords hashed at the lowest bcrypt cost: at the production
# cost each sign-in, sign-up and password change takes most of a second, and they would eat the
# time budget. View counting and the in-process cache, which they also change, are set back.
export DJANGO_SETTINGS_MODULE=vitrin.settings.test VIEW_FLUSH_INLINE=1 PUBLIC_CACHE_LOCAL_SECONDS=0.25
export JWT_ACCESS_TOKEN_MINUTES=120
export GOOGLE_OAUTH_CLIENT_ID="$google_client_id"
export GOOGLE_CERTS_URL="http://127.0.0.1:$jwks_port/certs.json"
# Every rate the settings read from THROTTLE_* is raised out of reach: a fuzzer is one client
# sending thousands of requests a minute, and a 429 would hide the answer under test.
for name in $(grep -o 'env("THROTTLE_[A-Z_]*"' "$repo/backend/vitrin/settings/base.py" | cut -d'"' -f2 | sort -u); do
  export "$name=1000000/min"
done
echo "database $database_name, Redis $redis_url (prefix $cache_prefix), Google keys on :$jwks_port"

step "Migrating and loading the demo data"
(cd "$repo/backend" && "$python" manage.py migrate --no-input -v0 && "$python" manage.py seed_demo)

# --- the server -----------------------------------------------------------------------------
port="$("$python" "$support" free-port)"
base="http://127.0.0.1:$port"
step "Starting gunicorn on $base"
# No limit on the request line: gunicorn's own (4 KB) would answer a long query string with its
# HTML 414 before the API sees it; the API is what is under test (in production nginx, in front,
# has the same kind of limit).
(cd "$repo/backend" && exec "$venv/bin/gunicorn" vitrin.wsgi:application --bind "127.0.0.1:$port" \
  --workers 2 --threads 4 --timeout 60 --graceful-timeout 5 --limit-request-line 0 \
  --error-logfile - >"$work/server.log" 2>&1) &
server_pid=$!
"$python" "$support" wait "$base/api/health/" 60 >/dev/null || { show_server_log; exit 1; }
"$python" "$support" wait "http://127.0.0.1:$jwks_port/certs.json" 10 >/dev/null
"$python" "$support" google-check "$base" "$work/google" "$google_client_id"

# --- the fuzzer, twice, side by side -------------------------------------------------------
# Two schemathesis processes of one worker each rather than one process of several: on Python
# 3.11 concurrent workers in one process can crash inside hypothesis ("AST constructor recursion
# depth mismatch"), and the two runs are independent anyway.
seed_option=()
[ -n "${FUZZ_SEED:-}" ] && seed_option=(--seed "$FUZZ_SEED")

fuzz() {  # fuzz LABEL [schemathesis options...] &: becomes the `timeout` process (its pid is $!)
  local label="$1"
  shift
  cd "$work"
  exec timeout --kill-after=10 "$((fuzz_seconds + 120))" "$venv/bin/schemathesis" run "$base/api/schema/" \
    --checks "$checks" \
    --max-time "$fuzz_seconds" \
    --workers 1 \
    --request-timeout 20 \
    --generation-database none \
    --no-color \
    --report json --report-json-path "$work/$label.json" \
    "${seed_option[@]}" "$@" >"$work/$label.log" 2>&1
}

token="$("$python" "$support" register "$base")"
step "schemathesis, anonymous and signed in (a fresh account), side by side for $fuzz_seconds s"
fuzz anonymous &
anonymous_pid=$!
fuzz signed-in -H "Authorization: Bearer $token" &
signed_in_pid=$!
wait "$anonymous_pid" "$signed_in_pid" || true  # the verdict is the reports', read below
for label in anonymous signed-in; do
  step "schemathesis' report, $label"
  cat "$work/$label.log"
done

step "Totals"
if ! "$python" "$support" summary "anonymous=$work/anonymous.json" "signed-in=$work/signed-in.json"; then
  show_server_log
  echo "make fuzz: FAILED (schemathesis' reports above show each failing request and how to replay it)."
  exit 1
fi
echo "make fuzz: passed."
