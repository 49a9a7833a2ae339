"""Author lists run together: some exports lose the separators between authors ('Abad M.
J.Bedoya L. M.Bermejo P.', EndNote exports in the bib-dedupe sets; 'ArchibaldJ.L.FreedM.E.'
with no blank before the initials either). Each name is read up to its initials, so the first
surname is the first author's alone and the list compares as the same list written with
separators."""

from __future__ import annotations

from dedup.helpers import keys, verdict

from reviewkit.author_names import split_name, split_run_together

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


def test_a_name_run_together_starts_at_any_word_in_lower_case_or_after_a_suffix() -> None:
    # particles of the one list and rarer ones ('te', 'an'), a surname the export wrote in
    # lower case, and a generational suffix that ends a name like an initial
    assert split_run_together("van Veggel N.ter Riet G.Leeflang M.") == [
        "van Veggel N.",
        "ter Riet G.",
        "Leeflang M.",
    ]
    assert split_run_together("Hafner H.an der Heiden W.") == ["Hafner H.", "an der Heiden W."]
    assert split_run_together("Tauskela J. S.chakravarthy B. R.") == [
        "Tauskela J. S.",
        "chakravarthy B. R.",
    ]
    # the suffix run into the initials is written apart (test_glued_suffixes)
    assert split_run_together("NestorJ.J.Jr.FergerM.F.") == ["Nestor J.J. Jr.", "Ferger M.F."]
    # the citation label and the writers read the same first name
    assert split_name("Hafner H.an der Heiden W.").surname == "Hafner"
    # a blank and a lower-case word inside one name is no boundary ('Smith J. and ...')
    assert split_run_together("Smith J. and Jones K.") == ["Smith J. and Jones K."]


def test_the_author_key_keeps_five_names_of_a_list_run_together_with_particles() -> None:
    run_on = keys(
        1, authors=["Leenaars M.Hooijmans C. R.van Veggel N.ter Riet G.Leeflang M.Hooft L."]
    )
    apart = keys(
        2, authors=["Leenaars M", "Hooijmans CR", "van Veggel N", "ter Riet G", "Leeflang M"]
    )
    assert run_on.authors == apart.authors


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


def test_a_list_run_together_with_initials_without_full_stops_is_read_name_by_name() -> None:
    # srsr's 905 lists of one source: MEDLINE's 'Surname INITIALS' with the separators lost;
    # the next surname starts at the last capital before a small letter, or at a particle
    assert split_run_together("Macleod MREbrahim SRoberts I") == [
        "Macleod MR",
        "Ebrahim S",
        "Roberts I",
    ]
    assert split_run_together("Horky LLvan der Worp BHHowells DW") == [
        "Horky LL",
        "van der Worp BH",
        "Howells DW",
    ]
    run_on = keys(1, authors=["Macleod MREbrahim SRoberts I"])
    apart = keys(2, authors=["Macleod, M. R.", "Ebrahim, S.", "Roberts, I."])
    assert run_on.first_surname == apart.first_surname == "macleod"
    assert run_on.surnames == apart.surnames
    assert split_name("Macleod MREbrahim SRoberts I").surname == "Macleod"


def test_capitals_inside_a_surname_or_a_group_do_not_cut_a_name() -> None:
    # a capital inside a surname follows a small letter, never the blank after the initials
    assert split_run_together("Smith JMcDonald AB") == ["Smith J", "McDonald AB"]
    assert split_run_together("Smith JDeVries AMacLeod K") == ["Smith J", "DeVries A", "MacLeod K"]
    # one name each: NLM's two-letter initials, groups, names in full, surnames alone
    for name in (
        "Pavlinov IIa",
        "Yiannakopoulou ECh",
        "International SSc Group",
        "FOSInopril in DIALysis Investigators",
        "Wang XiaoMing",
        "MacLeod AB",
        "DeVries JA",
        "McDonald JWD",
    ):
        assert split_run_together(name) == [name]
