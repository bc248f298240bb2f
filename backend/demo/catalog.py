"""The words of the demo site, read from catalog.json: categories, makers, launches and what
people say about them.

The data is a file so that changing a tagline or adding a maker is an edit of data, not of code.
Plain data, no database: `seed_demo` turns it into rows, and the benchmark's generator borrows
the categories and the tags.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, TypeVar

CATALOG_FILE = Path(__file__).with_name("catalog.json")
Spec = TypeVar("Spec")


@dataclass(frozen=True)
class CategorySpec:
    name: str
    slug: str
    icon: str
    color: str
    description: str


@dataclass(frozen=True)
class MakerSpec:
    username: str
    first_name: str
    last_name: str
    bio: str
    website: str


@dataclass(frozen=True)
class ProductSpec:
    title: str
    tagline: str
    description: str
    tags: tuple[str, ...]


class CatalogError(ValueError):
    """catalog.json does not describe a demo site; the message says where."""


def _spec(spec_class: type[Spec], item: dict[str, Any], where: str) -> Spec:
    expected = {field.name for field in fields(spec_class)}  # type: ignore[arg-type]
    if set(item) != expected:
        raise CatalogError(
            f"{CATALOG_FILE.name}: {where} must have exactly the keys {', '.join(sorted(expected))} "
            f"(it has {', '.join(sorted(item))})."
        )
    return spec_class(**{key: tuple(value) if isinstance(value, list) else value for key, value in item.items()})


def _load() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CATALOG_FILE.read_text(encoding="utf-8"))
    categories = tuple(
        _spec(CategorySpec, item, f"category {index + 1}") for index, item in enumerate(data["categories"])
    )
    makers = tuple(_spec(MakerSpec, item, f"maker {index + 1}") for index, item in enumerate(data["makers"]))
    slugs = [category.slug for category in categories]
    unknown = sorted(set(data["products"]) - set(slugs))
    if unknown:
        raise CatalogError(f"{CATALOG_FILE.name}: products are listed under unknown categories: {', '.join(unknown)}.")
    if not makers or makers[0].username != data["demo_username"]:
        raise CatalogError(f"{CATALOG_FILE.name}: the first maker must be the demo account “{data['demo_username']}”.")
    products = {
        slug: tuple(
            _spec(ProductSpec, item, f"product {index + 1} of {slug}")
            for index, item in enumerate(data["products"].get(slug, []))
        )
        for slug in slugs
    }
    return {
        "categories": categories,
        "makers": makers,
        "products": products,
        "top_level_comments": tuple(data["top_level_comments"]),
        "replies": tuple(data["replies"]),
        "demo_username": data["demo_username"],
        "demo_password": data["demo_password"],
        "demo_email_domain": data["demo_email_domain"],
    }


_CATALOG = _load()

DEMO_USERNAME: str = _CATALOG["demo_username"]
# Every demo account shares this password; it is printed by `seed_demo` and in the README.
DEMO_PASSWORD: str = _CATALOG["demo_password"]
DEMO_EMAIL_DOMAIN: str = _CATALOG["demo_email_domain"]
CATEGORIES: tuple[CategorySpec, ...] = _CATALOG["categories"]
# The demo account comes first.
MAKERS: tuple[MakerSpec, ...] = _CATALOG["makers"]
# The launches of each category, by category slug, in the order of CATEGORIES.
PRODUCTS: dict[str, tuple[ProductSpec, ...]] = _CATALOG["products"]
# What people write in threads; `{title}` is the product's title.
TOP_LEVEL_COMMENTS: tuple[str, ...] = _CATALOG["top_level_comments"]
REPLIES: tuple[str, ...] = _CATALOG["replies"]
# Every tag of the demo's launches, most used first in catalog order.
TAGS: tuple[str, ...] = tuple(dict.fromkeys(tag for specs in PRODUCTS.values() for spec in specs for tag in spec.tags))
