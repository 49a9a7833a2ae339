"""Author lists compared name by name on thin exports (issue 14, Keys.surnames): one list
written two ways ('Plata' / 'Marquez de la Plata', a spelling garbled) stays one list and
merges; two teams' lists, or two lists a name apart under two journals' names, go to a person
when a page is missing."""

from __future__ import annotations

from dedup.helpers import keys, verdict

from reviewkit.cli import main
from reviewkit.dedup.names import one_surname, surnames

TITLE = "Purification and properties of the liver enzyme in the rat"
COMMON = dict(journal="Biochem J", volume="110", issue="3", year=1968, doi="")


def test_surnames_are_folded_one_by_one_particles_aside() -> None:
    assert surnames(["Márquez de la Plata, C.", "Le, Q. T.", "Abad M. J.Bedoya L. M."]) == (
        "marquez plata",
        "le",  # a surname that is a particle is kept
        "abad",
        "bedoya",
    )
    assert one_surname("marquez plata", "plata") and one_surname("plata", "marquez plata")
    assert one_surname("frassdorf", "fradorf")  # one spelling garbled
    assert not one_surname("robson", "sherratt")
    assert keys(1, authors=["Senior P. J.", "Dawes E. A."]).surnames == ("senior", "dawes")


def test_one_list_written_two_ways_still_merges_without_a_page() -> None:
    a = keys(
        1,
        title=TITLE,
        authors=["Kelly D. F.", "Marquez de la Plata C.", "Hannay H. J."],
        pages="511-519",
        **COMMON,
    )
    b = keys(2, title=TITLE, authors=["Kelly DF", "Plata CM", "Hannay HJ"], pages="", **COMMON)
    assert verdict(a, b)[0] == "duplicate"
    # a list cut to its first author says nothing of the co-authors
    c = keys(3, title=TITLE, authors=["Kelly D. F.", "et al."], pages="", **COMMON)
    assert verdict(a, c)[0] == "duplicate"
    # a list that only lacks names of the other may be one list an export shortened
    d = keys(4, title=TITLE, authors=["Kelly D. F.", "Hannay H. J."], pages="", **COMMON)
    assert verdict(a, d)[0] == "duplicate"
    # a name spelt two ways, and a section page ('BR318') on both sides, are no missing page
    e = keys(5, title=TITLE, authors=["Kelly DF", "Marquez de la Plata C", "Hanay HJ"], **COMMON)
    assert verdict(a, e)[0] == "duplicate"
    # two lists of one length one name apart: one name garbled (given name for surname)
    f = keys(
        6, title=TITLE, authors=["Kelly D. F.", "Chun Z. X.", "Hannay H. J."], pages="", **COMMON
    )
    g = keys(7, title=TITLE, authors=["Kelly D. F.", "Zhao X. C.", "Hannay H. J."], **COMMON)
    assert verdict(f, g)[0] == "duplicate"


def test_one_abstract_at_two_meetings_with_a_name_apart_goes_to_a_person() -> None:
    # two journals' meeting supplements, no page on one side: the lists (cut to five names in
    # the author key) score 81, yet one name of the shorter list is missing from the other
    title = "Anti-HEV IgG seroprevalence in Europe: a meta-analysis"
    common = dict(title=title, year=2015, volume="62", issue="2", doi="")
    names = ["Hartl J.", "Woolson K. L.", "Webb G.", "Saunders M.", "Lohse A. W.", "Dalton H."]
    a = keys(1, authors=names, journal="J Hepatol", pages="S549", **common)
    b = keys(2, authors=names[:3] + names[4:], journal="J Viral Hepat", pages="", **common)
    assert verdict(a, b) == ("uncertain", "journal_unsure_no_place")
    # the same list on both sides is left to the rules after
    c = keys(3, authors=names, journal="J Viral Hepat", pages="", **common)
    assert verdict(a, c)[1] != "journal_unsure_no_place"


def test_two_teams_lists_around_shared_names_without_a_page_go_to_a_person() -> None:
    # abstracts of one meeting issue, one page each: each first author is in the other's list,
    # so the first surnames are found, yet most names of each list are not in the other
    title = "Factor H autoantibodies in atypical hemolytic uremic syndrome"
    common = dict(title=title, journal="Mol Immunol", volume="44", issue="16", year=2007)
    a = keys(
        1,
        authors=["Strobel S", "Dahse HM", "Liu WS", "Hoyer PF", "Oppermann M", "Zipfel PF"],
        pages="3974",
        **common,
    )
    b = keys(
        2,
        authors=["Jozsi M", "Strobel S", "Zipfel SLH", "Richter H", "Heinen S", "Uzonyi B"],
        pages="",
        **common,
    )
    assert verdict(a, b) == ("uncertain", "authors_differ_no_page")
    # the same list with two names spelt otherwise still merges
    c = keys(
        3,
        authors=["Strobel S", "Dase HM", "Liu WS", "Hoyer PF", "Opermann M", "Zipfel PF"],
        pages="",
        **common,
    )
    assert verdict(a, c)[0] == "duplicate"


