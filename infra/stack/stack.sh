#!/usr/bin/env bash
# Vitrin's production topology on one Debian machine, on loopback, without containers: each part
# its own process, started from Debian and PyPI packages. infra/stack/README.md lists the parts.
#
#   stack.sh up                      start whatever is not answering, wait for each, print the table
#   stack.sh down                    stop every part (the machine's RabbitMQ is left running)
#   stack.sh status                  the table; exits 0 only when every part answers
#   stack.sh start|stop|restart|kill <part>   one part (kill: SIGKILL, as a crash would)
#   stack.sh env [part]              the environment Vitrin's processes run with, as `export` lines
#
# State (data, pid files, logs, certificate, rendered configurations) lives in STACK_DIR
# (.stack at the repository's root). Every port can be moved with the variable named below.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$REPO/infra/stack
BACKEND=$REPO/backend
VENV_BIN=$REPO/.venv/bin
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

STACK_DIR=${STACK_DIR:-$REPO/.stack}
RUN_DIR=$STACK_DIR/run
LOG_DIR=$STACK_DIR/logs
PG_DIR=$STACK_DIR/pg
NGINX_DIR=$STACK_DIR/nginx

STACK_APP_SERVERS=${STACK_APP_SERVERS:-2}
STACK_GUNICORN_WORKERS=${STACK_GUNICORN_WORKERS:-2}
STACK_GUNICORN_THREADS=${STACK_GUNICORN_THREADS:-4}
# direct: DATABASE_URL is the primary itself; pgbouncer: the primary through pgbouncer.
STACK_DB_POOLER=${STACK_DB_POOLER:-direct}
HTTPS_PORT=${STACK_HTTPS_PORT:-8443}
HTTP_PORT=${STACK_HTTP_PORT:-8080}
APP_PORT_BASE=${STACK_APP_PORT_BASE:-8100}             # app N listens on base + N
APP_METRICS_PORT_BASE=${STACK_APP_METRICS_PORT_BASE:-9100}
LIVE_PORT=${STACK_LIVE_PORT:-8110}
PG_PRIMARY_PORT=${STACK_PG_PRIMARY_PORT:-5442}
PG_REPLICA_PORT=${STACK_PG_REPLICA_PORT:-5443}
PGBOUNCER_PORT=${STACK_PGBOUNCER_PORT:-6432}
REDIS_PORT=${STACK_REDIS_PORT:-6390}
RABBITMQ_PORT=${STACK_RABBITMQ_PORT:-5672}
WORKER_METRICS_PORT=${STACK_WORKER_METRICS_PORT:-9108}
S3_PORT=${STACK_S3_PORT:-9000}
PROMETHEUS_PORT=${STACK_PROMETHEUS_PORT:-9090}
PG_EXPORTER_PORT=${STACK_PG_EXPORTER_PORT:-9187}
REDIS_EXPORTER_PORT=${STACK_REDIS_EXPORTER_PORT:-9121}
S3_BUCKET=${STACK_S3_BUCKET:-vitrin-media}
RABBITMQ_VHOST=vitrin
# The app's own limit (backend/vitrin/settings/base.py, UPLOAD_MAX_BYTES); nginx allows 1 MiB more.
UPLOAD_MAX_BYTES=${UPLOAD_MAX_BYTES:-5242880}
ADMIN_URL=${ADMIN_URL:-admin/}
BASE_URL=https://127.0.0.1:$HTTPS_PORT

APPS=()
for ((n = 1; n <= STACK_APP_SERVERS; n++)); do APPS+=("app$n"); done
# Start order; `down` stops in reverse.
PARTS=(pg-primary pg-replica pgbouncer redis rabbitmq s3 "${APPS[@]}" live worker beat nginx
    pg-exporter redis-exporter prometheus)

say() { printf 'stack: %s\n' "$*"; }
die() {
    printf 'stack: %s\n' "$*" >&2
    exit 1
}
now() { printf '%s' "${EPOCHREALTIME/[.,]/}"; } # microseconds
elapsed_since() { printf '%.1f' "$(($(now) - $1))e-6"; }

