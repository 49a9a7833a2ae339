"""A notice about a trial's paper (an erratum, a comment, a reply, a retraction) is no report of
the trial: it joins no study, by its registration numbers or by the trial's name, team and
words, while the trial's other reports still do."""

from __future__ import annotations

from conftest import add_records
from dedup.helpers import keys, other

from reviewkit.dedup.follow_on import notice_about_a_paper
from reviewkit.dedup.studies import open_suggestions, suggest_study_links
from reviewkit.dedup.study_cues import cue_links, study_cues
from reviewkit.records import AbstractSection, Record

TEAM = ["Hansen, Kari", "Berg, Ola", "Lund, Per", "Moe, Siri"]
TRIAL = "Surgery or physiotherapy for sciatica: the SPINE randomised controlled trial"


def _links(*records: Record) -> set[tuple[int, int]]:
    return set(cue_links({i: study_cues([r]) for i, r in enumerate(records)}))


def test_an_erratum_or_a_comment_on_a_trials_paper_joins_no_study_by_its_cues():
    paper = Record(title=TRIAL, authors=TEAM, year=2015)
    follow_up = Record(
        title="Two-year follow-up of the SPINE trial of sciatica", authors=TEAM, year=2017
    )
    for notice in (
        Record(title=f"Erratum: {TRIAL}", authors=TEAM, year=2015),
        Record(title=f"Correction to: {TRIAL}", authors=TEAM, year=2016),
        Record(title=f"{TRIAL} - Authors' reply", authors=TEAM[:2], year=2016),
        # PubMed's publication type says what the title does not
        Record(
            title="Surgery for sciatica in the SPINE trial: too early to operate?",
            authors=["Smith, John", "Lund, Per"],
            year=2016,
            publication_types=["Comment", "Letter"],
        ),
        Record(title=TRIAL, authors=TEAM, year=2016, publication_types=["Published Erratum"]),
    ):
        assert _links(paper, follow_up, notice) == {(0, 1)}, notice.title


def test_a_notice_carrying_the_trials_number_joins_no_study(project_a):
    """An erratum printing its article's abstract (registration line and all) and a comment
    citing the trial's number: the trial's two reports are one study, the notices none's."""
    reg = [AbstractSection("TRIAL REGISTRATION", "ClinicalTrials.gov NCT01234567")]
    first, second, *_ = add_records(
        project_a,
        [
            other(1, abstract_sections=reg),
            other(2, abstract_sections=reg),
            other(3, title=f"Erratum: {other(1).title}", abstract_sections=reg),
            other(4, abstract_sections=reg, publication_types=["Comment"]),
        ],
    )
    assert suggest_study_links(project_a.db).new == 1
    assert [(s.a, s.b) for s in open_suggestions(project_a.db)] == [(first, second)]


def test_a_trials_report_titled_response_or_correction_is_a_report():
    """'Response to …' and 'Correction of …' open ordinary articles' titles (117 of the
    341 titles of the benchmark sets that dedup read as notices by their first word): a trial's
    report still joins its trial; 'Response:' and 'Correction to:' as a heading are notices."""
    paper = Record(title=TRIAL, authors=TEAM, year=2015)
    for title in (
        "Response to physiotherapy in sciatica: two-year follow-up of the SPINE trial",
        "Correction of foot drop after surgery: secondary analysis of the SPINE trial",
    ):
        assert _links(paper, Record(title=title, authors=TEAM, year=2017)) == {(0, 1)}, title
    assert not notice_about_a_paper(Record(title="[Response of coronary segments to serotonin]"))
    assert not notice_about_a_paper(Record(title="Retraction of anesthesia publications: a review"))
    assert notice_about_a_paper(Record(title="Retraction note to: Effect of X on Y"))
    for title in (f"Response: {TRIAL}", f"Correction to: {TRIAL}"):
        assert _links(paper, Record(title=title, authors=TEAM, year=2016)) == set(), title


def test_a_notice_on_an_article_titled_response_or_correction_is_a_notice():
    """The heading rule for 'Response', 'Correction' and 'Retraction' keeps an article that
    opens so an article; a notice of that article titled with its title and what it is (Web of
    Science's correction with the article's place, Cambridge's '– Erratum', '- Authors' reply',
    APA's 'Correction to Lee et al.') is still a notice."""
    article = "Response to six classes of antihypertensive medications in a randomized trial"
    assert not notice_about_a_paper(Record(title=article))
    for title in (
        f"{article} (vol 85, pg 553, 2010)",
        f"{article}: Erratum",
        f"{article} - Authors' reply",
        f'"{article}": Correction to Lee et al. (2014).',
        "Correction of anaemia with epoetin alfa in kidney disease [Corrigendum]",
    ):
        assert notice_about_a_paper(Record(title=title)), title


