from collections.abc import Sequence
from dataclasses import dataclass

from vitals.metrics import VITALS, PageType


@dataclass(frozen=True)
class VitalSample:
    """One metric of one page load, in the unit the web app measures it (see vitals.metrics)."""

    name: str
    value: float


def web_vitals_record(*, page: PageType, samples: Sequence[VitalSample]) -> None:
    """Counts one page load's metrics in their histograms.

    The samples must be validated first (known names, each once, values within range): the
    histograms cannot take a count back, so a beacon is counted whole or not at all."""
    for sample in samples:
        kind = VITALS[sample.name]
        kind.histogram.labels(page=page.value).observe(sample.value * kind.per_unit)
