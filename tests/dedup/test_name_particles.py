"""Surnames with particles, cut in different places by different exporters: 'Le Quintrec, M.'
comes as 'Le, Q. M.' (cut after the particle) or 'Quintrec, M.' (particle dropped);
'Goicoechea de Jorge, E.' as 'Goicoechea de, J. E.' or 'de Jorge, E. G.'. One person, one
record; two people stay two."""

from __future__ import annotations

from dedup.helpers import keys, verdict

from reviewkit.dedup.names import first_person_key, particle_cut_agree
from reviewkit.dedup.score import author_score, author_similarity


def _agree(a: str, b: str, *rest: str) -> bool:
    """Whether first authors ``a`` and ``b`` (each followed by ``rest``) are one person."""
    return particle_cut_agree(first_person_key([a, *rest]), first_person_key([b, *rest]))


def test_a_surname_cut_after_its_particle_is_the_same_first_author() -> None:
    assert _agree("Le, Q. M.", "Quintrec, M.")
    assert _agree("Le, Quintrec M.", "Quintrec, M.")
    assert _agree("Le Q M", "Le Quintrec, M.")  # MEDLINE's order, no comma
    assert _agree("Goicoechea de, J. E.", "de Jorge, E. G.")
    assert _agree("Goicoechea de, Jorge E.", "Goicoechea de Jorge, E.")
    assert _agree("van, der Pol C. B.", "van der Pol, C. B.")  # 'der' too is a particle
    # two people: other initials, another surname, or no particle cut at all
    assert not _agree("Le, Q. M.", "Quintrec, A.")
    assert not _agree("Le, Q. M.", "Nguyen, M.")
    assert not _agree("Le, T. H.", "Tran, T. H.")  # a Vietnamese surname Le, not a cut one
    assert not _agree("Goicoechea de, J. E.", "de Jorge, A. G.")
    assert not _agree("Quinn, M.", "Quintrec, M.")
    assert not _agree("Le, Q.", "Q., M.")


def test_one_article_with_the_first_author_cut_at_the_particle_is_one_record() -> None:
    # no pages: title, journal, year, volume and issue agree, so the authors decide
    ka = keys(1, pages="", authors=["Quintrec, M.", "Zuber, J.", "Fremeaux-Bacchi, V."])
    kb = keys(2, pages="", authors=["Le, Q. M.", "Zuber, J.", "Fremeaux-Bacchi, V."])
    assert verdict(ka, kb)[0] == "duplicate"
    # an export that keeps the first author only ('et al.')
    ka = keys(1, pages="", authors=["Quintrec, M.", "et al."])
    kb = keys(2, pages="", authors=["Le, Q. M.", "et al."])
    assert verdict(ka, kb)[0] == "duplicate"
    # another first author, whose surname starts with another letter: still for a person
    kc = keys(3, pages="", authors=["Nguyen, M.", "et al."])
    assert verdict(kb, kc) == ("uncertain", "biblio_partial")


def test_a_compound_spanish_surname_split_two_ways_is_one_record() -> None:
    ka = keys(1, pages="", authors=["Goicoechea de, J. E.", "et al."])
    kb = keys(2, pages="", authors=["de Jorge, E. G.", "et al."])
    assert verdict(ka, kb)[0] == "duplicate"
    ka = keys(1, pages="", authors=["Goicoechea de, J. E.", "Harris, C. L.", "Esparza, J."])
    kb = keys(2, pages="", authors=["de Jorge, E. G.", "Harris, C. L.", "Esparza, J."])
    assert verdict(ka, kb)[0] == "duplicate"


def test_the_author_score_rises_for_the_cut_name_only() -> None:
    # the lists are compared with one first surname: the rest of the list still counts
    cut = keys(1, authors=["Le, Q. M.", "Zuber, J.", "Fremeaux-Bacchi, V."])
    same = keys(2, authors=["Quintrec, M.", "Zuber, J.", "Fremeaux-Bacchi, V."])
    rest_differs = keys(3, authors=["Quintrec, M.", "Smith, A.", "Jones, B."])
    someone_else = keys(4, authors=["Nguyen, M.", "Zuber, J.", "Fremeaux-Bacchi, V."])
    assert (author_score(cut, same) or 0) >= 95
    assert (author_score(cut, rest_differs) or 0) < 80
    # another first author: the score is the surname lists' own, as before
    assert author_score(cut, someone_else) == author_similarity(cut.authors, someone_else.authors)


def test_a_lone_surname_le_with_initials_reads_as_a_cut_and_the_rest_of_the_list_decides():
    # 'Le, Q. T.' may be Vietnamese Le (or Do, Du, De ...) with initials, not a cut 'Le
    # Quintrec': the one letter agrees with any surname of that letter ...
    assert _agree("Le, Q. M.", "Quinn, M.", "Zuber, J.")
    assert _agree("Le, Q. M.", "Quinn, M.", "et al.")
    # ... so the lists are compared with one first surname, and the rest must still agree
    cut, other_people = ["Le, Q. M.", "Zuber, J."], ["Quinn, M.", "Smith, A."]
    assert (author_score(keys(1, authors=cut), keys(2, authors=other_people)) or 0) < 80
    # the place still decides the merge: in another volume and year, two works
    ka = keys(1, pages="", authors=["Le, Q. M.", "et al."])
    kb = keys(2, pages="", authors=["Quinn, M.", "et al."], volume="47", year=2021)
    assert verdict(ka, kb)[0] != "duplicate"


def test_a_particle_dropped_from_the_surname_field_still_agrees():
    # catalogues file Dutch names under the main word ('Berg, J. van der'), and some exports
    # drop the particle: the surname keys 'vanderberg' / 'berg' agree (one ends the other),
    # and the rest of the list decides the rest
    a = keys(1, authors=["van der Berg, J.", "Olsen, P."])
    b = keys(2, authors=["Berg, J.", "Olsen, P."])
    assert author_score(a, b) == 90.0
    assert not _agree("van der Berg, J.", "Berg, J.")  # no cut: the particle rule says nothing


def test_a_given_name_in_capitals_is_a_name_not_initials() -> None:
    # an export that writes every name in capitals: 'SCOTT' is one given name (the initial
    # 's'), as 'Scott' is; 'QM' after a comma stays two initials
    assert first_person_key(["GRAESSLEY, SCOTT"]) == first_person_key(["Graessley, Scott"])
    assert first_person_key(["Le Quintrec, QM"]) == "q m quintrec"
