"""Reports of one study: links suggested from trial registration numbers, settled by a person."""

from __future__ import annotations

from conftest import add_records
from dedup.helpers import other

from reviewkit.cli import main
from reviewkit.dedup import engine
from reviewkit.dedup.pair_queue import review_queue
from reviewkit.dedup.review import decide_pair
from reviewkit.dedup.studies import (
    decide_study_link,
    linked_reports,
    open_suggestions,
    study_groups,
    suggest_study_links,
)
from reviewkit.dedup.study_numbers import number_links, registrations
from reviewkit.records import AbstractSection
from reviewkit.store.duplicates import canonical_map

DATABANK = (
    "<PubmedArticle><DataBankList CompleteYN='Y'><DataBank>"
    "<DataBankName>ClinicalTrials.gov</DataBankName><AccessionNumberList>"
    "<AccessionNumber>NCT01234567</AccessionNumber></AccessionNumberList>"
    "</DataBank></DataBankList></PubmedArticle>"
)


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _abstract(text):
    return [AbstractSection("TRIAL REGISTRATION", text)]


def trial_reports(project):
    """A protocol paper, the main paper (number in its DataBankList only), a follow-up, and a
    duplicate of the main paper from another database; plus an unrelated paper."""
    return add_records(
        project,
        [
            other(1, abstract_sections=_abstract("ClinicalTrials.gov NCT01234567.")),
            other(2, raw=DATABANK, source="PubMed"),
            other(3, abstract_sections=_abstract("Registration: NCT01234567 (follow-up)")),
            other(2, source="Embase"),
            other(4, abstract_sections=_abstract("ISRCTN12345678")),
        ],
    )


def test_shared_numbers_suggest_links_that_a_person_settles(project_a):
    protocol, main, follow_up, copy, unrelated = trial_reports(project_a)
    db = project_a.db
    engine.run_dedup(db)
    assert engine.cluster_members(db, copy)[0] == main  # the Embase copy is the same record
    assert suggest_study_links(db).new == 3  # protocol-main, protocol-follow-up, main-follow-up
    assert suggest_study_links(db).new == 0  # nothing new the second time
    pairs = {(s.a, s.b): s.evidence for s in open_suggestions(db)}
    assert pairs == {
        (protocol, main): "NCT01234567",
        (protocol, follow_up): "NCT01234567",
        (main, follow_up): "NCT01234567",
    }
    assert study_groups(db) == []  # a suggestion is not a link until a person says so
    decide_study_link(db, protocol, main, True, "lead")
    decide_study_link(db, copy, follow_up, True, "lead")  # a copy stands for its cluster
    decide_study_link(db, protocol, follow_up, True, "lead")
    (group,) = study_groups(db)
    assert group.reports == (protocol, main, follow_up) and group.study == protocol
    assert open_suggestions(db) == []
    studies = linked_reports(db, canonical_map(db))  # a report without links is not in it
    assert studies[follow_up] == protocol and unrelated not in studies
    # a person's 'different' takes a report out again
    decide_study_link(db, protocol, follow_up, False, "bob")
    decide_study_link(db, main, follow_up, False, "bob")
    assert study_groups(db)[0].reports == (protocol, main)


def test_study_commands_list_confirm_and_refuse_bad_ids(project_a, capsys):
    protocol, main, *_ = trial_reports(project_a)
    folder = str(project_a.folder)
    run(capsys, "dedup", "--project", folder)
    code, out, _ = run(capsys, "dedup", "studies", "--project", folder)
    assert code == 0 and "3 new suggestions; 3 waiting for a person" in out
    assert f"records {protocol} and {main} (registration): NCT01234567" in out
    args = ("dedup", "study-link", "--project", folder, "--reviewer", "lead", "--same")
    code, out, _ = run(capsys, *args, str(protocol), str(main))
    assert code == 0 and "reports of one study" in out
    code, out, _ = run(capsys, "dedup", "studies", "--project", folder)
    assert f"study {protocol}: 2 reports" in out and "2 waiting" in out
    code, _, err = run(capsys, *args, str(protocol), "999")
    assert code == 2 and "no record with id 999" in err


def test_a_number_in_the_file_name_or_source_links_nothing(project_a, capsys, tmp_path):
    """A file named for a trial (its citing papers, say) gives its records no number: the
    record's own fields and text are read, not where it came from."""
    folder = str(project_a.folder)
    project_a.close()
    path = tmp_path / "NCT04280705-citing.ris"
    path.write_text(
        "TY  - JOUR\nTI  - Remdesivir in hospitalised adults\nAU  - Smith, J\nPY  - 2020\n"
        "ER  - \n\nTY  - JOUR\nTI  - Return to work after depression\nAU  - Lee, K\nPY  - 2019\n"
        "ER  - \n",
        encoding="utf-8",
    )
    args = ("--project", folder)
    assert main(["import", str(path), "--source", "ISRCTN12345678 citations", *args]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "dedup", "studies", *args)
    assert code == 0 and "0 new suggestions; 0 waiting" in out, out


