from collections.abc import Iterable
from typing import Any

from uploads.models import Upload
from users.models import User


def upload_urls_unknown(*, owner: User, urls: Iterable[str]) -> list[str]:
    """The URLs among `urls` that are not images `owner` uploaded through /api/uploads/."""
    wanted = {url for url in urls if url}
    if not wanted:
        return []
    known = set(Upload.objects.filter(owner=owner, url__in=wanted).values_list("url", flat=True))
    return sorted(wanted - known)


def upload_ids_without_variants(*, after_id: int, limit: int) -> list[int]:
    """Ids above `after_id` of uploads whose smaller copies are not recorded, in order: one
    batch of `manage.py make_image_variants`."""
    return list(
        Upload.objects.filter(pk__gt=after_id, variants__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )


def image_variants_output(stored: dict[str, Any]) -> dict[str, Any]:
    """What Upload.variants stores, as the API and the web app's document show it: one `srcset`
    per format, the most compact first, and the largest copy of the last format (the one every
    browser reads) as the fallback."""
    sources = []
    fallback = ""
    for content_type in VARIANT_TYPES_ORDER:
        copies = stored["formats"].get(content_type)
        if not copies:
            continue
        widths = sorted(copies, key=int)
        sources.append({"type": content_type, "srcset": ", ".join(f"{copies[w]} {w}w" for w in widths)})
        fallback = copies[widths[-1]]
    return {"width": stored["width"], "height": stored["height"], "sources": sources, "fallback": fallback}


# The most compact first; the last present is the one every browser reads.
VARIANT_TYPES_ORDER = ("image/avif", "image/webp", "image/jpeg", "image/png")
