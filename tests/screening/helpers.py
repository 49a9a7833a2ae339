"""Small record sets for the screening tests."""

from __future__ import annotations

from reviewkit.records import AbstractSection, Record


def make_records(n: int, *, prefix: str = "Study") -> list[Record]:
    """n distinct records with PMIDs, DOIs, structured abstracts, keywords and MeSH terms."""
    return [
        Record(
            title=f"{prefix} {i}: return to work after sick leave for back pain",
            abstract_sections=[
                AbstractSection("OBJECTIVE", f"To review employment outcomes in trial {i}."),
                AbstractSection("RESULTS", "Children and adolescents were excluded; sickness absence fell."),
            ],
            authors=[f"Author{i}, A", "Second, B"],
            year=2010 + i % 12,
            journal="Journal of Occupational Rehabilitation",
            doi=f"10.1000/test.{i}",
            pmid=str(1000 + i),
            keywords=["return to work", "sick leave"],
            mesh_terms=["Sick Leave", "Return to Work"],
        )
        for i in range(1, n + 1)
    ]
