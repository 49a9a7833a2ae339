"""The index rows of one NLM article that need more than a field copied: its MeSH headings
with their qualifiers, and its authors in the forms PubMed searches."""

from __future__ import annotations

from lxml import etree as ET

from reviewkit.records import fold_text


def mesh_rows(elem: ET._Element) -> set[tuple[str, str]]:
    """[majr] (a descriptor marked major, itself or through a qualifier), [sh] (qualifiers) and
    [nm] (supplementary concept records: SupplMeshName, and ChemicalList names whose UI is a
    C-number, i.e. a supplementary concept rather than a descriptor)."""
    rows: set[tuple[str, str]] = set()
    for heading in elem.iterfind(".//MeshHeadingList/MeshHeading"):
        descriptor = heading.find("DescriptorName")
        if descriptor is None:
            continue
        name = fold_text(descriptor.text or "")
        qualifiers = heading.findall("QualifierName")
        if descriptor.get("MajorTopicYN") == "Y" or any(
            q.get("MajorTopicYN") == "Y" for q in qualifiers
        ):
            rows.add(("majr", name))
        rows |= {("sh", fold_text(q.text or "")) for q in qualifiers}
    rows |= {
        ("nm", fold_text(n.text or "")) for n in elem.iterfind(".//SupplMeshList/SupplMeshName")
    }
    for chem in elem.iterfind(".//ChemicalList/Chemical/NameOfSubstance"):
        if (chem.get("UI") or "").startswith("C"):
            rows.add(("nm", fold_text(chem.text or "")))
    return rows


def authors(elem: ET._Element) -> list[tuple[str, ...]]:
    """Each author as the forms PubMed indexes: 'Smith JA' and 'Smith John A'."""
    out = []
    for a in elem.iterfind(".//Article/AuthorList/Author"):
        collective = a.findtext("CollectiveName")
        if collective:
            out.append((" ".join(collective.split()),))
            continue
        last = a.findtext("LastName") or ""
        if not last:
            continue
        forms = [f"{last} {a.findtext('Initials') or ''}".strip()]
        fore = a.findtext("ForeName")
        if fore:
            forms.append(f"{last} {fore}")
        out.append(tuple(forms))
    return out
