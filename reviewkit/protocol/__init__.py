"""Review protocols: TOML files loaded into dataclasses and validated on load.

A protocol holds what a review decides before it starts: the question, the reviewers, the
stored searches, eligibility criteria, screening stages with their exclusion reasons, terms to
highlight, classification schemes and the extraction fields of the report tables. Every error
names the file, the line, the key and what is wrong.
"""

from reviewkit.protocol.model import (
    BUILTIN_COLUMNS,
    DATABASES,
    SCREEN_LABELS,
    STAGES,
    ExclusionReason,
    ExtractionField,
    Label,
    Limits,
    Protocol,
    Report,
    Scheme,
    Search,
    SignalTerm,
    Stage,
)
from reviewkit.protocol.validate import load

__all__ = [
    "BUILTIN_COLUMNS",
    "DATABASES",
    "SCREEN_LABELS",
    "STAGES",
    "ExclusionReason",
    "ExtractionField",
    "Label",
    "Limits",
    "Protocol",
    "Report",
    "Scheme",
    "Search",
    "SignalTerm",
    "Stage",
    "load",
]
