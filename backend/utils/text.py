"""Pure text helpers: no model, no database, so any layer (a model's manager included) may use them."""

import unicodedata


def text_folded(text: str) -> str:
    """`text` without surrounding blanks, in Unicode compatibility form (full-width letters, ligatures
    and the like become the plain letters) and case-folded (ß → ss, the long s → s). Normalised again
    after folding, so that folding twice changes nothing."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text.strip()).casefold()).strip()


def email_normalize(email: str) -> str:
    """The one spelling of an e-mail address that Vitrin stores, looks up and counts attempts on.

    The whole address is folded, local part included: "Ada@Example.com" and "ada@example.com"
    are one account. Every path that writes or looks up an address goes through here (the user
    manager's `normalize_email` too), and lookups compare the stored value exactly — never with
    `__iexact`, which PostgreSQL evaluates with UPPER(): that turns a dotless i (U+0131) into I,
    so an address spelt with one in place of an i signed in to the account of the address with
    the i, while the rate limits counted them as two addresses."""
    return text_folded(email)