def test_a_number_after_a_line_break_is_read(project_a):
    """The fields are read as text: in the record's JSON a line break before the number is
    '\\n', a letter against it."""
    add_records(
        project_a, [other(n, abstract_sections=_abstract("Trial.\nNCT01234567")) for n in (1, 2)]
    )
    assert suggest_study_links(project_a.db).new == 1


def test_a_rejected_link_is_not_suggested_again_after_a_merge(project_a):
    """A person's verdict is on two studies, not on two record ids: when a later merge gives
    one of them another canonical record (a lower id, a newer version), the pair it rejected
    is still settled; and two reports already in one confirmed study need no suggestion."""
    copy, protocol, main, follow_up = add_records(
        project_a,
        [
            other(2, source="Embase"),  # a copy of the main paper, without its number
            other(1, abstract_sections=_abstract("ClinicalTrials.gov NCT01234567.")),
            other(2, raw=DATABANK, source="PubMed"),
            other(3, abstract_sections=_abstract("Registration: NCT01234567 (follow-up)")),
        ],
    )
    db = project_a.db
    assert suggest_study_links(db).new == 3
    decide_study_link(db, protocol, main, False, "lead")
    decide_study_link(db, protocol, follow_up, True, "lead")
    decide_study_link(db, main, follow_up, True, "lead")
    engine.merge_records(db, copy, main, "lead")  # the main paper's cluster is now `copy`'s
    assert canonical_map(db)[main] == copy
    assert suggest_study_links(db).new == 0
    assert {(s.a, s.b) for s in open_suggestions(db)} == set()


def test_a_suggestion_settled_through_a_merged_copy_is_no_longer_open(project_a):
    """A suggestion on records 2 and 3, then 3 merged into 1 and the person's verdict on 1 and 2
    (the same two studies): the suggestion is settled, not waiting for a person for ever."""
    copy, protocol, main = add_records(
        project_a,
        [
            other(2, source="Embase"),
            other(1, abstract_sections=_abstract("ClinicalTrials.gov NCT01234567.")),
            other(2, raw=DATABANK, source="PubMed"),
        ],
    )
    db = project_a.db
    assert suggest_study_links(db).new == 1
    engine.merge_records(db, copy, main, "lead")
    assert [(s.a, s.b) for s in open_suggestions(db)] == [(copy, protocol)]  # by canonical ids
    decide_study_link(db, copy, protocol, False, "lead")
    assert open_suggestions(db) == []


def test_a_report_naming_both_registrations_bridges_the_others(project_a, capsys):
    """One trial in ClinicalTrials.gov and ISRCTN: the protocol cites both numbers, the main
    paper only the NCT number, the follow-up only the ISRCTN number. The protocol is the
    bridge: all three pairs are suggested, the one without a shared number saying why."""
    main_paper, protocol, follow_up = add_records(
        project_a,
        [
            other(1, abstract_sections=_abstract("ClinicalTrials.gov NCT01234567")),
            other(2, abstract_sections=_abstract("NCT01234567; ISRCTN12345678")),
            other(3, abstract_sections=_abstract("ISRCTN 12345678")),
        ],
    )
    folder = str(project_a.folder)
    code, out, _ = run(capsys, "dedup", "studies", "--project", folder)
    assert code == 0 and "3 new suggestions" in out, out
    assert (
        f"records {main_paper} and {follow_up} (registration): NCT01234567 = ISRCTN12345678 "
        f"(one trial in two registers: record {protocol} carries both)"
    ) in out
    assert f"records {main_paper} and {protocol} (registration): NCT01234567" in out


def test_two_numbers_of_one_register_are_no_bridge(project_a):
    """A protocol naming its pilot's number beside its own (two ClinicalTrials.gov numbers)
    shares a number with each, but does not make the pilot's report and the main paper one
    trial; nor do two reports that chained would give one trial two ISRCTN numbers."""
    pilot, protocol, main_paper = add_records(
        project_a,
        [
            other(1, abstract_sections=_abstract("NCT07654321")),
            other(2, abstract_sections=_abstract("NCT01234567 (pilot: NCT07654321)")),
            other(3, abstract_sections=_abstract("NCT01234567")),
        ],
    )
    suggest_study_links(project_a.db)
    pairs = {(s.a, s.b) for s in open_suggestions(project_a.db)}
    assert pairs == {(pilot, protocol), (protocol, main_paper)}


