"""The web app's Core Web Vitals as Prometheus histograms, one per metric, labelled by page type.

The buckets are dense around each metric's "good" and "poor" thresholds (web.dev's), so the p75
that Grafana computes with `histogram_quantile(0.75, …)` is precise where the verdict changes.
Time metrics are kept in seconds, as Prometheus names them; CLS has no unit.
"""

from dataclasses import dataclass
from enum import StrEnum

from prometheus_client import Histogram


class PageType(StrEnum):
    """What kind of page a beacon measured: no URL, no id, nothing that names a person."""

    HOME = "home"
    PRODUCT = "product"
    SEARCH = "search"
    PROFILE = "profile"
    OTHER = "other"


@dataclass(frozen=True)
class VitalKind:
    name: str
    histogram: Histogram
    # The largest value a browser plausibly reports, in the unit the web app sends (milliseconds
    # for times): beyond it a beacon is broken or forged, and one would skew the sums.
    maximum: float
    unit: str  # the unit sent, as a refusal names it
    per_unit: float  # what one sent unit is in the histogram's unit


def _histogram(name: str, what: str, buckets: tuple[float, ...]) -> Histogram:
    return Histogram(name, what, ["page"], buckets=buckets)


def _timing(name: str, title: str, *, good: str, poor: str, buckets: tuple[float, ...]) -> VitalKind:
    """A time the web app sends in milliseconds, kept in seconds (at most a minute)."""
    what = f"{title} of the web app's page loads (good up to {good}, poor over {poor})."
    histogram = _histogram(f"vitrin_web_vitals_{name.lower()}_seconds", what, buckets)
    return VitalKind(name, histogram, maximum=60_000, unit="milliseconds", per_unit=0.001)


VITALS: dict[str, VitalKind] = {
    kind.name: kind
    for kind in (
        _timing(
            "LCP",
            "Largest Contentful Paint",
            good="2.5 s",
            poor="4 s",
            buckets=(0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0, 8.0, 10.0, 15.0, 20.0, 30.0),
        ),
        _timing(
            "INP",
            "Interaction to Next Paint",
            good="200 ms",
            poor="500 ms",
            buckets=(0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1.0, 2.0, 5.0),
        ),
        VitalKind(
            "CLS",
            _histogram(
                "vitrin_web_vitals_cls",
                "Cumulative Layout Shift of the web app's page loads (good up to 0.1, poor over 0.25).",
                (0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.5, 1.0, 2.0),
            ),
            maximum=10,
            unit="",
            per_unit=1.0,
        ),
        _timing(
            "FCP",
            "First Contentful Paint",
            good="1.8 s",
            poor="3 s",
            buckets=(0.25, 0.5, 1.0, 1.5, 1.8, 2.5, 3.0, 4.0, 6.0, 10.0, 20.0),
        ),
        _timing(
            "TTFB",
            "Time to First Byte",
            good="0.8 s",
            poor="1.8 s",
            buckets=(0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 1.4, 1.8, 2.5, 4.0, 8.0, 15.0),
        ),
    )
}
