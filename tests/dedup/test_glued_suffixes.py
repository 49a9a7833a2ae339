"""A generational suffix an export ran into the name (issue 14, dedup38): into the surname when
the initials were lost ('CarlezonJr', 'SlikkerJrSlotkin T.A.': Ovid lists run together) or into
full-stopped initials ('Carlezon W.A.Jr.'). Another copy writes 'Carlezon W.A. Jr.' or 'Carlezon,
W. A., Jr.': the suffix is an export's choice, the surname the person's."""

from __future__ import annotations

import pytest

from reviewkit.author_names import split_name, split_run_together
from reviewkit.dedup.names import author_key, first_person_key, surnames

OVID = ["XuZ.SeidlerF.J.CousinsM.M.SlikkerJrSlotkinT.A."]
EMBASE = ["XuZ.SeidlerF.J.CousinsM.M.SlikkerW.Jr.SlotkinT.A."]
MEDLINE = ["Xu Z", "Seidler FJ", "Cousins MM", "Slikker W Jr", "Slotkin TA"]


def test_a_suffix_run_into_the_surname_ends_the_name():
    assert split_run_together(OVID[0])[3:] == ["Slikker Jr.", "Slotkin T.A."]
    assert split_run_together("OliveiraT.Q.DosSantosJr.VasconcelosS.M.M.")[1:] == [
        "DosSantos Jr.",
        "Vasconcelos S.M.M.",
    ]
    assert split_name("CarlezonJr") == ("Carlezon", "", "Jr.")


def test_a_suffix_run_into_full_stopped_initials_is_apart():
    assert split_name("Carlezon W.A.Jr.") == ("Carlezon", "W.A.", "Jr.")
    assert first_person_key(["Carlezon W.A.Jr."]) == first_person_key(["Carlezon, W. A., Jr."])


@pytest.mark.parametrize("written", ["CarlezonJr", "Carlezon W.A.Jr.", "Carlezon Jr W.A."])
def test_one_person_whatever_the_suffix_touches(written):
    assert author_key([written, "Rohan M.L."]) == author_key(["Carlezon, W. A., Jr.", "Rohan M.L."])


def test_the_three_lists_read_as_one():
    assert surnames(OVID) == surnames(EMBASE) == surnames(MEDLINE)
    assert author_key(OVID) == author_key(EMBASE) == author_key(MEDLINE)


def test_other_words_after_a_surname_are_no_suffix():
    # 'Sr' going on in small letters starts a surname; Roman numerals after a surname alone
    # are initials ('Ivanov II'); initials 'JR' in capitals stay initials
    assert split_run_together("Paul S.Srour A.") == ["Paul S.", "Srour A."]
    assert split_name("Ivanov II") == ("Ivanov", "II", "")
    assert split_name("Smith JR") == ("Smith", "JR", "")


def test_a_surname_spelt_as_a_suffix_stays_the_surname():
    # 'Ii' (井伊, a Japanese surname: respiratory's 'Ii M.Nishimura H.') reads as the Roman
    # numeral folded; a suffix follows a surname, so a surname's first word is never one
    assert author_key(["Ii, Masaaki", "Nishimura H"]) != author_key(["Nishimura H"])
    assert first_person_key(["Ii M", "Nishimura H"]) == first_person_key(["Ii, Masaaki"]) != ""
    assert surnames(["Ii M", "Nishimura H"]) == ("ii", "nishimura")
    # the suffix after a surname still goes
    assert author_key(["Flack Iii J. E."]) == author_key(["Flack J. E."])
    # nor is a numeral inside a group's name: two trials' groups
    assert author_key(["FUTURE II Study Group"]) != author_key(["FUTURE III Study Group"])
