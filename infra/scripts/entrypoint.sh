#!/bin/sh
# Entry point of the Vitrin image. The first argument is the role:
#   web      migrate (unless MIGRATE_ON_START=false), then serve with gunicorn
#   release  migrate, then publish the static files to STATIC_PUBLISH_DIR (nginx's volume)
#   worker   a Celery worker (sending task events, for the celery exporter)
#   beat     the Celery scheduler
#   dev      migrate, load the demo data once, then Django's development server
# Anything else is run as a command, e.g. `manage.py createsuperuser`.
set -eu

cd /app/backend

# prometheus_client writes each process's samples into PROMETHEUS_MULTIPROC_DIR, which must
# exist; only gunicorn's workers should write there (see /app/gunicorn.conf.py).
if [ -n "${PROMETHEUS_MULTIPROC_DIR:-}" ]; then
    mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
fi

reset_metrics_dir() {
    # The files describe live processes only: gunicorn starts with an empty directory.
    if [ -n "${PROMETHEUS_MULTIPROC_DIR:-}" ]; then
        rm -rf "${PROMETHEUS_MULTIPROC_DIR:?}"
        mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
    fi
}

migrate() {
    env -u PROMETHEUS_MULTIPROC_DIR python manage.py migrate --no-input
}

role="${1:-web}"
case "$role" in
    web)
        if [ "${MIGRATE_ON_START:-true}" != "false" ]; then
            migrate
        fi
        reset_metrics_dir
        exec gunicorn vitrin.wsgi:application --config /app/gunicorn.conf.py
        ;;
    release)
        migrate
        if [ -n "${STATIC_PUBLISH_DIR:-}" ]; then
            # Old hashed files stay, so pages cached in browsers still find their assets.
            cp -R "$STATIC_ROOT"/. "$STATIC_PUBLISH_DIR"/
            echo "Static files published to $STATIC_PUBLISH_DIR."
        fi
        ;;
    worker)
        unset PROMETHEUS_MULTIPROC_DIR
        exec celery --app vitrin worker --task-events --loglevel "${LOG_LEVEL:-INFO}" \
            --concurrency "${CELERY_WORKER_CONCURRENCY:-2}"
        ;;
    beat)
        unset PROMETHEUS_MULTIPROC_DIR
        exec celery --app vitrin beat --loglevel "${LOG_LEVEL:-INFO}" \
            --schedule "${VITRIN_VAR_DIR:-/app/var}/celerybeat-schedule"
        ;;
    dev)
        unset PROMETHEUS_MULTIPROC_DIR
        migrate
        python manage.py seed_demo
        exec python manage.py runserver 0.0.0.0:8000
        ;;
    *)
        exec "$@"
        ;;
esac