def test_a_record_of_two_trials_or_a_session_bridges_nothing(project_a, capsys):
    """A joint report of two trials ('CMT-TRIAAL and CMT-TRAUK', one in EudraCT, the other in
    ISRCTN) and a meeting session's abstract carry numbers of two registers that are two
    trials': the reports citing one number each are not suggested as one trial's."""
    eudract, isrctn, nct = "EudraCT 2006-000032-27", "ISRCTN12345678", "NCT01234567"
    joint, italian, british, session, talk, other_talk = add_records(
        project_a,
        [
            other(1, title="Ascorbic acid in Charcot-Marie-Tooth disease type 1A (CMT-TRIAAL "
                  "and CMT-TRAUK): a double-blind randomised trial",
                  abstract_sections=_abstract(f"{eudract}; {isrctn}")),
            other(2, abstract_sections=_abstract(eudract)),
            other(3, abstract_sections=_abstract(isrctn)),
            other(4, title="MS07.05 Stage I (resectable) NSCLC: radiation",
                  abstract_sections=_abstract(f"ISRCTN87654321 and {nct}")),
            other(5, abstract_sections=_abstract("ISRCTN87654321")),
            other(6, abstract_sections=_abstract(nct)),
        ],
    )  # fmt: skip
    code, out, _ = run(capsys, "dedup", "studies", "--project", str(project_a.folder))
    assert code == 0 and "one trial in two registers" not in out, out
    pairs = {(s.a, s.b) for s in open_suggestions(project_a.db)}
    assert pairs == {(joint, italian), (joint, british), (session, talk), (session, other_talk)}


def test_two_conditions_in_brackets_are_no_two_trials(project_a, capsys):
    """A trial's protocol on 'post-traumatic stress disorder and major depressive disorder
    (PTSD and MDD)' cites its two registrations: the bracket abbreviates the conditions before
    it, names no two trials, so the protocol bridges the reports citing one number each."""
    nct, isrctn = "NCT01234567", "ISRCTN12345678"
    protocol, main_paper, follow_up = add_records(
        project_a,
        [
            other(1, title="Internet therapy for post-traumatic stress disorder and major "
                  "depressive disorder (PTSD and MDD): protocol of a randomised trial",
                  abstract_sections=_abstract(f"{nct}; {isrctn}")),
            other(2, abstract_sections=_abstract(nct)),
            other(3, abstract_sections=_abstract(isrctn)),
        ],
    )  # fmt: skip
    code, out, _ = run(capsys, "dedup", "studies", "--project", str(project_a.folder))
    assert code == 0 and f"record {protocol} carries both" in out, out
    pairs = {(s.a, s.b) for s in open_suggestions(project_a.db)}
    assert pairs == {(protocol, main_paper), (protocol, follow_up), (main_paper, follow_up)}


def test_bridges_that_give_one_trial_two_numbers_of_one_register_join_nothing():
    numbers = {
        1: {"NCT01234567", "ISRCTN12345678"},
        2: {"NCT01234567", "ISRCTN87654321"},  # a mistyped number, or a review of two trials
        3: {"ISRCTN12345678"},
        4: {"ISRCTN87654321"},
        5: {"DRKS00012345", "ISRCTN11112222"},  # a bridge of its own: 6 and 7 are one trial
        6: {"DRKS00012345"},
        7: {"ISRCTN11112222"},
    }
    found = number_links(numbers)
    assert set(found) == {(1, 2), (1, 3), (2, 4), (5, 6), (5, 7), (6, 7)}
    assert found[(1, 2)].evidence() == "NCT01234567"
    assert found[(6, 7)].evidence() == (
        "DRKS00012345 = ISRCTN11112222 (one trial in two registers: record 5 carries both)"
    )


def test_one_index_gives_each_study_its_trials_registrations_and_the_pairs():
    """The numbers' one reading for dedup studies: the registrations each study's trial has
    (what the cues compare) and the pairs the numbers join, from one index of the numbers."""
    numbers = {
        1: {"NCT01234567", "ISRCTN12345678"},  # the bridge
        2: {"NCT01234567"},
        3: {"ISRCTN12345678"},
        4: {"NCT07654321"},
    }
    found = registrations(numbers)
    both = {"NCT01234567", "ISRCTN12345678"}
    assert found.trial_numbers == {1: both, 2: both, 3: both, 4: {"NCT07654321"}}
    assert set(found.links) == {(1, 2), (1, 3), (2, 3)} == set(number_links(numbers))
    assert registrations(numbers, joint={1}).trial_numbers[2] == {"NCT01234567"}


