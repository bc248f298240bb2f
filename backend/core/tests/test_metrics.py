"""Prometheus metrics at /metrics (django-prometheus), outside the API and the web app.

The counters live in the process and grow across the whole test run, so each test compares
a sample before and after what it does."""

import pytest
from django.conf import settings
from django.db import connection
from prometheus_client.parser import text_string_to_metric_families
from rest_framework.test import APIClient

pytestmark = pytest.mark.skipif(not settings.METRICS_ENABLED, reason="METRICS_ENABLED is off: /metrics is not served.")

REQUESTS = "django_http_requests_total_by_view_transport_method_total"
QUERIES = "django_db_execute_total"


def _sample(client: APIClient, name: str, labels: dict[str, str]) -> float:
    body = client.get("/metrics").content.decode()
    for family in text_string_to_metric_families(body):
        for sample in family.samples:
            if sample.name == name and sample.labels == labels:
                return float(sample.value)
    return 0.0


@pytest.mark.django_db
def test_metrics_count_requests_in_prometheus_text(api_client: APIClient) -> None:
    health = {"method": "GET", "transport": "http", "view": "health"}
    before = _sample(api_client, REQUESTS, health)

    api_client.get("/api/health/")
    response = api_client.get("/metrics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    assert "# TYPE django_http_requests_total_by_method_total counter" in response.content.decode()
    assert _sample(api_client, REQUESTS, health) == before + 1


@pytest.mark.django_db
def test_metrics_count_database_queries(api_client: APIClient) -> None:
    database = {"alias": "default", "vendor": connection.vendor}
    before = _sample(api_client, QUERIES, database)

    api_client.get("/api/ready/")

    assert _sample(api_client, QUERIES, database) == before + 1


@pytest.mark.django_db
def test_metrics_path_is_not_the_web_app(api_client: APIClient) -> None:
    response = api_client.get("/metrics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; version=1.0.0; charset=utf-8"  # Prometheus text format
    assert b"# TYPE django_http_requests_total_by_method_total counter" in response.content
