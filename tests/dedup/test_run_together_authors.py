"""Author lists run together: some exports lose the separators between authors ('Abad M.
J.Bedoya L. M.Bermejo P.', EndNote exports in the bib-dedupe sets; 'ArchibaldJ.L.FreedM.E.'
with no blank before the initials either). Each name is read up to its initials, so the first
surname is the first author's alone and the list compares as the same list written with
separators."""

from __future__ import annotations

from dedup.helpers import keys, verdict

from reviewkit.dedup.names import split_run_together

SEPARATED = ["Abad, M. J.", "Bedoya, L. M.", "Bermejo, P."]


def test_a_list_run_together_gives_the_keys_of_the_list_with_separators() -> None:
    run_on = keys(1, authors=["Abad M. J.Bedoya L. M.Bermejo P."])
    apart = keys(2, authors=SEPARATED)
    assert run_on.first_surname == apart.first_surname == "abad"
    assert run_on.authors == apart.authors
    assert run_on.first_person == apart.first_person
    # without a blank between surname and initials, and with particles and an apostrophe
    glued = keys(3, authors=["ArchibaldJ.L.FreedM.E.O'HaraR."])
    assert glued.first_surname == "archibald"
    assert glued.authors == keys(4, authors=["Archibald J L", "Freed M E", "O'Hara R"]).authors
    assert split_run_together("Gomez L.Li M.van der Vusse G.") == [
        "Gomez L.",
        "Li M.",
        "van der Vusse G.",
    ]
    # one name stays one name: initials written together, two-letter initials, a comma
    for name in ("Archibald J.L.", "Vladimirov Iu.A.", "Müller Th.", "Abad, M. J.", "WHO"):
        assert split_run_together(name) == [name]
    assert split_run_together("Jonsson-Rylander A. C.") == ["Jonsson-Rylander A. C."]


def test_a_short_first_surname_run_together_is_found_in_the_other_list() -> None:
    # no pages on one side, no DOI: authors_differ_no_page asks whether the first surname is
    # named in the other list; 'Abad' run into 'Bedoya' was read as 'abadb' and not found in a
    # list of full names run together ('Jose Abad MariaMiguel Bedoya ...'), so a person was asked
    title = "An update on drug interactions with the herbal medicine Ginkgo biloba"
    common = dict(title=title, journal="Curr Drug Metab", volume="11", issue="2", year=2010)
    ka = keys(1, authors=["Abad M. J.Bedoya L. M.Bermejo P."], pages="171-81", **common)
    kb = keys(2, authors=["Jose Abad MariaMiguel Bedoya LuisBermejo Paulina"], pages="", **common)
    assert verdict(ka, kb)[0] == "duplicate"
    # another first author stays for a person
    kc = keys(3, authors=["Kline R.Torres P.Quinn S."], pages="", **common)
    assert verdict(ka, kc)[0] != "duplicate"
