"""The `<id:…>` path converter: the positive 64-bit integers a primary key can hold.

Django's `<int:…>` takes any run of digits, so `/api/products/1000000000000000000000000000000/`
reached the views, and a number beyond 64 bits overflowed the database driver (a 500) wherever
it met a query that Django's own range check does not guard. A path whose id no row can have
names nothing: it is not routed, and answers the API's 404 ("There is nothing at this address.").

Registered when this module is first imported: each `urls.py` using `<id:…>` imports it.
"""

from django.urls import register_converter

MAX_ID = 2**63 - 1  # PostgreSQL's bigint, Django's BigAutoField


class PositiveIdConverter:
    # 19 digits hold every 64-bit number; longer runs are refused before `int()` reads them.
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 1 <= number <= MAX_ID:
            raise ValueError(f"{value} is not an id")  # Django's resolver: "this path does not match"
        return number

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(PositiveIdConverter, "id")
