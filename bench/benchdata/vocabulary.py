"""Word pools from which `generate_data` composes names, launches and comments, read from
vocabulary.json.

The combinations are meant to read like real launches (so full-text search has real words to
rank), not to be memorable: "Pixelforge — Ship invoices without the spreadsheet".
"""

from __future__ import annotations

import json
from pathlib import Path

from demo.catalog import TAGS as DEMO_TAGS

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.json")

_WORDS: dict[str, list[str]] = json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))

FIRST_NAMES = tuple(_WORDS["first_names"])
LAST_NAMES = tuple(_WORDS["last_names"])
BIOS = tuple(_WORDS["bios"])
TITLE_STARTS = tuple(_WORDS["title_starts"])
TITLE_ENDS = tuple(_WORDS["title_ends"])
TITLE_EXTRAS = tuple(_WORDS["title_extras"])
TAGLINE_VERBS = tuple(_WORDS["tagline_verbs"])
TAGLINE_NOUNS = tuple(_WORDS["tagline_nouns"])
TAGLINE_ENDINGS = tuple(_WORDS["tagline_endings"])
# `{title}` is the launch's title.
DESCRIPTION_SENTENCES = tuple(_WORDS["description_sentences"])
COMMENT_SENTENCES = tuple(_WORDS["comment_sentences"])
# The demo's tags, most common first, as the vocabulary of generated tags.
TAGS = DEMO_TAGS