def _ris(authors: list[str], pages: str) -> str:
    lines = ["TY  - JOUR", *(f"AU  - {a}" for a in authors)]
    lines += ["TI  - Factor H autoantibodies in atypical hemolytic uremic syndrome"]
    lines += ["JO  - Molecular Immunology", "VL  - 44", "IS  - 16", "PY  - 2007"]
    lines += [f"SP  - {pages}"] if pages else []
    return "\n".join([*lines, "ER  -", ""])


def test_two_teams_abstracts_through_import_and_dedup(project_a, capsys, tmp_path) -> None:
    """Two databases' exports, one without pages: two teams' abstracts of one meeting issue
    under one title are asked about (authors_differ_no_page in the queue sheet), the one
    abstract exported twice merges."""
    folder = str(project_a.folder)
    project_a.close()
    first = ["Strobel, S.", "Dahse, H. M.", "Liu, W. S.", "Hoyer, P. F.", "Zipfel, P. F."]
    second = ["Jozsi, M.", "Strobel, S.", "Zipfel, S. L.", "Richter, H.", "Heinen, S."]
    full, thin = tmp_path / "embase.ris", tmp_path / "other.ris"
    full.write_text(_ris(first, "3974") + _ris(second, "3924"))
    thin.write_text(_ris(first, ""))
    assert main(["import", str(full), "--source", "Embase", "--project", folder]) == 0
    assert main(["import", str(thin), "--source", "other", "--project", folder]) == 0
    capsys.readouterr()
    assert main(["dedup", "--project", folder]) == 0
    assert "1 duplicate link," in capsys.readouterr().out
    sheet = tmp_path / "queue.csv"
    assert main(["dedup", "review", "--project", folder, "--csv", str(sheet)]) == 0
    assert "authors_differ_no_page" in sheet.read_text(encoding="utf-8")


# --- a list written surname first in one export, read given name first in another ---------

SWAP_TITLE = "Serum uric acid and progression of chronic kidney disease in a Chinese cohort"
# no page: the authors decide between a merge and a person (with the whole place, a long title
# at one place merges whatever the names, same_title_and_place)
SWAP_PLACE = dict(journal="Kidney Int", volume="88", issue="2", pages="", year=2015)


def test_a_list_read_given_name_first_is_still_the_same_people() -> None:
    # 'Qiu Yumin' (family name first, no comma) taken for given name 'Qiu', surname 'Yumin'
    a = keys(1, title=SWAP_TITLE, authors=["Qiu Y.", "Chen X.", "Wang L."], **SWAP_PLACE)
    b = keys(2, title=SWAP_TITLE, authors=["Yumin Q.", "Xiaoming C.", "Li W."], **SWAP_PLACE)
    assert a.name_letters == "qy cx wl"
    assert verdict(a, b) == ("duplicate", "biblio_match")
    # the list cut to its first two names is still read as swapped
    cut = keys(3, title=SWAP_TITLE, authors=["Yumin Q.", "Xiaoming C."], **SWAP_PLACE)
    assert verdict(a, cut) == ("duplicate", "biblio_match")


def test_initials_that_cross_by_chance_are_no_swap() -> None:
    # Y. Qiu and Q. Yang are two people: one name crossing is never read as a swap
    one = keys(1, title=SWAP_TITLE, authors=["Qiu Y."], **SWAP_PLACE)
    yang = keys(2, title=SWAP_TITLE, authors=["Yang Q."], **SWAP_PLACE)
    assert one.name_letters == "qy" and yang.name_letters == "yq"
    assert verdict(one, yang)[0] != "duplicate"
    # a list where one name crosses and the others do not is another team
    a = keys(3, title=SWAP_TITLE, authors=["Qiu Y.", "Chen X.", "Wang L."], **SWAP_PLACE)
    b = keys(4, title=SWAP_TITLE, authors=["Yang Q.", "Zhou M.", "Li W."], **SWAP_PLACE)
    assert verdict(a, b)[0] != "duplicate"
    # initials alike in both orders ('Wang W.') say nothing of a swap: two crossing names needed
    c = keys(5, title=SWAP_TITLE, authors=["Wang W.", "Qiu Y."], **SWAP_PLACE)
    d = keys(6, title=SWAP_TITLE, authors=["Wei W.", "Yumin Q."], **SWAP_PLACE)
    assert verdict(c, d)[0] != "duplicate"


def test_generational_suffixes_in_a_surname_are_one_list() -> None:
    a = keys(1, title=TITLE, authors=["Cleveland Jr J. C.", "Flack Iii J. E."], **COMMON)
    b = keys(2, title=TITLE, authors=["Cleveland J. C.", "Flack J. E. 3rd"], **COMMON)
    assert a.surnames == b.surnames == ("cleveland", "flack")
