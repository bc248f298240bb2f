"""`POST /api/vitals/`: the web app's Core Web Vitals, sent anonymously by a sample of page loads
(navigator.sendBeacon), kept as Prometheus histograms per metric and page type (p75 in Grafana
with histogram_quantile)."""

import json
from typing import Any

import pytest
from django.conf import settings as django_settings
from prometheus_client import REGISTRY
from rest_framework.test import APIClient

from conftest import client_for
from users.models import User

URL = "/api/vitals/"


def _count(metric: str, page: str) -> float:
    return REGISTRY.get_sample_value(f"vitrin_web_vitals_{metric}_count", {"page": page}) or 0.0


def _sum(metric: str, page: str) -> float:
    return REGISTRY.get_sample_value(f"vitrin_web_vitals_{metric}_sum", {"page": page}) or 0.0


def _bucket(metric: str, page: str, le: str) -> float:
    return REGISTRY.get_sample_value(f"vitrin_web_vitals_{metric}_bucket", {"page": page, "le": le}) or 0.0


def _beacon(client: APIClient, body: object, content_type: str = "application/json") -> Any:
    """As navigator.sendBeacon sends it: a POST with a JSON Blob as its body."""
    return client.generic("POST", URL, json.dumps(body), content_type=content_type)


@pytest.mark.django_db
def test_a_beacon_is_counted_once_in_the_histogram_of_its_metric_and_page(api_client: APIClient) -> None:
    before = {
        "lcp": (_count("lcp_seconds", "product"), _sum("lcp_seconds", "product")),
        "cls": (_count("cls", "product"), _sum("cls", "product")),
        "inp": (_count("inp_seconds", "product"), _sum("inp_seconds", "product")),
    }
    lcp_good_before = _bucket("lcp_seconds", "product", "2.5")
    lcp_fast_before = _bucket("lcp_seconds", "product", "1.5")
    home_before = _count("lcp_seconds", "home")

    response = _beacon(
        api_client,
        {
            "page": "product",
            "metrics": [{"name": "LCP", "value": 1834.5}, {"name": "CLS", "value": 0.04}, {"name": "INP", "value": 96}],
        },
    )

    assert response.status_code == 204
    assert _count("lcp_seconds", "product") == before["lcp"][0] + 1
    assert _sum("lcp_seconds", "product") == pytest.approx(before["lcp"][1] + 1.8345)
    assert _bucket("lcp_seconds", "product", "2.5") == lcp_good_before + 1
    assert _bucket("lcp_seconds", "product", "1.5") == lcp_fast_before
    assert _count("cls", "product") == before["cls"][0] + 1
    assert _sum("cls", "product") == pytest.approx(before["cls"][1] + 0.04)
    assert _count("inp_seconds", "product") == before["inp"][0] + 1
    assert _sum("inp_seconds", "product") == pytest.approx(before["inp"][1] + 0.096)
    assert _count("lcp_seconds", "home") == home_before


@pytest.mark.django_db
def test_a_beacon_is_anonymous_even_from_a_signed_in_person(user: User) -> None:
    # The token is not even looked at: a signed-in person's beacon is counted like anyone's.
    before = _count("ttfb_seconds", "home")

    response = _beacon(client_for(user), {"page": "home", "metrics": [{"name": "TTFB", "value": 120}]})

    assert response.status_code == 204
    assert _count("ttfb_seconds", "home") == before + 1


@pytest.mark.django_db
def test_a_beacon_needs_no_csrf_token() -> None:
    # sendBeacon carries the site's cookies but no CSRF token; nothing here is anybody's own.
    client = APIClient(enforce_csrf_checks=True)
    before = _count("fcp_seconds", "search")

    response = _beacon(client, {"page": "search", "metrics": [{"name": "FCP", "value": 900}]})

    assert response.status_code == 204
    assert _count("fcp_seconds", "search") == before + 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        (
            {"page": "checkout", "metrics": [{"name": "LCP", "value": 1000}]},
            "page",
            '"checkout" is not a valid choice.',
        ),
        ({"metrics": [{"name": "LCP", "value": 1000}]}, "page", "This field is required."),
        ({"page": "home", "metrics": []}, "metrics", "Send at least one metric."),
        ({"page": "home"}, "metrics", "This field is required."),
        (
            {"page": "home", "metrics": [{"name": "FID", "value": 10}]},
            "metrics",
            'Item 1: "FID" is not a metric Vitrin keeps: send CLS, FCP, INP, LCP or TTFB.',
        ),
        (
            {"page": "home", "metrics": [{"name": "LCP", "value": -1}]},
            "metrics",
            "Item 1: LCP must be between 0 and 60000 milliseconds, not -1.0.",
        ),
        (
            {"page": "home", "metrics": [{"name": "LCP", "value": 3_600_000}]},
            "metrics",
            "Item 1: LCP must be between 0 and 60000 milliseconds, not 3600000.0.",
        ),
        (
            {"page": "home", "metrics": [{"name": "CLS", "value": 11}]},
            "metrics",
            "Item 1: CLS must be between 0 and 10, not 11.0.",
        ),
        (
            {"page": "home", "metrics": [{"name": "LCP", "value": "fast"}]},
            "metrics",
            "Item 1: the value of LCP must be a number.",
        ),
        (
            {"page": "home", "metrics": ["LCP"]},
            "metrics",
            "Item 1: a metric is an object with a name and a value.",
        ),
        (
            {"page": "home", "metrics": [{"name": "LCP", "value": 900}, {"name": "LCP", "value": 1000}]},
            "metrics",
            "Each metric may be sent once per beacon: LCP is sent twice.",
        ),
    ],
)
def test_a_wrong_beacon_is_refused_and_nothing_is_counted(
    api_client: APIClient, body: dict[str, object], field: str, message: str
) -> None:
    before = _count("lcp_seconds", "home"), _count("cls", "home")

    response = _beacon(api_client, body)

    assert response.status_code == 400
    assert response.json() == {field: [message]}
    assert (_count("lcp_seconds", "home"), _count("cls", "home")) == before


@pytest.mark.django_db
def test_a_beacon_counts_all_its_metrics_or_none(api_client: APIClient) -> None:
    before = _count("lcp_seconds", "profile")

    response = _beacon(
        api_client, {"page": "profile", "metrics": [{"name": "LCP", "value": 1000}, {"name": "CLS", "value": 99}]}
    )

    assert response.status_code == 400
    assert _count("lcp_seconds", "profile") == before


@pytest.mark.django_db
def test_a_beacon_that_is_not_json_is_refused(api_client: APIClient) -> None:
    response = api_client.generic("POST", URL, "page=home", content_type="text/plain;charset=UTF-8")

    assert response.status_code == 415
    assert response.json() == {
        "detail": "Send the body as JSON (Content-Type: application/json), or multipart for uploads."
    }


@pytest.mark.django_db
def test_beacons_are_limited_per_client_address(api_client: APIClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(django_settings.THROTTLE_RATES, "vitals", "2/min")
    body = {"page": "other", "metrics": [{"name": "LCP", "value": 1000}]}
    before = _count("lcp_seconds", "other")

    answers = [_beacon(api_client, body).status_code for _ in range(3)]
    from_elsewhere = _beacon(APIClient(REMOTE_ADDR="192.0.2.7"), body)

    assert answers == [204, 204, 429]
    assert int(_beacon(api_client, body)["Retry-After"]) > 0
    assert from_elsewhere.status_code == 204
    assert _count("lcp_seconds", "other") == before + 3