is_app() { [[ $1 =~ ^app[0-9]+$ ]] && ((${1#app} >= 1 && ${1#app} <= STACK_APP_SERVERS)); }
known_part() {
    local part
    for part in "${PARTS[@]}"; do [[ $part == "$1" ]] && return 0; done
    return 1
}
app_port() { echo $((APP_PORT_BASE + ${1#app})); }
app_metrics_port() { echo $((APP_METRICS_PORT_BASE + ${1#app})); }
live_available() { [[ -f $BACKEND/vitrin/asgi.py && -x $VENV_BIN/uvicorn ]]; }

# --- What must be installed --------------------------------------------------------------------
require_tools() {
    local -A needed=(
        [nginx]=nginx [pgbouncer]=pgbouncer [prometheus]=prometheus [promtool]=prometheus
        [prometheus-postgres-exporter]=prometheus-postgres-exporter
        [prometheus-redis-exporter]=prometheus-redis-exporter [redis-server]=redis-server
        [redis-cli]=redis-tools [rabbitmqctl]=rabbitmq-server [openssl]=openssl [curl]=curl
        [pg_isready]=postgresql-client [psql]=postgresql-client [runuser]=util-linux
    )
    local tool missing=()
    for tool in "${!needed[@]}"; do command -v "$tool" >/dev/null || missing+=("${needed[$tool]}"); done
    [[ -x $PG_BIN/initdb ]] || missing+=(postgresql-15)
    if ((${#missing[@]})); then
        mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
        local line="apt-get update && apt-get install -y ${missing[*]}"
        ((EUID == 0)) || die "missing packages; install them with: sudo sh -c '$line'"
        say "installing ${missing[*]} (their system services are not started)"
        # The packages' own services would take the ports of the stack's parts: policy-rc.d
        # forbids starting them while they are installed (unless the machine already has one).
        local policy=/usr/sbin/policy-rc.d own_policy=0
        if [[ ! -e $policy ]]; then
            printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && own_policy=1
        fi
        local status=0
        DEBIAN_FRONTEND=noninteractive sh -c "$line" >"$STACK_DIR/apt.log" 2>&1 || status=$?
        ((own_policy)) && rm -f "$policy"
        ((status == 0)) || die "apt-get failed ($STACK_DIR/apt.log): $(tail -n 3 "$STACK_DIR/apt.log")"
    fi
    local program
    for program in gunicorn celery moto_server python; do
        [[ -x $VENV_BIN/$program ]] || die "$VENV_BIN/$program is missing: run 'make backend-deps' first."
    done
}

# --- Processes the stack starts ----------------------------------------------------------------
# A pid file holds the pid and the process's start time, so a pid reused by another process is
# never taken for the part.
start_time_of() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    # shellcheck disable=SC2086 # fields of /proc/<pid>/stat after the command name
    set -- $stat
    [[ $1 != Z ]] && echo "${20}" # a zombie has exited: init has not reaped it yet
}
record_pid() { echo "$2 $(start_time_of "$2")" >"$RUN_DIR/$1.pid"; }
pid_of() { # the part's live pid, or nothing (status 1)
    local file=$RUN_DIR/$1.pid pid started
    [[ -f $file ]] || return 1
    read -r pid started <"$file"
    [[ -n $pid && "$(start_time_of "$pid")" == "$started" ]] && echo "$pid"
}

# Starts a command as the leader of its own process group (so stop and kill reach its children),
# output appended to logs/<part>.log after the previous run's log is kept as <part>.log.1.
spawn() {
    local part=$1
    shift
    [[ -f $LOG_DIR/$part.log ]] && mv -f "$LOG_DIR/$part.log" "$LOG_DIR/$part.log.1"
    setsid "$@" >>"$LOG_DIR/$part.log" 2>&1 </dev/null 9>&- &
    record_pid "$part" $!
}

# Any process of the group still alive? (An exited one stays a zombie until init reaps it.)
group_alive() { ps -e -o pgid=,stat= | awk -v group="$1" '$1 == group && $2 !~ /^Z/ { found = 1 } END { exit !found }'; }

# Signals a spawned part's whole process group; with TERM, waits up to $3 s, then KILLs.
signal_group() {
    local part=$1 signal=$2 grace=${3:-30} pid
    pid=$(pid_of "$part") || {
        rm -f "$RUN_DIR/$part.pid"
        return 0
    }
    kill -"$signal" -- "-$pid" 2>/dev/null || kill -"$signal" "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + grace))
    while group_alive "$pid"; do
        if ((SECONDS >= deadline)); then
            say "$part did not stop within $grace s: killing it"
            kill -KILL -- "-$pid" 2>/dev/null || true
        fi
        sleep 0.1
    done
    rm -f "$RUN_DIR/$part.pid"
}

tcp_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }
http_ok() { curl -fsS -o /dev/null --max-time 2 "$@" 2>/dev/null; }

# --- Secrets and the app's environment ----------------------------------------------------------
secret() { # generated once, kept in .stack/secrets
    local file=$STACK_DIR/secrets/$1
    if [[ ! -s $file ]]; then
        mkdir -p "$STACK_DIR/secrets" && chmod 700 "$STACK_DIR/secrets"
        (umask 077 && openssl rand -hex "$2" >"$file")
    fi
    cat "$file"
}

APP_ENV=()
load_app_env() {
    ((${#APP_ENV[@]})) && return
    local direct="postgres://vitrin@127.0.0.1:$PG_PRIMARY_PORT/vitrin"
    local database=$direct pooler=()
    if [[ $STACK_DB_POOLER == pgbouncer ]]; then
        database="postgres://vitrin@127.0.0.1:$PGBOUNCER_PORT/vitrin"
        pooler=(DATABASE_POOLER=pgbouncer)
    elif [[ $STACK_DB_POOLER != direct ]]; then
        die "STACK_DB_POOLER is '$STACK_DB_POOLER': it must be direct or pgbouncer."
    fi
    # shellcheck disable=SC2054 # commas inside values (lists of hosts), not between elements
    APP_ENV=(
        PATH="$VENV_BIN:/usr/local/bin:/usr/bin:/bin" HOME="${HOME:-/root}" LANG=C.UTF-8
        STACK_DIR="$STACK_DIR" STACK_APP_SERVERS="$STACK_APP_SERVERS" GUNICORN_WORKERS="$STACK_GUNICORN_WORKERS"
        GUNICORN_THREADS="$STACK_GUNICORN_THREADS"
        DJANGO_ENV=production
        DJANGO_SECRET_KEY="$(secret django_secret_key 40)"
        JWT_SIGNING_KEY="$(secret jwt_signing_key 32)"
        DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
        DJANGO_CSRF_TRUSTED_ORIGINS="$BASE_URL,https://localhost:$HTTPS_PORT"
        FRONTEND_URL="$BASE_URL"
        ADMIN_URL="$ADMIN_URL"
        DATABASE_URL="$database" "${pooler[@]}"
        DATABASE_PRIMARY_DIRECT_URL="$direct"
        DATABASE_REPLICA_URL="postgres://vitrin@127.0.0.1:$PG_REPLICA_PORT/vitrin"
        REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
        LIVE_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
        CELERY_BROKER_URL="amqp://guest:guest@127.0.0.1:$RABBITMQ_PORT/$RABBITMQ_VHOST"
        CELERY_METRICS_PORT="$WORKER_METRICS_PORT"
        AWS_STORAGE_BUCKET_NAME="$S3_BUCKET"
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:$S3_PORT"
        AWS_S3_REGION_NAME=us-east-1
        AWS_ACCESS_KEY_ID=vitrin-stack
        AWS_SECRET_ACCESS_KEY=vitrin-stack
        # Object URLs name nginx's /media/ (the bucket, proxied), on the site's HTTPS origin.
        AWS_S3_CUSTOM_DOMAIN="127.0.0.1:$HTTPS_PORT/media"
        TRUSTED_PROXY_COUNT=1
        METRICS_ENABLED=true
        STATIC_ROOT="$STACK_DIR/static"
        FRONTEND_DIST_DIR="$STACK_DIR/web"
        EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend
        EMAIL_FILE_PATH="$STACK_DIR/mail"
        UPLOAD_MAX_BYTES="$UPLOAD_MAX_BYTES"
    )
}

part_env() { # what one part adds to the app's environment
    if is_app "$1"; then
        echo "PROMETHEUS_MULTIPROC_DIR=$RUN_DIR/metrics/$1"
        echo "METRICS_PORT=$(app_metrics_port "$1")"
    elif [[ $1 == worker ]]; then
        echo "PROMETHEUS_MULTIPROC_DIR=$RUN_DIR/metrics/worker"
    fi
}

# A Vitrin program (cwd backend/) with the app's environment and any NAME=value arguments first:
# vitrin_command sets VITRIN_COMMAND (for spawn), vitrin_env runs it.
VITRIN_COMMAND=()
vitrin_command() {
    load_app_env
    VITRIN_COMMAND=(env -i -C "$BACKEND" "${APP_ENV[@]}" "$@")
}
vitrin_env() {
    vitrin_command "$@"
    "${VITRIN_COMMAND[@]}"
}

# --- PostgreSQL ---------------------------------------------------------------------------------
as_postgres() { runuser -u postgres -- "$@"; }
pg_data() { [[ $1 == pg-primary ]] && echo "$PG_DIR/primary" || echo "$PG_DIR/replica"; }
pg_port() { [[ $1 == pg-primary ]] && echo "$PG_PRIMARY_PORT" || echo "$PG_REPLICA_PORT"; }
postmaster_pid() {
    local file pid
    file=$(pg_data "$1")/postmaster.pid
    [[ -f $file ]] || return 1
    read -r pid <"$file"
    [[ -n $pid ]] && start_time_of "$pid" >/dev/null && echo "$pid"
}
psql_primary() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U postgres "$@"; }

pg_init_primary() {
    local data=$PG_DIR/primary
    [[ -f $data/PG_VERSION ]] && return
    mkdir -p "$PG_DIR" && chown postgres:postgres "$PG_DIR" && chmod 700 "$PG_DIR"
    say "pg-primary: initdb in $data"
    as_postgres "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$LOG_DIR/initdb.log" 2>&1 || die "initdb failed: $LOG_DIR/initdb.log"
    # Read by the replica too (pg_basebackup copies it), which then sets its own port.
    cat >>"$data/postgresql.conf" <<EOF

# make stack (infra/stack/stack.sh)
listen_addresses = '127.0.0.1'
port = $PG_PRIMARY_PORT
unix_socket_directories = '$PG_DIR'
max_connections = 200
wal_level = replica
max_wal_senders = 10
# A stopped replica catches up from what the primary kept when it returns.
wal_keep_size = '1GB'
hot_standby = on
hot_standby_feedback = on
timezone = 'UTC'
log_timezone = 'UTC'
EOF
}

pg_init_replica() {
    local data=$PG_DIR/replica
    [[ -f $data/PG_VERSION ]] && return
    postmaster_pid pg-primary >/dev/null || die "pg-replica is made from pg-primary, which is not running."
    say "pg-replica: pg_basebackup -R from pg-primary"
    as_postgres pg_basebackup -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U postgres -D "$data" -R -X stream -c fast \
        >"$LOG_DIR/basebackup.log" 2>&1 || die "pg_basebackup failed: $LOG_DIR/basebackup.log"
    printf '\nport = %s\n' "$PG_REPLICA_PORT" >>"$data/postgresql.conf"
}

pg_start() {
    local part=$1 data log
    data=$(pg_data "$part")
    log=$PG_DIR/$part.log
    [[ -f $log ]] || install -o postgres -g postgres -m 644 /dev/null "$log"
    ln -sfn "$log" "$LOG_DIR/$part.log"
    # pg_ctl makes the postmaster a process-group leader, detached from this script.
    as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null 9>&- ||
        die "$part did not start; see $log"
}

pg_ensure_database() {
    psql_primary -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'vitrin'" | grep -q 1 ||
        psql_primary -c "CREATE ROLE vitrin LOGIN"
    psql_primary -tAc "SELECT 1 FROM pg_database WHERE datname = 'vitrin'" | grep -q 1 ||
        psql_primary -c "CREATE DATABASE vitrin OWNER vitrin"
}

start_pgbouncer() {
    local dir=$STACK_DIR/pgbouncer
    mkdir -p "$dir"
    printf '"vitrin" ""\n"postgres" ""\n' >"$dir/userlist.txt"
    cat >"$dir/pgbouncer.ini" <<EOF
; pgbouncer of make stack (rendered by infra/stack/stack.sh): transaction pooling in front of
; pg-primary, for loopback clients only (no passwords: the clusters trust loopback too).
[databases]
vitrin = host=127.0.0.1 port=$PG_PRIMARY_PORT dbname=vitrin

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGBOUNCER_PORT
unix_socket_dir =
auth_type = trust
auth_file = $dir/userlist.txt
admin_users = postgres
stats_users = postgres
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 20
reserve_pool_size = 5
server_reset_query =
ignore_startup_parameters = extra_float_digits
EOF
    # pgbouncer refuses to run as root.
    spawn pgbouncer runuser -u postgres -- pgbouncer "$dir/pgbouncer.ini"
}

# --- RabbitMQ (the machine's) -------------------------------------------------------------------
start_rabbitmq() {
    if rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
        say "rabbitmq: the node runs, its application does not: rabbitmqctl start_app"
        rabbitmqctl -q start_app
    else
        say "rabbitmq: not running; rabbitmq-server -detached"
        rabbitmq-server -detached 9>&-
        touch "$RUN_DIR/rabbitmq.started-by-stack"
    fi
    rm -f "$RUN_DIR/rabbitmq.app-stopped-by-stack"
}

rabbitmq_ensure_vhost() {
    [[ -f $RUN_DIR/rabbitmq.vhost ]] && return
    rabbitmqctl -q list_vhosts | grep -qx "$RABBITMQ_VHOST" || rabbitmqctl -q add_vhost "$RABBITMQ_VHOST"
    rabbitmqctl -q set_permissions -p "$RABBITMQ_VHOST" guest ".*" ".*" ".*"
    touch "$RUN_DIR/rabbitmq.vhost"
}

# --- S3 (moto) ----------------------------------------------------------------------------------
# moto keeps objects in memory; its recorder appends every request to a file, and replaying the
# writes of that file after a restart brings the bucket back as it was.
S3_RECORDING=$STACK_DIR/s3/requests.jsonl
S3_WRITES_TO_REPLAY=0
start_s3() {
    mkdir -p "$STACK_DIR/s3"
    touch "$S3_RECORDING"
    # Reads change nothing: only the writes are worth replaying.
    "$VENV_BIN/python" - "$S3_RECORDING" <<'EOF'
import json, os, sys
path = sys.argv[1]
with open(path) as recording:
    writes = [line for line in recording if line.strip() and json.loads(line)["method"] not in ("GET", "HEAD")]
with open(path + ".tmp", "w") as compacted:
    compacted.writelines(writes)
os.replace(path + ".tmp", path)
EOF
    S3_WRITES_TO_REPLAY=$(wc -l <"$S3_RECORDING")
    spawn s3 env MOTO_ENABLE_RECORDING=true MOTO_RECORDER_FILEPATH="$S3_RECORDING" \
        "$VENV_BIN/moto_server" -H 127.0.0.1 -p "$S3_PORT"
}

s3_ready() {
    if ((S3_WRITES_TO_REPLAY)); then
        curl -fsS -o /dev/null -X POST "http://127.0.0.1:$S3_PORT/moto-api/recorder/replay-recording" ||
            die "s3: replaying $S3_RECORDING failed"
        say "s3: $S3_WRITES_TO_REPLAY stored writes replayed"
        S3_WRITES_TO_REPLAY=0
    fi
    vitrin_env python - <<'EOF'
import json
import os

import boto3
from botocore.exceptions import ClientError

s3 = boto3.client(
    "s3",
    endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"],
    region_name=os.environ["AWS_S3_REGION_NAME"],
    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
    aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
)
bucket = os.environ["AWS_STORAGE_BUCKET_NAME"]
try:
    s3.head_bucket(Bucket=bucket)
except ClientError:
    s3.create_bucket(Bucket=bucket)
    print(f"stack: s3: bucket {bucket} created")
# Uploads are public images (the app stores them without ACLs): anyone may read an object,
# as a bucket behind a CDN allows; nothing else is allowed without credentials.
policy = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "PublicRead",
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{bucket}/*",
        }
    ],
}
s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))
EOF
}

# --- Vitrin's processes -------------------------------------------------------------------------
PREPARED=0
prepare_app() { # the database schema, static files, the web app and the demo data
    ((PREPARED)) && return
    local started
    started=$(now)
    if [[ ! -f $REPO/frontend/dist/index.html && -f $REPO/frontend/package.json ]]; then
        say "building the web app (make web)"
        flock /tmp/vitrin-web.lock make -C "$REPO" --no-print-directory web
    fi
    load_app_env
    local direct=(DATABASE_URL="postgres://vitrin@127.0.0.1:$PG_PRIMARY_PORT/vitrin" DATABASE_POOLER=)
    vitrin_env "${direct[@]}" python manage.py migrate --no-input -v0 || die "migrate failed"
    say "migrate done at $(elapsed_since "$started") s"
    # The stack serves a copy of the built web app (its index.html and, collected, its assets), so
    # a rebuild of frontend/dist never leaves a page naming assets the stack does not have. Taken
    # under a shared hold of the build's lock: frontend/dist does not change while it is copied.
    if [[ -d $REPO/frontend/dist ]]; then
        rm -rf "$STACK_DIR/web.new"
        flock -s /tmp/vitrin-web.lock cp -a "$REPO/frontend/dist" "$STACK_DIR/web.new"
        rm -rf "$STACK_DIR/web" && mv "$STACK_DIR/web.new" "$STACK_DIR/web"
    fi
    vitrin_env python manage.py collectstatic --no-input -v0 || die "collectstatic failed"
    say "web app copied and collectstatic done at $(elapsed_since "$started") s"
    # seed_demo refuses DJANGO_ENV=production (demo accounts share a published password), so it
    # runs with the development settings against the same database, cache and bucket; tasks run
    # inline there (no broker), reads go to the primary (no replica).
    vitrin_env "${direct[@]}" DJANGO_ENV=development DJANGO_DEBUG=false CELERY_BROKER_URL= DATABASE_REPLICA_URL= \
        python manage.py seed_demo || die "seed_demo failed"
    say "prepared (migrate, web app, collectstatic, seed_demo) in $(elapsed_since "$started") s"
    PREPARED=1
}

start_app() {
    local part=$1 metrics_dir=$RUN_DIR/metrics/$1
    # Samples of a previous run's workers would be summed with the new ones.
    rm -rf "$metrics_dir" && mkdir -p "$metrics_dir"
    mkdir -p "$STACK_DIR/mail"
    # shellcheck disable=SC2046 # part_env prints NAME=value words
    vitrin_command $(part_env "$part") gunicorn --config "$REPO/infra/gunicorn.conf.py" \
        --bind "127.0.0.1:$(app_port "$part")" --workers "$STACK_GUNICORN_WORKERS" \
        --threads "$STACK_GUNICORN_THREADS" vitrin.wsgi:application
    spawn "$part" "${VITRIN_COMMAND[@]}"
}

start_live() {
    vitrin_command uvicorn vitrin.asgi:application --host 127.0.0.1 --port "$LIVE_PORT" \
        --proxy-headers --forwarded-allow-ips 127.0.0.1 --no-access-log --timeout-graceful-shutdown 5
    spawn live "${VITRIN_COMMAND[@]}"
}

start_worker() {
    rm -rf "$RUN_DIR/metrics/worker" && mkdir -p "$RUN_DIR/metrics/worker" "$STACK_DIR/mail"
    # shellcheck disable=SC2046
    vitrin_command $(part_env worker) celery -A vitrin worker --loglevel=INFO --concurrency=2 \
        --hostname=worker@%h
    spawn worker "${VITRIN_COMMAND[@]}"
}

start_beat() {
    mkdir -p "$STACK_DIR/beat"
    vitrin_command celery -A vitrin beat --loglevel=INFO --schedule="$STACK_DIR/beat/schedule" \
        --pidfile="$STACK_DIR/beat/beat.pid"
    spawn beat "${VITRIN_COMMAND[@]}"
}

# --- nginx --------------------------------------------------------------------------------------
# Fills @NAME@ placeholders of a template from NAME=value arguments.
render() {
    local text pair
    text=$(<"$1")
    shift
    for pair in "$@"; do text=${text//@${pair%%=*}@/${pair#*=}}; done
    [[ $text =~ @[A-Z_]+@ ]] && die "unfilled placeholder ${BASH_REMATCH[0]} in the rendering"
    printf '%s\n' "$text"
}

render_nginx() { # into $1
    local out=$1 servers="" part microcache microcache_http
    for part in "${APPS[@]}"; do
        servers+="        server 127.0.0.1:$(app_port "$part") max_fails=1 fail_timeout=5s;"$'\n'
    done
    # The micro-cache of anonymous public answers (infra/nginx/microcache*.conf), when present.
    if [[ -f $REPO/infra/nginx/microcache.conf && -f $REPO/infra/nginx/microcache-http.conf ]]; then
        microcache_http="    include $REPO/infra/nginx/microcache-http.conf;"
        microcache="            include $REPO/infra/nginx/microcache.conf;"$'\n'
        microcache+="            include $NGINX_DIR/headers.conf;"
    else
        microcache_http="    # (no micro-cache: infra/nginx/microcache.conf is absent)"
        microcache="            # (no micro-cache)"
    fi
    render "$HERE/nginx-headers.conf" REPO="$REPO" >"$NGINX_DIR/headers.conf"
    render "$HERE/nginx.conf" RUN_DIR="$RUN_DIR" LOG_DIR="$LOG_DIR" NGINX_DIR="$NGINX_DIR" \
        STACK_DIR="$STACK_DIR" APP_SERVERS="${servers%$'\n'}" LIVE_PORT="$LIVE_PORT" S3_PORT="$S3_PORT" \
        S3_BUCKET="$S3_BUCKET" HTTP_PORT="$HTTP_PORT" HTTPS_PORT="$HTTPS_PORT" \
        CLIENT_MAX_BODY_SIZE=$((UPLOAD_MAX_BYTES + 1048576)) UPLOAD_MAX_MB=$((UPLOAD_MAX_BYTES / 1048576)) \
        ADMIN_URL="${ADMIN_URL%/}/" MICROCACHE_HTTP="$microcache_http" MICROCACHE="$microcache" >"$out"
}

nginx_cmd() { nginx -p "$NGINX_DIR/" -c "$NGINX_DIR/nginx.conf" -e "$LOG_DIR/nginx-error.log" "$@"; }

nginx_prepare() {
    mkdir -p "$NGINX_DIR/tmp" "$NGINX_DIR/tls"
    if [[ ! -s $NGINX_DIR/tls/cert.pem ]]; then
        openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=127.0.0.1" \
            -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
            -keyout "$NGINX_DIR/tls/key.pem" -out "$NGINX_DIR/tls/cert.pem" 2>/dev/null
        chmod 600 "$NGINX_DIR/tls/key.pem"
    fi
    render_nginx "$NGINX_DIR/nginx.conf.new"
    mv -f "$NGINX_DIR/nginx.conf.new" "$NGINX_DIR/nginx.conf"
    nginx_cmd -t -q || die "nginx -t refused $NGINX_DIR/nginx.conf"
}

start_nginx() { spawn nginx nginx -p "$NGINX_DIR/" -c "$NGINX_DIR/nginx.conf" -e "$LOG_DIR/nginx-error.log" -g 'daemon off;'; }

# A running nginx picks up a changed configuration (say, the micro-cache file appeared).
nginx_refresh() {
    local current
    current=$(cat "$NGINX_DIR/nginx.conf" 2>/dev/null || true)
    nginx_prepare
    if [[ $current != "$(cat "$NGINX_DIR/nginx.conf")" ]]; then
        nginx_cmd -s reload && say "nginx: configuration changed, reloaded"
    fi
}

# --- Prometheus and exporters -------------------------------------------------------------------
start_prometheus() {
    local dir=$STACK_DIR/prometheus targets="" part
    mkdir -p "$dir/data"
    for part in "${APPS[@]}"; do
        targets+="      - targets: [\"127.0.0.1:$(app_metrics_port "$part")\"]"$'\n'
        targets+="        labels: {part: $part}"$'\n'
    done
    render "$HERE/prometheus.yml" REPO="$REPO" APP_TARGETS="${targets%$'\n'}" \
        WORKER_METRICS_PORT="$WORKER_METRICS_PORT" REDIS_EXPORTER_PORT="$REDIS_EXPORTER_PORT" \
        PG_EXPORTER_PORT="$PG_EXPORTER_PORT" PROMETHEUS_PORT="$PROMETHEUS_PORT" >"$dir/prometheus.yml"
    promtool check rules "$REPO/infra/monitoring/alerts.yml" >"$LOG_DIR/promtool.log" 2>&1 ||
        die "promtool check rules failed: $(cat "$LOG_DIR/promtool.log")"
    promtool check config "$dir/prometheus.yml" >>"$LOG_DIR/promtool.log" 2>&1 ||
        die "promtool check config failed: $(cat "$LOG_DIR/promtool.log")"
    spawn prometheus prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
        --storage.tsdb.retention.time=7d --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" --web.enable-lifecycle
}

start_pg_exporter() {
    spawn pg-exporter env \
        DATA_SOURCE_NAME="postgresql://postgres@127.0.0.1:$PG_PRIMARY_PORT/postgres?sslmode=disable" \
        prometheus-postgres-exporter --web.listen-address="127.0.0.1:$PG_EXPORTER_PORT"
}

start_redis_exporter() {
    spawn redis-exporter prometheus-redis-exporter -redis.addr="redis://127.0.0.1:$REDIS_PORT" \
        -web.listen-address="127.0.0.1:$REDIS_EXPORTER_PORT"
}

start_redis() {
    mkdir -p "$STACK_DIR/redis"
    # Append-only file: buffered page views, sign-in pins and rate-limit counters survive a
    # restart of Redis (written every second; the drills restart it).
    spawn redis redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$STACK_DIR/redis" \
        --appendonly yes --appendfsync everysec --save '' --daemonize no --logfile ''
}

# --- Parts: address, probe, start, stop ---------------------------------------------------------
address_of() {
    case $1 in
    nginx) echo "$BASE_URL (http :$HTTP_PORT)" ;;
    app*) echo "127.0.0.1:$(app_port "$1") (metrics :$(app_metrics_port "$1"))" ;;
    live) echo "127.0.0.1:$LIVE_PORT" ;;
    pg-primary) echo "127.0.0.1:$PG_PRIMARY_PORT" ;;
    pg-replica) echo "127.0.0.1:$PG_REPLICA_PORT" ;;
    pgbouncer) echo "127.0.0.1:$PGBOUNCER_PORT" ;;
    redis) echo "127.0.0.1:$REDIS_PORT" ;;
    rabbitmq) echo "127.0.0.1:$RABBITMQ_PORT (vhost $RABBITMQ_VHOST)" ;;
    worker) echo "metrics :$WORKER_METRICS_PORT" ;;
    beat) echo "-" ;;
    s3) echo "http://127.0.0.1:$S3_PORT (bucket $S3_BUCKET)" ;;
    prometheus) echo "http://127.0.0.1:$PROMETHEUS_PORT" ;;
    pg-exporter) echo "127.0.0.1:$PG_EXPORTER_PORT" ;;
    redis-exporter) echo "127.0.0.1:$REDIS_EXPORTER_PORT" ;;
    esac
}

# Does the part answer on its port (or, for the Celery processes, report itself ready)?
answers() {
    case $1 in
    nginx) http_ok -k "$BASE_URL/nginx-health" ;;
    app*) http_ok -H "X-Forwarded-Proto: https" "http://127.0.0.1:$(app_port "$1")/api/health/" ;;
    live) http_ok -H "X-Forwarded-Proto: https" "http://127.0.0.1:$LIVE_PORT/api/health/" ;;
    pg-primary | pg-replica) pg_isready -q -h 127.0.0.1 -p "$(pg_port "$1")" -t 2 ;;
    pgbouncer) tcp_open "$PGBOUNCER_PORT" ;;
    redis) [[ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]] ;;
    rabbitmq) tcp_open "$RABBITMQ_PORT" ;;
    worker) http_ok "http://127.0.0.1:$WORKER_METRICS_PORT/metrics" ||
        { pid_of worker >/dev/null && grep -q ' ready\.' "$LOG_DIR/worker.log" 2>/dev/null; } ;;
    beat) pid_of beat >/dev/null && grep -q 'beat: Starting' "$LOG_DIR/beat.log" 2>/dev/null ;;
    s3) http_ok "http://127.0.0.1:$S3_PORT/" ;;
    prometheus) http_ok "http://127.0.0.1:$PROMETHEUS_PORT/-/ready" ;;
    pg-exporter) http_ok "http://127.0.0.1:$PG_EXPORTER_PORT/metrics" ;;
    redis-exporter) http_ok "http://127.0.0.1:$REDIS_EXPORTER_PORT/metrics" ;;
    esac
}

# Is the process behind the part the stack's own? (Something else on its port is not.)
running() {
    case $1 in
    pg-primary | pg-replica) postmaster_pid "$1" >/dev/null ;;
    rabbitmq) tcp_open "$RABBITMQ_PORT" ;;
    *) pid_of "$1" >/dev/null ;;
    esac
}

pid_label() {
    local pid
    case $1 in
    pg-primary | pg-replica) pid=$(postmaster_pid "$1") || return 0 ;;
    rabbitmq) return 0 ;;
    *) pid=$(pid_of "$1") || return 0 ;;
    esac
    echo " (pid $pid)"
}

wait_until_answers() {
    local part=$1 limit=${2:-60} deadline
    deadline=$((SECONDS + limit))
    until answers "$part"; do
        if ! running "$part" && [[ $part != rabbitmq ]]; then
            say "$part exited; the end of its log ($LOG_DIR/$part.log):"
            tail -n 25 "$LOG_DIR/$part.log" >&2 || true
            return 1
        fi
        if ((SECONDS >= deadline)); then
            say "$part did not answer within $limit s; the end of its log ($LOG_DIR/$part.log):"
            tail -n 25 "$LOG_DIR/$part.log" >&2 || true
            return 1
        fi
        sleep 0.2
    done
}

wait_until_silent() {
    local part=$1 limit=${2:-30} deadline
    deadline=$((SECONDS + limit))
    while answers "$part"; do
        ((SECONDS < deadline)) || die "$part still answers after $limit s"
        sleep 0.2
    done
}

start_part() {
    local part=$1 started
    known_part "$part" || die "unknown part '$part'; the parts: ${PARTS[*]}"
    if [[ $part == live ]] && ! live_available; then
        say "live: skipped (needs backend/vitrin/asgi.py and uvicorn in the venv)"
        return 0
    fi
    if answers "$part"; then
        running "$part" ||
            die "$part: port of $(address_of "$part") answers, but not a process of this stack; free it first."
        [[ $part == rabbitmq ]] && rabbitmq_ensure_vhost
        [[ $part == nginx ]] && nginx_refresh
        return 0
    fi
    started=$(now)
    if running "$part"; then
        say "$part: running but not answering yet; waiting"
    else
        case $part in
        pg-primary) pg_init_primary && pg_start pg-primary ;;
        pg-replica) pg_init_replica && pg_start pg-replica ;;
        pgbouncer) start_pgbouncer ;;
        redis) start_redis ;;
        rabbitmq) start_rabbitmq ;;
        s3) start_s3 ;;
        app*) start_app "$part" ;;
        live) start_live ;;
        worker) start_worker ;;
        beat) start_beat ;;
        nginx) nginx_prepare && start_nginx ;;
        prometheus) start_prometheus ;;
        pg-exporter) start_pg_exporter ;;
        redis-exporter) start_redis_exporter ;;
        esac
    fi
    local limit=60
    [[ $part == rabbitmq ]] && limit=120
    wait_until_answers "$part" "$limit" || die "$part failed to start"
    case $part in
    pg-primary) pg_ensure_database ;;
    rabbitmq) rabbitmq_ensure_vhost ;;
    s3) s3_ready ;;
    esac
    say "$part: up in $(elapsed_since "$started") s"
}

stop_part() {
    local part=$1
    known_part "$part" || die "unknown part '$part'; the parts: ${PARTS[*]}"
    case $part in
    pg-primary | pg-replica)
        if postmaster_pid "$part" >/dev/null; then
            as_postgres "$PG_BIN/pg_ctl" -D "$(pg_data "$part")" -m fast -w -t 30 stop >/dev/null
        fi
        ;;
    rabbitmq)
        # The machine's broker: its application stops, the node (and other vhosts' users) stay.
        if tcp_open "$RABBITMQ_PORT"; then
            rabbitmqctl -q stop_app
            touch "$RUN_DIR/rabbitmq.app-stopped-by-stack"
        fi
        ;;
    worker) signal_group worker TERM 60 ;; # warm shutdown: running tasks finish
    *) signal_group "$part" TERM 30 ;;
    esac
    wait_until_silent "$part"
}

kill_part() {
    local part=$1 pid
    known_part "$part" || die "unknown part '$part'; the parts: ${PARTS[*]}"
    case $part in
    pg-primary | pg-replica)
        pid=$(postmaster_pid "$part") && kill -KILL -- "-$pid" 2>/dev/null
        ;;
    rabbitmq)
        say "rabbitmq is the machine's broker: 'kill' stops its application as 'stop' does"
        stop_part rabbitmq
        ;;
    *) signal_group "$part" KILL 10 ;;
    esac
    wait_until_silent "$part" 10
}

# --- Commands -----------------------------------------------------------------------------------
status_table() { # exit status 0 when every part answers
    local part state all=0
    printf '%-15s %-45s %s\n' PART ADDRESS STATUS
    for part in "${PARTS[@]}"; do
        if [[ $part == live ]] && ! live_available; then
            state="skipped (no backend/vitrin/asgi.py or uvicorn)"
        elif answers "$part"; then
            state="up$(pid_label "$part")"
            running "$part" || {
                state="NOT OURS (another process answers on this port)"
                all=1
            }
        elif running "$part"; then
            state="STARTING / NOT ANSWERING$(pid_label "$part")"
            all=1
        else
            state="DOWN"
            all=1
        fi
        printf '%-15s %-45s %s\n' "$part" "$(address_of "$part")" "$state"
    done
    return $all
}

cmd_up() {
    local started part
    started=$(now)
    mkdir -p "$STACK_DIR"
    require_tools
    for part in "${PARTS[@]}"; do
        case $part in
        app* | live | worker | beat)
            # The schema and the demo data before the first Vitrin process starts.
            answers "$part" || prepare_app
            ;;
        esac
        start_part "$part"
    done
    say "up in $(elapsed_since "$started") s; $BASE_URL/ (self-signed certificate)"
    status_table
}

cmd_down() {
    local index part
    for ((index = ${#PARTS[@]} - 1; index >= 0; index--)); do
        part=${PARTS[index]}
        [[ $part == rabbitmq ]] && continue
        if running "$part"; then
            stop_part "$part"
            say "$part: stopped"
        fi
    done
    # The machine's RabbitMQ: back as it was found.
    if [[ -f $RUN_DIR/rabbitmq.started-by-stack ]]; then
        rabbitmqctl -q stop && rm -f "$RUN_DIR/rabbitmq.started-by-stack" && say "rabbitmq: stopped"
    elif [[ -f $RUN_DIR/rabbitmq.app-stopped-by-stack ]]; then
        rabbitmqctl -q start_app && rm -f "$RUN_DIR/rabbitmq.app-stopped-by-stack" &&
            say "rabbitmq: application started again (it was stopped by the stack)"
    fi
    rm -f "$RUN_DIR/rabbitmq.vhost"
}

cmd_env() {
    load_app_env
    local pair
    for pair in "${APP_ENV[@]}"; do
        case ${pair%%=*} in PATH | HOME | LANG) continue ;; esac
        printf 'export %s=%q\n' "${pair%%=*}" "${pair#*=}"
    done
    if [[ -n ${1:-} ]]; then
        known_part "$1" || die "unknown part '$1'; the parts: ${PARTS[*]}"
        while IFS= read -r pair; do printf 'export %s=%q\n' "${pair%%=*}" "${pair#*=}"; done < <(part_env "$1")
    else
        echo "# Per app server: PROMETHEUS_MULTIPROC_DIR=$RUN_DIR/metrics/appN, METRICS_PORT=$((APP_METRICS_PORT_BASE))+N (stack.sh env appN)"
    fi
}

main() {
    local command=${1:-}
    mkdir -p "$STACK_DIR" "$RUN_DIR" "$LOG_DIR"
    if [[ $command != status && $command != env ]]; then
        # One command changes the stack at a time (a second `up` waits for the first). The parts
        # started here never inherit this descriptor (9>&- above), or they would hold the lock.
        exec 9>"$RUN_DIR/stack.lock"
        flock -w 600 9 || die "another stack.sh command has held $RUN_DIR/stack.lock for 10 minutes"
    fi
    case $command in
    up) cmd_up ;;
    down) cmd_down ;;
    status) status_table ;;
    env) cmd_env "${2:-}" ;;
    start | stop | restart | kill)
        [[ -n ${2:-} ]] || die "usage: stack.sh $command <part>; the parts: ${PARTS[*]}"
        case $command in
        start) start_part "$2" ;;
        stop) stop_part "$2" && say "$2: stopped" ;;
        restart) stop_part "$2" && start_part "$2" ;;
        kill) kill_part "$2" && say "$2: killed" ;;
        esac
        ;;
    *) die "usage: stack.sh up|down|status|env [part]|start|stop|restart|kill <part>" ;;
    esac
}

main "$@"
