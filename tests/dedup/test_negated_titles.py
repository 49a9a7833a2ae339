"""Titles 95+ alike that name the other arm or the other people (dedup46a): one negating word
inserted ('Surgical' / 'Non-surgical treatment of ...') or a sex named in the singular ('... in
man' / '... in woman'). Same journal, volume, issue, year and authors, no page: a team's two
papers, which the pages told apart. Hand-made records (the ten labelled sets hold no such pair:
benchmarks/results/dedup-stress.md, dedup46a)."""

from __future__ import annotations

from dedup.helpers import NO_PLACE, keys, verdict

from reviewkit.dedup.matching import match

HAEMATOMA = "treatment of chronic subdural haematoma in the elderly"
UNPAGED = dict(pages="")


def test_a_negating_word_at_the_start_sends_the_pair_to_a_person():
    surgical = keys(1, title="Surgical " + HAEMATOMA, **UNPAGED)
    non_surgical = keys(2, title="Non-surgical " + HAEMATOMA, **UNPAGED)
    assert verdict(surgical, non_surgical) == ("uncertain", "negation_no_page")
    assert verdict(non_surgical, surgical) == ("uncertain", "negation_no_page")
    # a person sees the pair; nothing merges it
    result = match({1: surgical, 2: non_surgical})
    assert not result.accepted
    assert [(u.a, u.b, u.rule) for u in result.uncertain] == [(1, 2, "negation_no_page")]
    # with a first page on both sides the pages decide, as before
    paged = keys(3, title="Surgical " + HAEMATOMA, pages="211-219")
    paged_non = keys(4, title="Non-surgical " + HAEMATOMA, pages="221-229")
    decided = verdict(paged, paged_non)
    assert decided[0] != "duplicate" and decided[1] != "negation_no_page"
    # a bare title (a registration) is never merged on its title, as before
    bare_a = keys(5, title="Surgical " + HAEMATOMA, journal="", **NO_PLACE)
    bare_b = keys(6, title="Non-surgical " + HAEMATOMA, journal="", **NO_PLACE)
    assert verdict(bare_a, bare_b)[0] != "duplicate"


def test_a_negating_word_inside_the_title_sends_the_pair_to_a_person():
    title = "Insulin clearance in {}diabetic patients treated with metformin for one year"
    a = keys(1, title=title.format(""), **UNPAGED)
    b = keys(2, title=title.format("non-"), **UNPAGED)
    assert verdict(a, b) == ("uncertain", "negation_no_page")
    claim = "The hypotensive effect of clonidine is {}mediated by central alpha receptors"
    c = keys(3, title=claim.format(""), **UNPAGED)
    d = keys(4, title=claim.format("not "), **UNPAGED)
    assert verdict(c, d) == ("uncertain", "negation_no_page")
    # 'nonsmallcell' / 'non small cell' (neuroimaging, a true pair): one word spelt two ways
    title = "E-cadherin as a predictive marker of brain metastasis in {} lung cancer"
    e = keys(5, title=title.format("nonsmallcell"), **UNPAGED)
    f = keys(6, title=title.format("non-small-cell"), **UNPAGED)
    assert verdict(e, f) == ("duplicate", "biblio_match")
    # a negation both titles hold, a subtitle dropped from one
    full = keys(7, title="Non-surgical " + HAEMATOMA + ": a cohort study", **UNPAGED)
    short = keys(8, title="Non-surgical " + HAEMATOMA, **UNPAGED)
    assert verdict(full, short) == ("duplicate", "biblio_match")


def test_man_and_woman_name_two_sexes():
    title = "Plasma clearance and tissue uptake of insulin degludec in {}"
    man = keys(1, title=title.format("man"), **UNPAGED)
    woman = keys(2, title=title.format("woman"), **UNPAGED)
    assert verdict(man, woman) == ("not_duplicate", "population_differs")
    women = keys(3, title=title.format("women"), **UNPAGED)
    assert verdict(man, women) == ("not_duplicate", "population_differs")
    case = "A 12-year-old {} with recurrent haemoptysis after lung transplantation"
    boy = keys(4, title=case.format("boy"), **UNPAGED)
    girl = keys(5, title=case.format("girl"), **UNPAGED)
    assert verdict(boy, girl) == ("not_duplicate", "population_differs")


def test_man_and_men_are_one_sex_on_a_bare_title():
    # a registration titled in the singular and its copy in the plural: a person decides, where
    # 'man' named no group and the one-sided 'men' kept them apart for good
    title = "Exercise training and glucose tolerance in {} with prediabetes"
    a = keys(1, title=title.format("man"), journal="", **NO_PLACE)
    b = keys(2, title=title.format("men"), journal="", **NO_PLACE)
    assert verdict(a, b) == ("uncertain", "title_only_record")
