"""What the local server reads as a number in a request: a UID (a PMID) in an ``id`` list, one
rule for efetch, esummary and epost, and any count or key (retmax, reldate, query_key, [pmid]).

Only ASCII digits are read: ``str.isdigit`` also takes '²' and other digits ``int`` cannot read
(the handler failed and closed the connection without a reply), or reads as another number
('٣' is 3), and NBK25499's parameters are written in ASCII. NCBI's epost3.xml (Biopython's
Tests/Entrez) names a UID's bound, "Maximum ID value 18446744073709551615" (2^64 - 1); 0 is no
PMID.
"""

from __future__ import annotations

MAX_UID = 2**64 - 1  # NCBI's "Maximum ID value" (epost3.xml)


def is_number(text: str) -> bool:
    """``text`` is a whole number written in ASCII digits, which ``int`` reads."""
    return text.isascii() and text.isdigit()


def uid(token: str) -> int | None:
    """The UID ``token`` (stripped) names, or None when it is none."""
    token = token.strip()
    if is_number(token) and 0 < (value := int(token)) <= MAX_UID:
        return value
    return None
