#!/usr/bin/env bash
# Which way to the primary serves Vitrin better: direct persistent connections (CONN_MAX_AGE),
# pgbouncer in transaction mode, or Django's psycopg pool (DATABASE_POOL=true)? Needs `make stack`.
#
#   infra/stack/pooling.sh [seconds] [connections...]      default: 20 s at 8 and 64 connections
#
# For each round (POOLING_ROUNDS, 2) and mode (direct, pgbouncer, pool, alternating) it starts one
# extra app server on 127.0.0.1:$POOLING_PORT exactly as the stack runs app servers (gunicorn,
# production settings, STACK_GUNICORN_WORKERS × STACK_GUNICORN_THREADS) and drives it with wrk,
# not through nginx (its micro-cache would answer instead). Changes from the stack's app servers,
# so the figures measure the database path only:
#   - no replica (DATABASE_REPLICA_URL empty): every statement goes to DATABASE_URL, the thing
#     compared (with the replica, GET reads go to it directly whatever the mode);
#   - Redis database 9 and very high user/anon rates: wrk's thousands of requests from one
#     account are neither refused with 429 nor counted against the stack's own limits;
#   - application_name=vitrin-pooling-<mode>, so its connections to the primary can be counted
#     (pgbouncer passes the name on to its server connections, and keeps them open a while).
# Requests: a signed-in product page (one statement for the account, one for the viewer's marks;
# the product itself comes from the cache) and the signed-in feed (not cached: a list query).
# "held" is the most server connections on the primary seen during the run that serve this app
# server (pg_stat_activity by application name; in pgbouncer mode, pgbouncer's server side),
# sampled every 0.25 s; "all" is every connection to the vitrin database at that moment (the
# stack's own app servers and workers, and pgbouncer's idle server connections, included).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STACK_SH=$REPO/infra/stack/stack.sh
SECONDS_PER_RUN=${1:-20}
shift || true
read -r -a CONNECTIONS <<<"${*:-8 64}"
PORT=${POOLING_PORT:-8190}
ROUNDS=${POOLING_ROUNDS:-2}
read -r -a MODES <<<"${POOLING_MODES:-direct pgbouncer pool}"
PG_PORT=${STACK_PG_PRIMARY_PORT:-5442}
PGBOUNCER_PORT=${STACK_PGBOUNCER_PORT:-6432}
APP_NAME=vitrin-pooling
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/vitrin-pooling.XXXXXX)
SERVER_PID=

command -v wrk >/dev/null || { echo "pooling: wrk is missing: apt-get install -y wrk" >&2; exit 1; }
"$STACK_SH" status >/dev/null || { echo "pooling: the stack is not all up (make stack)" >&2; exit 1; }

stop_server() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID"
        for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    fi
    SERVER_PID=
}
trap 'stop_server; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

start_server() { # mode
    local mode=$1 pooler=direct pool=false
    [[ $mode == pgbouncer ]] && pooler=pgbouncer
    [[ $mode == pool ]] && pool=true
    rm -rf "$WORK/metrics" && mkdir -p "$WORK/metrics"
    # The stack's own environment for an app server, then the changes listed at the top.
    # shellcheck disable=SC2016 # expanded by the inner shell
    env -i PATH="$REPO/.venv/bin:/usr/local/bin:/usr/bin:/bin" HOME="${HOME:-/root}" LANG=C.UTF-8 \
        STACK_DB_POOLER=$pooler STACK_SH="$STACK_SH" POOL=$pool APP_NAME="$APP_NAME-$mode" WORK="$WORK" \
        PORT="$PORT" REPO="$REPO" /bin/bash -c '
        set -e
        eval "$(STACK_DB_POOLER=$STACK_DB_POOLER "$STACK_SH" env app2)"
        export DATABASE_URL="$DATABASE_URL?application_name=$APP_NAME" DATABASE_REPLICA_URL=
        export DATABASE_POOL=$POOL REDIS_URL=redis://127.0.0.1:6390/9 LIVE_REDIS_URL=redis://127.0.0.1:6390/9
        export THROTTLE_USER=1000000/min THROTTLE_ANON=1000000/min
        export PROMETHEUS_MULTIPROC_DIR="$WORK/metrics" METRICS_PORT=0
        cd "$REPO/backend"
        exec gunicorn --config "$REPO/infra/gunicorn.conf.py" --bind "127.0.0.1:$PORT" \
            --workers "$GUNICORN_WORKERS" --threads "$GUNICORN_THREADS" vitrin.wsgi:application
    ' >"$WORK/server-$mode.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 150); do
        curl -fs -o /dev/null -H 'X-Forwarded-Proto: https' "$BASE/api/health/" && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.2
    done
    echo "pooling: the $mode app server did not answer; its log:" >&2
    tail -20 "$WORK/server-$mode.log" >&2
    exit 1
}

