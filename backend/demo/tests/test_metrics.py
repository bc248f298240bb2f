"""Prometheus metrics at /metrics (django-prometheus), outside the API and the web app."""

import pytest
from rest_framework.test import APIClient


@pytest.mark.django_db
def test_metrics_count_requests_in_prometheus_text(api_client: APIClient) -> None:
    api_client.get("/api/health/")

    response = api_client.get("/metrics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    body = response.content.decode()
    assert "# TYPE django_http_requests_total_by_view_transport_method_total counter" in body
    assert (
        'django_http_requests_total_by_view_transport_method_total{method="GET",transport="http",view="health"} 1.0'
        in body
    )
    assert 'django_http_requests_latency_seconds_by_view_method_bucket{le="0.005",method="GET",view="health"}' in body


@pytest.mark.django_db
def test_metrics_count_database_queries(api_client: APIClient) -> None:
    api_client.get("/api/ready/")

    body = api_client.get("/metrics").content.decode()

    assert "django_db_execute_total{" in body


@pytest.mark.django_db
def test_metrics_path_is_not_the_web_app(api_client: APIClient) -> None:
    response = api_client.get("/metrics")

    assert b"<html" not in response.content.lower()
