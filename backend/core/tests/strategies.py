"""Hypothesis strategies for malformed input: arbitrary JSON, page links (cursors), ids."""

import base64
import json
from datetime import UTC, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

# Text as a caller may send it: any code point, NUL and lone surrogates (which JSON's `\ud800`
# escapes can carry) included.
any_text = st.text(st.characters(exclude_categories=()) | st.characters(categories=["Cs"]), max_size=12)

# Timestamps shaped like the ones page links hold, naive or at any UTC offset, to the edges of
# the calendar (where converting to UTC overflows).
_offsets = st.timedeltas(min_value=timedelta(hours=-23, minutes=-59), max_value=timedelta(hours=23, minutes=59))
timestamps = st.one_of(
    st.datetimes().map(str),
    st.builds(lambda moment, offset: str(moment.replace(tzinfo=timezone(offset))), st.datetimes(), _offsets),
    st.datetimes(timezones=st.just(UTC)).map(lambda moment: moment.isoformat()),
)

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    any_text,
    timestamps,
)

json_values: st.SearchStrategy[Any] = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(any_text, children, max_size=4),
    max_leaves=10,
)

# Mostly a well-formed `{"p": [...], "r": ...}` whose position has the right length (two keys:
# a sort value and the id), so the values reach the database; sometimes anything at all.
cursor_payloads = st.one_of(
    st.fixed_dictionaries({"p": st.lists(json_scalars, min_size=2, max_size=2)}, optional={"r": json_values}),
    st.fixed_dictionaries({"p": st.lists(json_values, max_size=3)}, optional={"r": json_values}),
    json_values,
)

# Ids of every size a path can spell: negative, zero, 64-bit and far beyond.
ids = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40),
    st.integers(min_value=-3, max_value=3),
    st.integers(min_value=2**63 - 3, max_value=2**63 + 3),
)


def cursor_from_text(text: str) -> str:
    """A page link's `cursor` parameter as Vitrin writes it: the JSON text in base64url, unpadded."""
    return base64.urlsafe_b64encode(text.encode("utf-8", "surrogatepass")).decode().rstrip("=")


def encode_cursor(payload: Any) -> str:
    """`payload` as a `cursor`; `NaN` and `Infinity` are written as Python's `json` writes them,
    since a caller may do the same."""
    return cursor_from_text(json.dumps(payload, separators=(",", ":")))