def test_a_pair_in_the_dedup_queue_is_a_duplicate_question_first(project_a, capsys):
    """Two records on one journal's pages, a year apart, titles that differ (a translated
    title?): the dedup queue asks whether they are one record. They share a trial's number
    too, but are not suggested as two reports of one study until that is answered; the
    command says where the pair is. Once a person says 'different', they are suggested."""
    where = dict(authors=["Strasser, R.", "Vogt, A."], journal="Z Kardiol", volume="85",
                 issue="2", pages="79-89", abstract_sections=_abstract("NCT01234567"))  # fmt: skip
    a, b = add_records(
        project_a,
        [
            other(1, title="Myocardial protection by preconditioning", year=1996, **where),
            other(2, title="Ischemic preconditioning: experimental results", year=1997, **where),
        ],
    )
    folder = str(project_a.folder)
    run(capsys, "dedup", "--project", folder)
    assert [(q.a, q.b) for q in review_queue(project_a.db)] == [(a, b)]
    code, out, _ = run(capsys, "dedup", "studies", "--project", folder)
    assert code == 0 and "0 new suggestions; 0 waiting for a person" in out, out
    assert "1 pair also in the dedup queue as possible duplicates" in out
    assert f"  records {a} and {b}\n" in out and "reviewkit dedup review" in out
    decide_pair(project_a.db, a, b, "not_duplicate", "lead")
    code, out, _ = run(capsys, "dedup", "studies", "--project", folder)
    assert "1 new suggestion; 1 waiting" in out and "dedup queue" not in out, out


def test_a_queued_pair_answered_same_leaves_one_study_with_its_other_reports(project_a, capsys):
    """The pair the dedup queue asks about, answered 'duplicate': no longer held, not suggested
    with itself, and its one study's suggestion with a third report of the trial is shown once
    (the two copies' suggestions with it were one)."""
    where = dict(authors=["Strasser, R.", "Vogt, A."], journal="Z Kardiol", volume="85",
                 issue="2", pages="79-89", abstract_sections=_abstract("NCT01234567"))  # fmt: skip
    a, b, third = add_records(
        project_a,
        [
            other(1, title="Myocardial protection by preconditioning", year=1996, **where),
            other(2, title="Ischemic preconditioning: experimental results", year=1997, **where),
            other(3, title="Preconditioning: ten-year follow-up", year=2006,
                  abstract_sections=_abstract("NCT01234567")),
        ],
    )  # fmt: skip
    folder = str(project_a.folder)
    run(capsys, "dedup", "--project", folder)
    code, out, _ = run(capsys, "dedup", "studies", "--project", folder)
    assert "2 new suggestions; 2 waiting" in out and "1 pair also in the dedup queue" in out, out
    decide_pair(project_a.db, a, b, "duplicate", "lead")
    code, out, _ = run(capsys, "dedup", "studies", "--project", folder)
    assert code == 0 and "0 new suggestions; 1 waiting" in out and "dedup queue" not in out, out
    kept = canonical_map(project_a.db)[a]
    assert [(s.a, s.b) for s in open_suggestions(project_a.db)] == [
        (min(kept, third), max(kept, third))
    ]


def test_a_bridge_tells_the_cues_a_trials_other_registration(project_a):
    """The SPINE trial's protocol cites NCT01234567 and its main paper ISRCTN87654321, same
    team and name: one trial registered twice, for all the numbers say, so the cues suggest
    them. Once a third report names NCT01234567 beside ISRCTN12345678, the trial's ISRCTN
    number is that one, and the main paper's is another trial's: not suggested."""
    team = ["Hansen, Kari", "Berg, Ola"]
    protocol, main_paper = add_records(
        project_a,
        [
            other(1, title="Study protocol of the SPINE trial of surgery", authors=team,
                  year=2012, abstract_sections=_abstract("NCT01234567")),
            other(2, title="Surgery for sciatica: the SPINE trial", authors=team, year=2015,
                  abstract_sections=_abstract("ISRCTN87654321")),
        ],
    )  # fmt: skip
    suggest_study_links(project_a.db)
    assert [(s.a, s.b, s.cues) for s in open_suggestions(project_a.db)] == [
        (protocol, main_paper, "name, authors, words")
    ]
    decide_study_link(project_a.db, protocol, main_paper, False, "lead")  # settle it
    (bridge,) = add_records(
        project_a, [other(3, abstract_sections=_abstract("NCT01234567, ISRCTN12345678"))]
    )
    (later,) = add_records(
        project_a,
        [other(4, title="Five-year follow-up of the SPINE trial", authors=team, year=2019,
               abstract_sections=_abstract("ISRCTN87654321"))],
    )  # fmt: skip
    suggest_study_links(project_a.db)
    pairs = {(s.a, s.b) for s in open_suggestions(project_a.db)}
    assert (protocol, bridge) in pairs and (main_paper, later) in pairs
    assert (protocol, later) not in pairs  # its trial's ISRCTN number is another