held() { # mode: server connections on the primary serving the test app server
    if [[ $1 == pgbouncer ]]; then
        psql -h 127.0.0.1 -p "$PGBOUNCER_PORT" -U postgres -d pgbouncer -tA -F' ' -c 'SHOW POOLS' |
            awk '$1 == "vitrin" && $2 == "vitrin" {print $7 + $10 + $11 + $12 + $13}'
    else
        psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc \
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = '$APP_NAME-$1'"
    fi
}
all_connections() {
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc \
        "SELECT count(*) FROM pg_stat_activity WHERE datname = 'vitrin'"
}

sample() { # mode file: the largest "held" and "all" until killed
    local best_held=0 best_all=0 h a
    echo "0 0" >"$2"
    while true; do
        h=$(held "$1") a=$(all_connections)
        ((h > best_held)) && best_held=$h
        ((a > best_all)) && best_all=$a
        # Renamed into place: the sampler is killed at any moment, the file is always whole.
        echo "$best_held $best_all" >"$2.new" && mv "$2.new" "$2"
        sleep 0.25
    done
}

token() {
    curl -fs -X POST -H 'Content-Type: application/json' -H 'X-Forwarded-Proto: https' \
        -H 'X-Forwarded-For: 10.77.0.1' -d '{"username":"demo","password":"vitrin-demo-2026"}' \
        "$BASE/api/auth/login/" | python3 -c 'import json, sys; print(json.load(sys.stdin)["access"])'
}

to_ms() { # wrk's 1.23ms / 456.78us / 1.02s
    awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0;
        else if (v ~ /s$/) printf "%.0f", v * 1000; else print v }'
}

run() { # mode label path connections
    local mode=$1 label=$2 path=$3 c=$4 out=$WORK/wrk.txt sampler
    # A short warm-up: every thread opens its connection (or the pool fills) before measuring.
    wrk -t2 -c"$c" -d2s -H "Authorization: Bearer $TOKEN" -H 'X-Forwarded-Proto: https' \
        -H 'X-Forwarded-For: 10.77.0.2' "$BASE$path" >/dev/null
    sample "$mode" "$WORK/peak" & sampler=$!
    wrk -t2 -c"$c" -d"${SECONDS_PER_RUN}s" --timeout 10s --latency -H "Authorization: Bearer $TOKEN" \
        -H 'X-Forwarded-Proto: https' -H 'X-Forwarded-For: 10.77.0.2' "$BASE$path" >"$out"
    kill -TERM "$sampler"
    wait "$sampler" 2>/dev/null || true
    local rps p50 p99 non2xx sock peak_held peak_all
    rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$out")
    p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$out")
    sock=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$out")
    read -r peak_held peak_all <"$WORK/peak"
    printf '%-6s %-10s %-8s %5s %8s %9s %9s %7s %5s %5s\n' "$round" "$mode" "$label" "$c" "$rps" \
        "$p50" "$p99" "$((${non2xx:-0} + ${sock:-0}))" "$peak_held" "$peak_all"
}

# Any published product: the first of the list, asked of the stack's app1.
PRODUCT_ID=$(curl -fs -H 'X-Forwarded-Proto: https' "http://127.0.0.1:$((${STACK_APP_PORT_BASE:-8100} + 1))/api/products/?page_size=1" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["results"][0]["id"])')
echo "pooling: ${SECONDS_PER_RUN} s per run, connections ${CONNECTIONS[*]}, product $PRODUCT_ID, server $BASE"
printf '%-6s %-10s %-8s %5s %8s %9s %9s %7s %5s %5s\n' round mode request conns "req/s" "p50 ms" "p99 ms" errors held all
for ((round = 1; round <= ROUNDS; round++)); do
    for mode in "${MODES[@]}"; do
        start_server "$mode"
        TOKEN=$(token)
        for c in "${CONNECTIONS[@]}"; do
            run "$mode" product "/api/products/$PRODUCT_ID/" "$c"
            run "$mode" feed "/api/feed/" "$c"
        done
        stop_server
    done
done
