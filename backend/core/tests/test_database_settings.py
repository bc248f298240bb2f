"""The database settings an operator chooses from the environment (vitrin/settings/base.py): a
read replica (DATABASE_REPLICA_URL), pgbouncer in front of the primary (DATABASE_POOLER), Django's
own connection pool (DATABASE_POOL). Without them nothing differs from a single database.

Each case loads the settings in a fresh interpreter, as a server would."""

import json
from typing import Any

from core.tests.test_production_settings import PRODUCTION, _load_settings

REPLICA_URL = "postgres://vitrin@replica.internal:5432/vitrin"
READ_YOUR_WRITES = "core.read_your_writes.ReadYourWritesMiddleware"
SHOW = (
    "import json; print(json.dumps({'databases': settings.DATABASES, 'routers': settings.DATABASE_ROUTERS,"
    " 'middleware': settings.MIDDLEWARE}, default=str))"
)


def loaded(environment: dict[str, str]) -> dict[str, Any]:
    result = _load_settings(environment, SHOW)
    assert result.returncode == 0, result.stderr
    settings: dict[str, Any] = json.loads(result.stdout)
    return settings


def test_without_a_replica_there_is_one_database_and_no_router() -> None:
    production = loaded(PRODUCTION)
    development = loaded({"METRICS_ENABLED": "false"})

    for settings in (production, development):
        assert list(settings["databases"]) == ["default"]
        assert settings["routers"] == []
        assert READ_YOUR_WRITES not in settings["middleware"]
    assert development["databases"]["default"]["ENGINE"] == "django.db.backends.sqlite3"


def test_a_replica_url_adds_the_replica_its_router_and_its_middleware() -> None:
    settings = loaded({**PRODUCTION, "DATABASE_REPLICA_URL": REPLICA_URL, "METRICS_ENABLED": "true"})

    replica = settings["databases"]["replica"]
    assert (replica["HOST"], replica["PORT"], replica["NAME"]) == ("replica.internal", 5432, "vitrin")
    assert replica["ENGINE"] == "django_prometheus.db.backends.postgresql"
    assert replica["OPTIONS"] == {"connect_timeout": 2}
    assert replica["TEST"] == {"MIRROR": "default"}
    assert settings["routers"] == ["core.db_router.PrimaryReplicaRouter"]
    # Inside every other middleware but the metrics' last one, so a retried view is all it re-runs.
    assert settings["middleware"][-2:] == [READ_YOUR_WRITES, "django_prometheus.middleware.PrometheusAfterMiddleware"]


def test_production_refuses_a_replica_that_is_not_postgresql() -> None:
    result = _load_settings({**PRODUCTION, "DATABASE_REPLICA_URL": "sqlite:///replica.sqlite3"})

    assert result.returncode == 1
    assert "DATABASE_REPLICA_URL must be a PostgreSQL URL" in result.stderr


def test_through_pgbouncer_the_primary_uses_no_server_side_cursor_nor_prepared_statement() -> None:
    settings = loaded({**PRODUCTION, "DATABASE_POOLER": "pgbouncer", "DATABASE_REPLICA_URL": REPLICA_URL})

    primary, replica = settings["databases"]["default"], settings["databases"]["replica"]
    assert primary["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert primary["OPTIONS"] == {"prepare_threshold": None}
    # The replica is reached directly.
    assert replica["DISABLE_SERVER_SIDE_CURSORS"] is False


def test_an_unknown_pooler_is_refused_by_name() -> None:
    result = _load_settings({**PRODUCTION, "DATABASE_POOLER": "pgpool"})

    assert result.returncode == 1
    assert 'DATABASE_POOLER must be "pgbouncer" or empty' in result.stderr


def test_django_s_pool_replaces_persistent_connections() -> None:
    settings = loaded({**PRODUCTION, "DATABASE_POOL": "true", "DATABASE_REPLICA_URL": REPLICA_URL})

    primary, replica = settings["databases"]["default"], settings["databases"]["replica"]
    assert primary["CONN_MAX_AGE"] == 0
    assert primary["OPTIONS"] == {"pool": {"min_size": 2, "max_size": 8, "timeout": 10}}
    assert replica["CONN_MAX_AGE"] == 0
    # Waiting for a replica that went away holds a request no longer than connecting to it would.
    assert replica["OPTIONS"] == {"connect_timeout": 2, "pool": {"min_size": 2, "max_size": 8, "timeout": 2}}
