"""What the local server reads as a UID (a PMID) in an ``id`` list: one rule for efetch,
esummary and epost.

NCBI's epost3.xml (Biopython's Tests/Entrez) names the bound, "Maximum ID value
18446744073709551615" (2^64 - 1); 0 is no PMID. Only ASCII digits are read: ``str.isdigit``
also takes '²' and other digits ``int`` cannot read, or reads as another number ('٣' is 3), and a
PMID is written in ASCII.
"""

from __future__ import annotations

MAX_UID = 2**64 - 1  # NCBI's "Maximum ID value" (epost3.xml)


def uid(token: str) -> int | None:
    """The UID ``token`` (stripped) names, or None when it is none."""
    token = token.strip()
    if token.isascii() and token.isdigit() and 0 < (value := int(token)) <= MAX_UID:
        return value
    return None
