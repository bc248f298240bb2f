"""The JSON parser of every endpoint: DRF's, refusing documents nested too deeply.

Python's `json` recurses once per level of nesting, so a body of 100,000 `[` ends in a
`RecursionError` (a 500) — and a document a few hundred levels deep still parses, only to
exhaust the stack later, wherever it is walked (validation, `JSONField`, rendering). No Vitrin
body needs more than a handful of levels; 64 is generous.

The depth is measured before parsing, without recursion: the bytes are scanned for brackets
outside strings. A typical body has fewer brackets than the limit in total and skips the scan.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import IO, Any

from rest_framework import parsers
from rest_framework.exceptions import ParseError
from rest_framework.utils import json

MAX_JSON_DEPTH = 64

# A JSON string, escapes included; in UTF-8 a `"` or `\` byte is always that character.
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(sorted(set(range(256)) - set(b"[]{}")))
_OPENING = frozenset(b"[{")


def json_depth_exceeds(text: str, *, limit: int) -> bool:
    """Whether `text` opens more than `limit` arrays or objects inside one another.

    Counts brackets outside strings; a malformed document may be counted wrongly, but then the
    JSON parser refuses it anyway."""
    if text.count("[") + text.count("{") <= limit:
        return False
    brackets = _JSON_STRING.sub(b"", text.encode("utf-8", "surrogatepass")).translate(None, _NOT_BRACKETS)
    depth = 0
    for byte in brackets:
        depth += 1 if byte in _OPENING else -1
        if depth > limit:
            return True
    return False


class JSONParser(parsers.JSONParser):
    """`rest_framework.parsers.JSONParser` with a bound on nesting (see the module's docstring)."""

    max_depth = MAX_JSON_DEPTH

    def parse(
        self, stream: IO[Any], media_type: str | None = None, parser_context: Mapping[str, Any] | None = None
    ) -> Any:
        encoding = parsers.get_encoding(parser_context or {})  # type: ignore[attr-defined]
        try:
            text = stream.read().decode(encoding)
        except UnicodeDecodeError as exc:
            raise ParseError(f"it is not valid {encoding} text.") from exc
        if json_depth_exceeds(text, limit=self.max_depth):
            raise ParseError(f"JSON nested more than {self.max_depth} levels deep.")
        try:
            parse_constant = json.strict_constant if self.strict else None
            return json.loads(text, parse_constant=parse_constant)
        except ValueError as exc:
            raise ParseError(f"JSON parse error - {exc}") from exc
