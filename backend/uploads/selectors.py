from collections.abc import Iterable

from uploads.models import Upload
from users.models import User


def upload_urls_unknown(*, owner: User, urls: Iterable[str]) -> list[str]:
    """The URLs among `urls` that are not images `owner` uploaded through /api/uploads/."""
    wanted = {url for url in urls if url}
    if not wanted:
        return []
    known = set(Upload.objects.filter(owner=owner, url__in=wanted).values_list("url", flat=True))
    return sorted(wanted - known)
