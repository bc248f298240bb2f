from core.throttling import AnonRateThrottle


class VitalsRateThrottle(AnonRateThrottle):
    """Beacons per client address (`vitals` rate): the endpoint reads no credentials, so every
    caller is counted by address."""

    scope = "vitals"
