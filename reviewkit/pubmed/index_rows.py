"""The index rows of one NLM article that need more than a field copied: its MeSH headings
with their qualifiers, its authors in the forms PubMed searches, and whether systematic[sb]
finds it."""

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


def author_forms(fau: str) -> list[str]:
    """An author's two forms, 'smith ja' and 'smith john a', from ``sort_keys.fau``, which joins
    them by a space (:func:`authors`); [fau] when it holds one form (a group author). The
    second form starts where the words repeat the first form's surname (all its words but the
    initials, or all of them when there are no initials)."""
    words = fau.split()
    for j in range(1, len(words)):
        for last in (words[: j - 1], words[:j]):
            if last and words[j : j + len(last)] == last:
                return [" ".join(words[:j]), " ".join(words[j:])]
    return [fau]


def names_author(form: str, name: str, *, exact: bool, initials: bool) -> bool:
    """Whether a searched author ``name`` is this form of an author, as the snapshot's author
    (or, ``exact``, exact_author) lookup matches: the whole form, its first words ('smith' of
    'smith ja'), or with initials as a prefix ('smith j' of 'smith ja')."""
    if form == name:
        return True
    if exact or not form.startswith(name):
        return False
    rest = form[len(name) :]
    return rest.startswith(" ") or (initials and rest.split(" ")[0].isalpha())


SYSTEMATIC_TYPES = {"systematic review", "meta analysis"}
COCHRANE = "the cochrane database of systematic reviews"


def is_systematic(types: list[str], journal: str, title: str) -> bool:
    """Our reading of systematic[sb]: the publication types Systematic Review or
    Meta-Analysis, the Cochrane Database of Systematic Reviews, or 'systematic review' /
    'meta-analysis' in the title (NLM's filter also searches such title words)."""
    if {fold_text(t) for t in types} & SYSTEMATIC_TYPES or fold_text(journal) == COCHRANE:
        return True
    folded = fold_text(title)
    return "systematic review" in folded or "meta analysis" in folded