def test_notices_headed_in_other_languages_are_notices():
    """Errata and retractions as journals in other languages head them (Spanish 'Fe de
    erratas', German 'Berichtigung', French 'Rectificatif', Italian 'Rettifica', the Latin
    plural 'Corrigenda'), and NEJM's 'Retraction and Republication: …' notice beside the
    republished trial: notices for dedup and for study links alike."""
    for title in (
        "Fe de erratas",
        "Fe de errores: Ensayo aleatorizado de cirugía frente a fisioterapia",
        "Berichtigung: Chirurgie oder Physiotherapie bei Ischias",
        "Rectificatif : Chirurgie ou kinésithérapie pour la sciatique",
        "Rettifica",
        "Corrigenda",
        "Retraction and Republication: Primary Prevention of Cardiovascular Disease with a"
        " Mediterranean Diet. N Engl J Med 2013;368:1279-90.",
    ):
        assert notice_about_a_paper(Record(title=title)), title
        assert keys(1, title=title).notice, title
    # the republished trial itself, and articles opening on a kindred word, are no notices
    for title in (
        "Primary Prevention of Cardiovascular Disease with a Mediterranean Diet Supplemented"
        " with Extra-Virgin Olive Oil or Nuts",
        "Rectification of the spine: a randomised trial",
        "Berichte aus der Praxis: eine randomisierte Studie",
    ):
        assert not notice_about_a_paper(Record(title=title)), title


def test_dedup_reads_response_correction_and_retraction_as_notices_only_as_a_heading():
    """dedup's reading of notices is the one study links use: an article opening on 'Response
    to …' or 'Correction of …' is no notice (so its copies are not kept from it as one), a
    heading is."""
    for title in (
        "Response to placebo among bipolar I disorder patients experiencing a first manic episode",
        "Correction of arterial structure in essential hypertension by losartan",
        "Retraction of anesthesia publications: a systematic review",
        "[Response of isolated coronary artery segments to serotonin]",
    ):
        assert not keys(1, title=title).notice, title
    for title in (
        "Response",
        "Response to letter to the editor regarding the SPINE trial",
        "Correction to: Surgery or physiotherapy for sciatica",
        "RETRACTION. Latitude affects laying by birds: a meta-analysis",
        "Retraction note to: Effect of X on Y",
    ):
        assert keys(1, title=title).notice, title


def test_corrections_to_a_subject_in_lower_case_is_an_article_not_a_notice():
    """'Corrections to' followed by the subject corrected, a noun phrase in lower case, opens an
    article's title (Med Phys); a notice names what it corrects by a colon, quotes, a citation
    or 'the article', and all capitals show no case."""
    for title in (
        "Corrections to megavoltage depth-dose values due to reduced backscatter thickness.",
        "Correction to scattered-dose estimates for small photon fields",
    ):
        assert not keys(1, title=title).notice, title
        assert not notice_about_a_paper(Record(title=title)), title
    for title in (
        "Correction to: Neurological update: use of cardiac troponin in patients with stroke.",
        "Correction to Lancet Oncol 2021; 22: 581-83.",
        "Correction to Lancet Respir Med 2021; published online April 9.",
        "Correction to Fox Meyer and Vogt (2015)",
        "CORRECTION TO 'STARVATION EFFECTS ON NITROGEN AND CARBON STABLE ISOTOPES OF ANIMALS'",
        "Correction to - How and why organisations use social media",
        "Correction to the article by Hansen et al. on sciatica",
        "Corrections to our paper on megavoltage depth-dose values",
        "correction to lancet oncol 2021; 22: 581-83",
    ):
        assert keys(1, title=title).notice, title


def test_corrections_to_a_subject_in_title_case_is_an_article_not_a_notice():
    """In Title Case every word has its capital, so the subject's case says nothing: 'Correction
    To <Subject>' opens an article's title unless it names what it corrects as a notice does
    (a word naming the publication among its first words, a quote, a citation's year, 'et
    al'). Read by dedup (the title alone) and by the notices."""
    for title in (
        "Correction To The Deformity: Long-Term Results Of Pedicle Screw Fixation",
        "Corrections To Scattered-Dose Estimates For Small Photon Fields",
        "Correction To A Valgus Knee In Total Knee Arthroplasty: A Case Report",
        # Title Case with its small words small: the determiner joins the capital to 'to'
        "Correction to the Deformity: Long-Term Results of Pedicle Screw Fixation",
        "Corrections to a Valgus Knee in Total Knee Arthroplasty: A Case Report",
        "Correction to the Deformity of the Spine Between Childhood and Adolescence",
        "Correction to the Varus Knee with Long-term Follow-up",  # small and hyphened words
    ):
        assert not keys(1, title=title).notice, title
        assert not notice_about_a_paper(Record(title=title)), title
    for title in (
        "Correction To The Paper Entitled: Graded Activity In Workers",
        "Correction To The Above Mentioned Original Article By Hansen",
        "Correction To Our Paper On Megavoltage Depth-Dose Values",
        "Correction To 'Graded Activity And Sick Leave In Workers With Low Back Pain'",
        "Correction To Lancet Oncol 2021; 22: 581-83",
        "Correction To Fox Meyer And Vogt (2015)",
        "Correction To Hansen Et Al.",
        "Correction To: Graded Activity And Sick Leave",
        "CORRECTION TO THE DEFORMITY OF THE SPINE",
        "Correction to The Structure of Graded Activity in Workers",  # the title's own capital
        "Correction to the Article by Hansen on Graded Activity",
        "Correction to the Deformity of the Spine, Lancet 2019; 393: 12-21",
        # sentence case, the capital a name's: what follows it stays in lower case
        "Correction to the Lancet Commission on global mental health and sustainable development",
        "Correction to the American Heart Association guideline for resuscitation",
        "Correction to the Nordic Walking trial protocol in older adults",
    ):
        assert keys(1, title=title).notice, title
        assert notice_about_a_paper(Record(title=title)), title
