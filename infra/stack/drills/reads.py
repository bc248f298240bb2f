"""The read load most drills run: anonymous GETs of the public pages and API."""

from __future__ import annotations

from collections.abc import Callable

import requests
from common import call

QUERIES = ["launch", "notes", "design", "calendar", "api"]


Request = Callable[[requests.Session, int], tuple[int, bool, str, str]]


def public_reads(product_ids: list[int], *, past_nginx: bool) -> Request:
    """GETs of the home page, product lists, product pages, categories and search, in turn.
    `past_nginx`: each URL made unique by a query argument the API ignores, so that nginx's
    micro-cache does not answer it and every request reaches an app server. (The app's own shared
    cache ignores unknown arguments: anonymous answers still come from it when fresh; only
    signed-in requests skip it and always read the database.)"""

    def request(client: requests.Session, n: int) -> tuple[int, bool, str, str]:
        kind = n % 5
        product = product_ids[n % len(product_ids)]
        if kind == 0:
            path = "/api/products/?page_size=20&ordering=" + ("hot", "new", "top")[n % 3]
        elif kind == 1:
            path = f"/api/products/{product}/"
        elif kind == 2:
            path = "/api/categories/"
        elif kind == 3:
            path = f"/api/search/products/?q={QUERIES[n % len(QUERIES)]}"
        else:
            path = "/"
        if past_nginx:
            path += ("&" if "?" in path else "?") + f"drill={n}"
        return call(client, "GET", path, what=f"GET {path.split('drill=')[0].rstrip('?&')}")

    return request


def database_reads() -> Request:
    """For signed-in clients: product lists in every ordering and a few page sizes, each answered
    from the database (a signed-in answer is never shared, and no list is cached in the app)."""

    def request(client: requests.Session, n: int) -> tuple[int, bool, str, str]:
        path = f"/api/products/?page_size={(10, 20, 30)[n % 3]}&ordering=" + ("hot", "new", "top")[(n // 3) % 3]
        return call(client, "GET", path)

    return request
