from core.throttling import WriteRateThrottle


class UploadRateThrottle(WriteRateThrottle):
    """Limits how many images one signed-in user may upload per period (`uploads` rate)."""

    scope = "uploads"
