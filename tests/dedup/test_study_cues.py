"""Study links from a trial's name, its team and its titles' words (no registration number):
each cue and its guards on hand-made records, and through `dedup studies` / `dedup study-link`."""

from __future__ import annotations

from conftest import add_records

from reviewkit.cli import main
from reviewkit.dedup.abbreviations import initials, long_form, spelt_out
from reviewkit.dedup.follow_on import follow_on_report
from reviewkit.dedup.studies import open_suggestions, study_groups, suggest_study_links
from reviewkit.dedup.study_cues import MAX_SHARING, PERIOD, author_key, cue_links, study_cues
from reviewkit.dedup.study_names import (
    names_several_trials,
    record_languages,
    trial_names,
)
from reviewkit.records import AbstractSection, Record

TEAM = ["Hansen, Kari", "Berg, Ola", "Lund, Per", "Moe, Siri"]
OTHER_TEAM = ["Smith, John", "Brown, Anna", "Lee, Kim"]


def rec(title: str, authors: list[str], year: int = 2015, **kw) -> Record:
    return Record(title=title, authors=authors, year=year, **kw)


def links(*records: Record, numbers: tuple[tuple[str, ...], ...] = ()) -> dict:
    """cue_links over one study per record; ``numbers``: each study's registration numbers."""
    nums = numbers or tuple(() for _ in records)
    return cue_links(
        {i: study_cues([r], n) for i, (r, n) in enumerate(zip(records, nums, strict=True))}
    )


def test_trial_names_in_titles():
    assert trial_names("Study protocol of the SPINE trial") == {"SPINE"}
    assert trial_names("Return to work after back surgery (RETURN study)") == {"RETURN"}
    assert trial_names("XYZ: a randomised controlled trial of exercise") == {"XYZ"}
    assert trial_names("Work ability at follow-up-WorkUp, a randomized controlled trial") == {
        "WORKUP"
    }
    assert trial_names("Results of the IPS-MA randomised controlled trial") == {"IPSMA"}
    assert trial_names("A randomized controlled trial (BeST) of back skills") == {"BEST"}


def test_trial_names_in_other_languages():
    assert trial_names("Ergebnisse der SPINE-Studie bei Ischialgie") == {"SPINE"}
    assert trial_names("Die WorkUp Studie: Rückkehr zur Arbeit") == {"WORKUP"}
    assert trial_names("Fem års resultat från RETURN-studien") == {"RETURN"}  # sv/no/da
    assert trial_names("Résultats de l’étude ESPRIT chez les femmes") == {"ESPRIT"}
    assert trial_names("Resultados del estudio PREDIMED") == {"PREDIMED"}
    assert trial_names("Resultaten van het WorkUp-onderzoek") == {"WORKUP"}
    assert trial_names("Rugpijn in de SPINE-studie") == {"SPINE"}
    # the record's language, when it names one, says which forms are read; English always
    german, english = record_languages("German"), record_languages("eng")
    assert trial_names("Ergebnisse der SPINE-Studie", german) == {"SPINE"}
    assert trial_names("Ergebnisse der SPINE-Studie", english) == set()
    assert trial_names("Fem års resultat från RETURN-studien", german) == set()
    assert trial_names("Results of the SPINE trial", german) == {"SPINE"}
    assert record_languages("") is None and record_languages("Deutsch") is None  # unknown
    assert record_languages("English; German") == {"eng", "ger"}


def test_follow_on_reports_in_other_languages():
    for title in (
        "Studienprotokoll der SPINE-Studie",
        "Protokoll einer randomisierten kontrollierten Studie zur Rückenschule",
        "5-Jahres-Nachuntersuchung nach Bandscheibenoperation",
        "Kosten-Nutzen-Analyse der integrierten Versorgung",
        "Oppfølging etter fem år av IPS-studien",
        "Uppföljning av arbetsåtergång efter två år",
        "Protocole de l'étude ESPRIT",
        "Protocolo de un ensayo clínico aleatorizado",
        "Seguimiento a largo plazo del estudio PREDIMED",
        "Kosteneffectiviteit van het WorkUp-onderzoek",
    ):
        assert follow_on_report(title), title
        assert not follow_on_report(title, record_languages("eng")), title
    # a treatment's protocol and a telephone follow-up are interventions, not reports
    for title in ("Behandlungsprotokoll bei Sepsis", "Protocole de l'anesthésie pédiatrique",
                  "Seguimiento telefónico tras el alta"):  # fmt: skip
        assert not follow_on_report(title), title


def test_other_languages_follow_on_words_mean_a_later_report():
    """A drug's long action ('mit Langzeitwirkung', 'Langzeitwirkung … in vitro'), a disease's
    long course, follow-up care ('oppfølging av sykmeldte', 'telefonuppföljning') and a
    cost-effective treatment are no later report of a trial; a long-term result, a follow-up
    study or one years after, and a cost-effectiveness analysis are."""
    german, nordic = record_languages("ger"), record_languages("Norwegian; Swedish; Danish")
    for title in (
        "Langzeitwirkung von Sulfonylharnstoffen in vitro und in vivo auf die Inseln",
        "Insulin mit Langzeitwirkung bei Typ-2-Diabetes",
        "Langzeitverlauf konservativ behandelter Armplexusläsionen",
        "Langzeiteffekte von Cortison auf Knochenzellen",
    ):
        assert not follow_on_report(title, german), title
    assert follow_on_report("Langzeitergebnisse nach Kniegelenkssynovektomie", german)
    for title in (
        "Oppfølging av sykmeldte i allmennpraksis",
        "Telefonuppföljning efter dagkirurgi",
        "Kostnadseffektiv behandling av depression",
    ):
        assert not follow_on_report(title, nordic), title
    for title in (
        "Femårsuppföljning av ryggkirurgi",
        "Långtidsuppföljning av barn med astma",
        "En uppföljningsstudie av barn med astma",
        "5-års opfølgning af patienter med rygsmerter",
        "Kostnadseffektivitet av internetbasert KBT",
    ):
        assert follow_on_report(title, nordic), title


def test_trial_names_and_follow_on_reports_in_italian_and_portuguese():
    italian, portuguese, english = (record_languages(x) for x in ("ita", "Portuguese", "eng"))
    assert trial_names("Risultati dello studio PREDIMED", italian) == {"PREDIMED"}
    assert trial_names("Lo studio ARCADIA: disegno e metodi") == {"ARCADIA"}
    assert trial_names("Esiti nel trial EMPA-REG", italian) == {"EMPAREG"}
    assert trial_names("Resultados do estudo ELSA-Brasil", portuguese) == {"ELSABRASIL"}
    assert trial_names("O ensaio CONFIRM em idosos") == {"CONFIRM"}
    assert trial_names("Resultados do estudo ELSA-Brasil", english) == set()
    assert trial_names("Risultati dello studio PREDIMED", portuguese) == set()
    for title, lang in (
        ("Protocollo di uno studio randomizzato controllato", italian),
        ("Risultati a lungo termine della chirurgia bariatrica", italian),
        ("Protocolo de um ensaio clínico randomizado", portuguese),
        ("Seguimento a longo prazo do estudo ELSA-Brasil", portuguese),
        ("Custo-efetividade da vacinação", portuguese),
    ):
        assert follow_on_report(title, lang) and not follow_on_report(title, english), title
    # a treatment's protocol and a telephone follow-up are interventions, not reports
    for title in ("Protocollo di trattamento della sepsi", "Seguimento telefônico após alta"):
        assert not follow_on_report(title), title


def test_a_trials_reports_in_two_languages_are_linked():
    """A German protocol and the English main paper of the SPINE trial, one author in
    common; a Norwegian follow-up of the IPS trial by its team: suggested."""
    protocol = rec("Studienprotokoll der SPINE-Studie", ["Müller, Hans", TEAM[0]], 2012,
                   language="ger")  # fmt: skip
    main_paper = rec("Surgery for sciatica: the SPINE trial", TEAM, 2015)
    ((_, link),) = links(protocol, main_paper).items()
    assert link.names == ("SPINE",) and link.authors == ("hansen k",)
    ips = rec("Individual placement and support for young adults: the IPS trial", TEAM, 2016)
    follow_up = rec("Oppfølging etter to år av IPS-studien", TEAM[:2], 2018, language="nor")
    ((_, link),) = links(ips, follow_up).items()
    assert link.names == ("IPS",) and link.first_author


def test_words_that_are_no_trials_name():
    # one capital: an ordinary word; the condition before ': a randomised trial' inside a
    # title; a kind of trial or a country; a title in capitals, where every word looks a name
    assert trial_names("The Danish trial of exercise") == set()
    assert trial_names("Exercise in COPD: a randomised controlled trial") == set()
    assert trial_names("Findings of the RCT in the UK study") == set()
    assert trial_names("RESULTS OF THE SPINE TRIAL") == set()


def test_a_register_in_brackets_is_no_trials_name():
    """A title cites its trial's register where it would name the trial: the register of
    thousands of trials names none of them, and two of one group's trials citing it are two."""
    for title in (
        "Exercise for back pain: a randomised controlled trial (ISRCTN)",
        "Yoga for sciatica: protocol of a pilot study (DRKS)",
        "Knee surgery in older adults: a randomized clinical trial (EudraCT)",
        "Diet and mood: protocol of a cohort study (PROSPERO)",
        "Results of the ANZCTR trial of sleep",
        "A randomised controlled trial (ClinicalTrials.gov) of running",
    ):
        assert trial_names(title) == set(), title
    assert trial_names("Exercise for back pain: a randomised controlled trial (SPINE)") == {"SPINE"}
    back = rec("Exercise for back pain: study protocol of a randomised trial (ISRCTN)", TEAM)
    knee = rec("Surgery for knee pain: a randomised controlled trial (ISRCTN)", [TEAM[0]])
    assert links(back, knee) == {}


def test_the_designs_initials_in_brackets_are_no_trials_name():
    """An abbreviation of the design words before it names a kind of trial, which many trials
    share; a name those words do not spell stays one trial's."""
    for title in (
        "Exercise for back pain: a cluster randomised trial (CRT)",
        "Yoga in schools: a stepped-wedge cluster randomised trial (SW-CRT)",
        "A pragmatic randomised controlled trial (pRCT) of yoga",
        "Depression in adolescents: a sequential multiple assignment randomized trial (SMART)",
    ):
        assert trial_names(title) == set(), title
    assert trial_names("Cognitive therapy: a randomised controlled trial (CORE)") == {"CORE"}
    assert trial_names("Results of a clinical trial (CAT)") == {"CAT"}
    assert trial_names("Lipid-Lowering Treatment to Prevent Heart Attack Trial (ALLHAT)") == {
        "ALLHAT"
    }
    # two groups' different trials, each a 'cluster randomised trial (CRT)': no name shared
    one = rec("Exercise for back pain: a cluster randomised trial (CRT)", TEAM)
    two = rec("Diet for diabetes: a cluster randomised trial (CRT)", [TEAM[0], *OTHER_TEAM])
    assert links(one, two) == {}


def several(title: str) -> bool:
    """names_several_trials as study_cues asks it: with the title's trial names."""
    return names_several_trials(title, trial_names(title))


def test_abbreviations_after_their_words_are_no_trials_names():
    """A trial's name stands before 'trial' or is the acronym of words naming a trial; two
    abbreviations in brackets after the conditions, outcomes or scales they stand for are not
    two trials ('(PTSD and MDD)', '(CMD/MSD)', '(PHQ-9 and GAD-7)')."""
    for title in (
        "Internet CBT for post-traumatic stress disorder and major depressive disorder "
        "(PTSD and MDD): a randomised controlled trial",
        "Return to work in common mental disorders and musculoskeletal disorders (CMD/MSD)",
        "Return to work (RTW) and sick leave (SL) in common mental disorders/musculoskeletal "
        "disorders (CMD/MSD): a randomized trial",
        "Patient Health Questionnaire and Generalized Anxiety Disorder scale (PHQ-9 and GAD-7)",
    ):
        assert not several(title), title
    # two trials' names: design words stand against them, or they abbreviate words naming trials
    for title in (
        "Ascorbic acid in Charcot-Marie-Tooth disease type 1A (CMT-TRIAAL and CMT-TRAUK): "
        "a double-blind randomised trial",
        "Diabetes Control and Complications Trial and Epidemiology of Diabetes "
        "Interventions and Complications (DCCT/EDIC)",
        "Sleep in the ACCORD and ADVANCE trials",
    ):
        assert several(title), title
    assert long_form("PHQ-9", "measured by the Patient Health Questionnaire") == (
        "Patient Health Questionnaire"
    )
    assert long_form("RTW", "a trial of sick leave") == ""


def test_a_name_opening_the_title_is_no_trial_where_another_name_holds_the_design():
    """'ViBiBa: Virtual BioBanking for the DETECT multicenter trial program': the trial is
    DETECT's, ViBiBa its biobank; one trial, so its numbers may bridge two registrations."""
    title = "ViBiBa: Virtual BioBanking for the DETECT multicenter trial program"
    assert trial_names(title) == {"DETECT"}
    assert not names_several_trials(title, trial_names(title))
    assert trial_names("SPINE: a randomised controlled trial of surgery") == {"SPINE"}
    assert trial_names("XYZ: the ABC trial and the XYZ trial") == {"ABC", "XYZ"}


def test_a_name_glossed_by_its_words_before_the_design_names_a_trial():
    """'ICONS: Identifying continence options after stroke: findings from a cluster randomised
    exploratory trial': the name, the words it abbreviates, then the design (more than six
    words after the name). Without a design word such a title names a tool, a scale or a
    condition as often; words the name does not abbreviate are no gloss."""
    gloss = "ICONS: Identifying continence options after stroke"
    for title in (
        f"{gloss}: findings from a cluster randomised exploratory trial",
        f"{gloss}: findings from the case study phase",
        f"Assessing implementation challenges within the {gloss} trial: a soft systems analysis",
        "CONVERT: Concurrent once-daily versus twice-daily radiotherapy - a phase III "
        "randomised controlled trial for patients with limited-stage lung cancer",
    ):
        assert trial_names(title), title
    for title in (
        gloss,
        "SEPIA: simulation-based evaluation of prioritization algorithms",
        "MSQ: Migraine-Specific Quality-of-Life Questionnaire. A randomised trial of its use",
        "ICONS: stroke care in nursing homes: results of a cohort trial",
    ):
        assert not trial_names(title), title
    trial = rec(f"{gloss}: findings from a cluster randomised exploratory trial", TEAM, 2016)
    process = rec(f"Implementation within the {gloss} trial: a soft systems analysis",
                  TEAM[2:], 2017)  # fmt: skip
    ((_, link),) = links(trial, process).items()
    assert link.names == ("ICONS",)


def test_a_gloss_whose_function_word_takes_the_names_letter_is_read_from_its_first_word():
    """'ALLHAT: Antihypertensive and Lipid-Lowering Treatment to Prevent Heart Attack Trial':
    Schwartz and Hearst's reading takes 'and' for the name's first A, so the long form did not
    start at the gloss's first word; the first word gives the first letter, the words after
    its function words the others. Words that do not abbreviate the name stay no gloss."""
    gloss = "Antihypertensive and Lipid-Lowering Treatment to Prevent Heart Attack Trial"
    assert trial_names(f"ALLHAT: {gloss}") == {"ALLHAT"}
    assert trial_names(f"Major outcomes in the ALLHAT: {gloss}") == {"ALLHAT"}
    assert not trial_names("ALLHAT: Aspirin and lipids in older adults: a cohort study of 3 towns")
    # no gloss at all (an export's doubled colon) abbreviates nothing
    assert not trial_names("XYZW:  : findings from a cluster randomised trial of continence care")


def test_a_glossed_name_before_a_treatments_protocol_names_no_trial():
    """A protocol is a study's only as a study's or a trial's protocol: 'a treatment protocol',
    'an ambulance protocol' after a glossed name is the named tool's or regimen's, which one
    team's different studies share; a study protocol stays a trial's."""
    for title in (
        "SEPIA: simulation-based evaluation of prioritization algorithms: a treatment protocol",
        "PRONTO: PRehospital Oxygen Need in Thoracic Obstruction - an ambulance protocol for asthma",
    ):
        assert not trial_names(title), title
    for title in (
        "ICONS: Identifying continence options after stroke: a study protocol",
        "XYLOS: Xenon lung oximetry sampling study protocol",
        "ICONS: Identifying continence options after stroke: protocol for a cluster randomised trial",
    ):
        assert trial_names(title), title


def test_a_term_glossed_by_its_initials_before_a_design_names_no_trial():
    """A condition's, a treatment's or a measure's abbreviation glossed by its words, each
    word giving its initial ('COPD: chronic obstructive pulmonary disease'), then a design
    names what the study is of, not the study: one team's different studies of COPD would
    share it as a name. A coined name takes letters inside its words (ICONS, CONVERT) or its
    gloss names a study ('Heart Outcomes Prevention Evaluation', '… Intervention Trial')."""
    for title in (
        "COPD: chronic obstructive pulmonary disease: a population-based cohort study",
        "ADHD: Attention deficit hyperactivity disorder in adults and their families - a study",
        "CBT: cognitive behavioural therapy for insomnia - a randomised controlled trial",
        "BMI: body mass index and mortality: a prospective cohort study",
        "PROMIS: Patient-Reported Outcomes Measurement Information System: a validation study",
    ):
        assert not trial_names(title), title
    assert trial_names("TAVI: transcatheter aortic valve implantation: the PARTNER trial") == {
        "PARTNER"
    }
    for title in (
        "HOPE: Heart Outcomes Prevention Evaluation - a randomised trial of ramipril",
        "CAST: Cardiac Arrhythmia Suppression Trial",
        "SPRINT: Systolic Blood Pressure Intervention Trial",
    ):
        assert trial_names(title), title
    # the same kind where the opening rule (a name, a colon or a dash, the design within six
    # words) reaches the design through the gloss: no name either
    for title in (
        "ADHD: Attention deficit hyperactivity disorder - a study of parents",
        "COPD: chronic obstructive pulmonary disease - a study of inhaler use",
        "CBT: cognitive behavioural therapy, a randomised trial",
        "ADHD - attention deficit hyperactivity disorder study protocol",
    ):
        assert not trial_names(title), title
    assert trial_names("HOPE: Heart Outcomes Prevention Evaluation - a randomised trial") == {
        "HOPE"
    }
    assert trial_names("SPINE: a randomised trial of surgery") == {"SPINE"}
    one = rec("COPD: chronic obstructive pulmonary disease: a cohort study of smokers", TEAM, 2014)
    two = rec(
        "COPD: chronic obstructive pulmonary disease - a study of inhaler use", TEAM[2:], 2016
    )
    assert links(one, two) == {}


def test_a_list_names_trials_only_where_its_words_say_they_are_trials():
    """A list of trials' names stands against design words: 'the X and Y trials', 'trials (X,
    Y and Z)', '(X and Y): a randomised trial'. A bracketed list anywhere else is of what the
    words before it name (genes, cytokines, cell lines, a drug's codes), indefinite plurals are
    kinds of study ('EEG and ERP studies'): none is a record of two trials. A title in capitals
    is read so too: design words stand against its list or not."""
    for title in (
        "Pooled analysis of the SMART-DATE and SMART-CHOICE trials",
        "Results of trials (CAPPP, STOP-2, NORDIL, INSIGHT and ALLHAT) with newer drugs",
        "Pooled results of two trials of exercise for back pain (SPINE and WorkUp)",
        "Back pain (SPINE/WorkUp) trials: pooled analysis",
        "Further insights: the EUROCARE trial of atherectomy and the PACT trial",
        "MS07.05 Stage I (resectable) NSCLC: radiation",
        "POOLED DATA FROM THE AGENT-3 AND AGENT-4 TRIALS",
        "RESULTS OF TRIALS (CAPPP, STOP-2 AND NORDIL) WITH NEWER DRUGS",
    ):
        assert several(title), title
    for title in (
        "Changes in serum thyroxine-binding proteins (TBG, TBPA, ALBUMIN) after venous stasis",
        "Increased inflammatory cytokine (IL-1 IL-6 and TNF) release after hemorrhage",
        "Generation of three induced pluripotent stem cell lines (NUIGi047-A, NUIGi047-B)",
        "Phase II trial of the MEK inhibitor selumetinib (AZD6244, ARRY-142886) in melanoma",
        "Depression and anxiety in workers (SPINE and WorkUp)",
        "Current trends of neuropharmacology in EEG and ERP studies",
        "A SYSTEMATIC REVIEW OF ANIMAL AND HUMAN STUDIES",
        "INCREASED INFLAMMATORY CYTOKINE (IL-1 IL-6 AND TNF) RELEASE AFTER HEMORRHAGE",
        "HSP70.1 and -70.3 are required for late-phase protection",
    ):
        assert not several(title), title
    # the caller's names: two names read by the patterns are two trials
    assert names_several_trials("Sleep and work", {"SPINE", "WORKUP"})
    assert not names_several_trials("Sleep and work", {"SPINE"})


def test_follow_on_reports_say_what_they_are():
    assert follow_on_report("Two-year follow-up of a randomised trial")
    assert follow_on_report("Cost-effectiveness of integrated care: economic evaluation")
    assert follow_on_report("Design and rationale of a trial of exercise")
    assert not follow_on_report("Effect of integrated care for low back pain: a randomised trial")


def test_design_and_exploratory_say_a_report_only_of_a_study():
    """'design' of a study ('study design', 'design of a randomised trial') and 'exploratory'
    of an analysis say what a report is; 'rational design' of a drug, 'dosage regimen design',
    'exploratory behaviour' of rats or an 'exploratory factor analysis' are what one
    laboratory's or team's main papers make or measure, and join none of them."""
    for title in (
        "The SPINE trial: design of a randomised trial of surgery",
        "Study design and baseline characteristics of the SECURE trial",
        "Effectiveness of radiotherapy in osteoarthritis: design of two parallel randomised "
        "controlled trials",
        "Design and rationale of a trial of exercise",
        "Exploratory analysis of a randomised trial of exercise",
    ):
        assert follow_on_report(title), title
    for title in (
        "Rational design, synthesis and testing of novel tricyclic topoisomerase inhibitors",
        "Spadin, a new concept in antidepressant drug design",
        "Ergonomic design and training for preventing musculoskeletal disorders",
        "An automated method for studying exploratory and stereotyped behaviour in rats",
        "Core competency scale: an exploratory factor analysis",
        "Findings from a cluster randomised exploratory trial",
    ):
        assert not follow_on_report(title), title
    one = rec("An automated method for studying exploratory and stereotyped behaviour in rats",
              TEAM, 1977)  # fmt: skip
    two = rec("Psychotropic drugs on exploratory and stereotyped behaviour of rats", TEAM, 1978)
    assert links(one, two) == {}


def test_design_after_a_colon_is_a_study_design_only_as_elsewhere():
    """Medicinal chemistry heads its papers with what it designs ('… 5-HT1A ligands: design,
    synthesis and biological evaluation'), a device paper with the device's ('Coronary stents:
    design and clinical outcomes'): after a colon as anywhere, 'design' is a study's only of
    a study ('The SPINE trial: design of a randomised trial', 'PREVENT: design and
    rationale')."""
    for title in (
        "Novel arylpiperazines as 5-HT1A ligands: design, synthesis and biological evaluation",
        "Benzodiazepine receptor ligands: design and synthesis",
        "Coronary stents: design and clinical outcomes",
    ):
        assert not follow_on_report(title), title
    for title in (
        "The SPINE trial: design of a randomised trial of surgery",
        "PREVENT: design and rationale of a trial of statins",
        "The HOPE study: design, methods and baseline",
    ):
        assert follow_on_report(title), title
    one = rec("Arylpiperazines as 5-HT1A ligands: design, synthesis and evaluation", TEAM, 2001)
    two = rec("Arylpiperazines as 5-HT1A ligands: binding and evaluation", TEAM, 2002)
    assert links(one, two, rec("Exercise for low back pain", OTHER_TEAM)) == {}


def test_numbered_parts_of_one_study_are_its_reports():
    """A study published in numbered parts ('… investigation of sumatriptan. II: …', 'Auckland
    Stroke Outcomes Study. Part 2') is one study's reports; a laboratory's numbered series
    under a heading that names no study ('Studies on pyrazine derivatives. Part VII') is
    its different experiments, and 'type II', 'phase II' or 'V. cholerae' are no part."""
    two = rec("A study of sumatriptan for migraine in general practice. II: Quality of life",
              TEAM)  # fmt: skip
    three = rec("A study of sumatriptan for migraine in general practice. III: Productivity",
                TEAM)  # fmt: skip
    other = rec("Exercise for low back pain", OTHER_TEAM)
    ((_, link),) = links(two, three, other).items()
    assert "follow-on" in link.cues
    plain = rec("A study of sumatriptan for migraine in general practice: quality of life", TEAM)
    productivity = rec("A study of sumatriptan for migraine in general practice: productivity",
                       TEAM)  # fmt: skip
    assert links(plain, productivity, other) == {}  # two main papers: no part says it is one
    assert follow_on_report("Auckland Stroke Outcomes Study. Part 2: Cognition after stroke")
    for title in (
        "Studies on pyrazine derivatives. Part VII. Synthesis of pyrazine amidines",
        "The heterocytotoxicity of human serum. II. Role of natural antibody",
        "A randomised study of insulin in diabetes type II. Results at one year",
        "A phase II: randomised study",
        "A survey of water supplies: V. cholerae in wells",
    ):
        assert not follow_on_report(title), title
    lab_7 = rec("Studies on pyrazine derivatives. Part VII. Synthesis of amidines", TEAM, 1977)
    lab_13 = rec("Studies on pyrazine derivatives. Part XIII. Synthesis of hydrazines", TEAM, 1978)
    assert links(lab_7, lab_13) == {}


def test_a_reviews_follow_up_words_are_its_topic():
    """A systematic review or meta-analysis names its studies' follow-up and long-term
    outcomes: no later report of it (srsr's two strongyloidiasis reviews of one group). Its
    protocol and numbered parts stay its reports; a case's follow-up beside a review of the
    literature, and a trial's follow-up, stay follow-on reports."""
    for title in (
        "The laboratory diagnosis and follow up of strongyloidiasis: a systematic review",
        "Follow-up effects of tDCS for the major depressive episode: a meta-analysis",
        "Long-term effects of neonatal exposure to fluoxetine: a systematic review",
        "Follow-up on the treatment of panic disorder - a quantitative review",
    ):
        assert not follow_on_report(title), title
    for title in (
        "Exercise for low back pain: protocol for a systematic review",
        "A meta-analysis of exercise for back pain. Part 2: follow-up",
        "Bypass grafting in a patient with situs inversus: three-year follow-up report and "
        "systematic literature review",
        "Two-year follow-up of a randomised trial of exercise",
    ):
        assert follow_on_report(title), title


def test_a_review_beside_a_trials_follow_up_words_and_a_case_of_one():
    """A trial's follow-up reported with a meta-analysis stays its follow-up; a review of
    patient-reported outcomes, case-control studies or case management at follow-up is still
    a review (only a case of one, 'a patient with …', 'case report', makes the follow-up the
    title's own)."""
    for title in (
        "Ten-year follow-up of a randomised controlled trial and updated meta-analysis",
        "Long-term follow-up of the SPINE trial, with a systematic review and meta-analysis",
        "Follow-up of a patient with situs inversus and a systematic review of the literature",
        "Five-year follow-up after a fracture: case report and systematic review",
    ):
        assert follow_on_report(title), title
    for title in (
        "Patient-reported outcomes at long-term follow-up after hip replacement: a systematic "
        "review",
        "Follow-up of case-control studies of smoking and panic: a meta-analysis",
        "Case management and follow-up in heart failure: a systematic review",
        "Follow-up of randomised trials of exercise for back pain: a systematic review",
    ):
        assert not follow_on_report(title), title


def test_a_review_is_no_report_of_a_primary_study():
    """A team's review and its own trial's follow-up share the team and the topic, but a
    review is no report of a primary study (srsr: a quantitative review of panic disorder's
    treatment at follow-up and the team's 2-year naturalistic follow-up); a review's protocol
    and the review stay one study's reports."""
    review = rec("Follow-up on the treatment of panic disorder with agoraphobia: a quantitative"
                 " review", TEAM, 1999)  # fmt: skip
    study = rec("Long-term outcome of pharmacological and psychological treatment for panic"
                " disorder with agoraphobia: a 2-year naturalistic follow-up", TEAM[1:], 2001)  # fmt: skip
    other = rec("Exercise for low back pain", OTHER_TEAM)  # the pair's words rare beside it
    assert links(review, study, other) == {}
    protocol = rec("Exercise for panic disorder with agoraphobia: protocol for a systematic"
                   " review", TEAM, 2014)  # fmt: skip
    done = rec("Exercise for panic disorder with agoraphobia: a systematic review", TEAM, 2015)
    ((_, link),) = links(protocol, done, other).items()
    assert "follow-on" in link.cues


def test_a_sub_study_in_other_languages_is_a_report():
    """Swedish, Norwegian and Danish 'delstudie', German 'Teilstudie', Dutch 'deelstudie' are
    English 'sub-study', a report of a larger study; a word that only holds the letters
    (Danish 'modelstudie', a model study) is not, nor the word in a record of another
    language."""
    swedish, german, dutch, danish, english = (
        record_languages(x) for x in ("swe", "ger", "dut", "dan", "eng")
    )
    for title, lang in (
        ("Återgång i arbete efter sjukskrivning: en delstudie i Rehsam-projektet", swedish),
        ("Rückenschmerz im Betrieb: Ergebnisse einer Teilstudie", german),
        ("Werkhervatting na ziekteverzuim: een deelstudie", dutch),
    ):
        assert follow_on_report(title, lang), title
        assert not follow_on_report(title, english), title
    assert not follow_on_report("En modelstudie af sygefravær på sygehuse", danish)


def test_numbered_parts_of_one_study_in_other_languages():
    """'Teil 2', 'parte 1', 'deel II', 'del 2' after a heading that names one study in the
    record's language are its reports, as 'Part 2' is in English; a plural heading (a
    laboratory's series), a heading of no study (a review in parts), a part word of another
    language and Scandinavian 'del i' ('part of') are not."""
    german, spanish, swedish, dutch, french, english = (
        record_languages(x) for x in ("ger", "spa", "swe", "dut", "fre", "eng")
    )
    for title, lang in (
        ("Die Heidelberger Rückenstudie. Teil 2: Ergebnisse nach einem Jahr", german),
        ("Eine Untersuchung der Arbeitsunfähigkeit, 2. Teil: Kosten", german),
        ("Humanes C-Peptid: eine klinische Studie. III: Sekretionsdynamik", german),
        ("Estudio cualitativo sobre los adultos mayores en Buenos Aires - parte 1", spanish),
        ("En studie av sjukskrivning i Sverige, del 2: återgång i arbete", swedish),
        ("Het Amsterdamse onderzoek naar rugpijn, deel II", dutch),
        ("Une enquête sur le retour au travail. Partie II: les employeurs", french),
    ):
        assert follow_on_report(title, lang), title
        assert follow_on_report(title), title  # language unknown: every language read
        assert not follow_on_report(title, english), title
    for title, lang in (
        ("Untersuchungen über Pyrazinderivate. Teil VII: Amidine", german),
        ("Neuromuskuläre Komplikationen einer SARS-CoV-2-Infektion – Teil 1", german),
        ("Tuberculosis: conceptos actuales--Parte II.", spanish),
        ("En studie av vården: vår del i arbetet", swedish),
        ("Estudio del I Congreso de Medicina del Trabajo", None),  # Spanish 'del': 'of the'
        ("En studie av sjukskrivning i Sverige, del 2: återgång i arbete", german),
    ):
        assert not follow_on_report(title, lang), title
    one = rec("Die Heidelberger Rückenstudie zur Arbeitsunfähigkeit. Teil 1: Methoden", TEAM,
              2012, language="ger")  # fmt: skip
    two = rec("Die Heidelberger Rückenstudie zur Arbeitsunfähigkeit. Teil 2: Ergebnisse", TEAM,
              2013, language="ger")  # fmt: skip
    ((_, link),) = links(one, two, rec("Exercise for low back pain", OTHER_TEAM)).items()
    assert "follow-on" in link.cues


def test_an_acronym_and_its_spelt_out_name_are_one_intervention():
    """Review B's IPS-MA trial and its cost-effectiveness analysis: one writes the acronym,
    the other spells it out; read as if both spelt it out, they share the intervention."""
    trial = rec("Return to work of Individual Placement and Support modified for people with "
                "mood and anxiety disorders: a randomised trial", TEAM, 2017)  # fmt: skip
    costs = rec("Cost-effectiveness of supported employment for people with mood and anxiety "
                "disorders in Denmark: the IPS-MA intervention", TEAM[:2], 2021)  # fmt: skip
    other = rec("Exercise for low back pain", OTHER_TEAM)
    ((_, link),) = links(trial, costs, other).items()
    assert "placement" in link.words and "follow-on" in link.cues
    # the cues alone, without the acronym read, would not join them
    plain = rec("Cost-effectiveness of supported employment for people with mood and anxiety "
                "disorders in Denmark", TEAM[:2], 2021)  # fmt: skip
    assert links(trial, plain, other) == {}


def test_an_acronym_that_is_a_word_is_not_spelt_out_by_that_word():
    """A trial named by a word in capitals ('HOPE', 'CARE', 'STOP') beside a title that writes
    the word: 'Hope and optimism in patients with eczema' holds h, o, p, e as initials, but it
    writes hope, it does not spell HOPE out, and its other words are no name of the trial."""
    trial = rec("Five-year follow-up of the HOPE cohort of eczema", TEAM, 2012)
    word = rec("Hope and optimism in patients with eczema", TEAM, 2011)
    assert links(trial, word, rec("Exercise for low back pain", OTHER_TEAM)) == {}
    assert spelt_out("HOPE", initials("Hope and optimism in patients with eczema")) == ()
    assert spelt_out("HOPE", initials("Heart Outcomes Prevention Evaluation")) == (
        "heart", "outcomes", "prevention", "evaluation",
    )  # fmt: skip


def test_an_acronym_its_own_title_spells_out_is_not_read_again():
    """'… chronic myeloid leukemia in chronic phase (CML-CP)' spells its acronym out itself:
    its words are the title's already, and reading another title's spelling for it would add
    that title's variant ('chronic myelogenous leukemia'), joining a team's follow-up to its
    review of the topic."""
    trial = rec("Dasatinib in newly diagnosed chronic myeloid leukemia in chronic phase "
                "(CML-CP): two-year follow-up", TEAM, 2010)  # fmt: skip
    review = rec("Therapy for patients with chronic myelogenous leukemia in chronic phase",
                 TEAM, 2011)  # fmt: skip
    others = [
        rec(f"Therapy of chronic myeloid leukemia in chronic phase: {drug}", [f"Doe, A{i}"], 2010)
        for i, drug in enumerate(("imatinib", "nilotinib", "bosutinib", "ponatinib", "busulfan"))
    ]
    assert links(trial, review, *others) == {}
    short = rec("Dasatinib in newly diagnosed CML-CP: two-year follow-up", TEAM, 2010)
    assert (0, 1) in links(short, review, *others)  # written short only: spelt out as before


def test_a_reviews_own_acronym_spelt_out_in_many_titles_joins_nothing():
    """A review's topic ('PNH' in a review of paroxysmal nocturnal haemoglobinuria) is spelt
    out on many titles: its words weigh as the topic's, so one team's follow-up and another
    of its papers share nothing rare; an acronym written short on more than MAX_SHARING
    studies is read by none; one with a digit names one of a family ('TLR2', 'TLR-4')."""
    later = rec("Long-term outcomes of PNH patients given complement inhibitors", TEAM, 2012)
    other = rec("Paroxysmal nocturnal haemoglobinuria in pregnancy", TEAM, 2011)
    assert len(links(later, other, rec("Exercise for low back pain", OTHER_TEAM))) == 1
    topic = [rec(f"Paroxysmal nocturnal haemoglobinuria and marrow {i}", [f"Doe, A{i}"])
             for i in range(MAX_SHARING + 1)]  # fmt: skip
    assert (0, 1) not in links(later, other, *topic)
    written = [rec(f"PNH and marrow {i}", [f"Doe, A{i}"]) for i in range(MAX_SHARING + 1)]
    assert (0, 1) not in links(later, other, *written)
    family = rec("Long-term effects of TLR2 stimulation on the heart", TEAM, 2012)
    receptor = rec("Toll-like receptor 4 in the heart", TEAM, 2011)
    assert links(family, receptor, rec("Exercise for low back pain", OTHER_TEAM)) == {}


def test_long_term_effects_are_a_later_report_only_of_a_trial():
    """'Long-term effects' beside a trial's first paper is a later report of it; of an exposure
    in an experiment on animals or cells, or as the aim a main paper's title names after its
    design, it is not (the reading German 'Langzeitwirkung' has): one team's two experiments,
    or two trials, stay apart."""
    first = rec("Lisinopril and atenolol on kidney function in diabetic nephropathy", TEAM, 2010)
    later = rec("Long-term effect of lisinopril and atenolol on kidney function in diabetic "
                "nephropathy", TEAM, 2014)  # fmt: skip
    ((_, link),) = links(first, later).items()
    assert "follow-on" in link.cues
    rats = rec("Effects of chloroamphetamine on brain serotonin metabolism in rats", TEAM, 2010)
    rats_later = rec("Long-term effects of chloroamphetamine on brain serotonin metabolism in "
                     "rats", TEAM, 2012)  # fmt: skip
    assert links(rats, rats_later) == {}
    slices = rec("Long-term effects of electric fields in rat hippocampal slices", TEAM, 2012)
    assert not follow_on_report(slices.title)
    aim = rec("Placebo-controlled study of the long-term efficacy of carvedilol in severe heart "
              "failure", TEAM, 1995)  # fmt: skip
    other = rec("Placebo-controlled study of the effects of carvedilol in moderate heart "
                "failure", TEAM, 1996)  # fmt: skip
    assert links(aim, other) == {}
    assert follow_on_report("Etidronate in Paget's disease. A study of long-term results.")


def test_a_trials_name_and_one_author_suggest_a_link():
    protocol = rec("Study protocol of the SPINE trial of surgery", TEAM[:2], 2012)
    main_paper = rec("Surgery or physiotherapy for sciatica: the SPINE trial", [TEAM[1]], 2015)
    ((pair, link),) = links(protocol, main_paper).items()
    assert pair == (0, 1) and link.names == ("SPINE",) and "name" in link.cues
    assert "trial name SPINE" in link.evidence() and "Berg O" in link.evidence()


def test_a_programme_in_two_trials_shares_a_name_only():
    """A programme's name in two trials: another team, another population, another period."""
    one = rec("Supported work for depression: the ACTIVE trial", TEAM, 2005)
    two = rec("Dementia care at home: the ACTIVE study", OTHER_TEAM, 2010)
    assert links(one, two) == {}
    # the same title words but further apart than one trial's reports appear
    late = rec("Supported work for depression: the ACTIVE trial", TEAM, 2005 + PERIOD + 1)
    assert links(one, late) == {}


def test_a_research_groups_different_trials_share_the_team_only():
    """Two main papers of one team on one topic are two trials; a follow-up of one is not."""
    first = rec("Integrated care for sick-listed workers with low back pain", TEAM, 2010)
    second = rec("Integrated care for sick-listed workers with low back pain in nursing", TEAM)
    assert links(first, second) == {}
    follow_up = rec("Integrated care for sick-listed workers with low back pain: 5-year "
                    "follow-up", TEAM[1:], 2016)  # fmt: skip
    ((_, link),) = links(first, follow_up).items()
    assert link.team and "follow-on" in link.cues and "back" in link.words
    # the group's trial in another population: its words are not the same enough
    neck = rec("Coordinated care for neck and shoulder pain in nurses: 2-year follow-up", TEAM)
    assert links(first, neck) == {}


def test_surname_particles_written_any_way_are_one_person():
    """The team cue reads 'van der Berg J', 'Berg J van der', 'J van der Berg' and 'Berg, J.
    van der' as one person, and 'de Vries' as 'De Vries': a follow-up of the team's trial."""
    main_paper = rec(
        "Graded activity for sick-listed nurses with neck pain",
        ["van der Berg J", "de Vries A", "Jansen K"],
        2012,
    )
    for berg, vries in (
        ("Berg J van der", "De Vries A"),
        ("J van der Berg", "A De Vries"),
        ("Berg, J. van der", "Vries A de"),
    ):
        follow_up = rec(
            "Graded activity for sick-listed nurses with neck pain: 2-year follow-up",
            [berg, vries],
            2014,
        )
        ((_, link),) = links(main_paper, follow_up).items()
        assert link.first_author and link.authors == ("de vries a", "van der berg j"), link
        assert "authors de Vries A, van der Berg J (same first author)" in link.evidence()


def test_a_suffix_after_the_particles_is_one_person():
    """'Berg, J. van der, Jr' and 'van der Berg J Jr' are the 'van der Berg J' of the main
    paper, not a 'Berg J': a follow-up of the team's trial."""
    main_paper = rec("Graded activity for sick-listed nurses with neck pain",
                     ["van der Berg J", "de Vries A"], 2012)  # fmt: skip
    for berg in ("Berg, J. van der, Jr", "van der Berg J Jr", "Berg J van der Jr"):
        assert author_key(berg) == author_key("van der Berg J") == "van der berg j", berg
        follow_up = rec("Graded activity for sick-listed nurses with neck pain: 2-year "
                        "follow-up", [berg, "de Vries A"], 2014)  # fmt: skip
        ((_, link),) = links(main_paper, follow_up).items()
        assert link.first_author and len(link.authors) == 2, berg


def test_a_surname_that_opens_with_a_particle_is_not_another_without_it():
    """'De Luca D' and 'Luca D', 'Le Roux P' and 'Roux P', 'da Silva A' and 'Silva A' are two
    families (an Italian, a French surname is whole with its capitalised particle); the
    particle is compared, wherever and however it is written."""
    for whole, body in (
        ("De Luca D", "Luca D"),
        ("Le Roux P", "Roux P"),
        ("da Silva A", "Silva A"),
    ):
        assert author_key(whole) != author_key(body), whole
    assert author_key("D De Luca") == author_key("De Luca D") == author_key("de Luca D")
    main_paper = rec("Graded activity for nurses with neck pain", ["De Luca D", "Rossi M"], 2012)
    follow_up = rec("Graded activity for nurses with neck pain: follow-up", ["Luca D"], 2014)
    assert links(main_paper, follow_up) == {}


def test_two_registered_studies_with_different_numbers_are_two():
    protocol = rec("Study protocol of the SPINE trial of surgery", TEAM, 2012)
    main_paper = rec("Surgery for sciatica: the SPINE trial", TEAM, 2015)
    assert links(protocol, main_paper, numbers=(("NCT01234567",), ("NCT07654321",))) == {}
    assert len(links(protocol, main_paper, numbers=(("NCT01234567",), ()))) == 1
    # two registers' numbers may be one trial registered twice, each report citing one: the
    # cues decide (and two of one register beside them are still two trials)
    two_registers = (("NCT01234567",), ("ISRCTN12345678",))
    assert len(links(protocol, main_paper, numbers=two_registers)) == 1
    pilot = (("NCT01234567", "ISRCTN12345678"), ("NCT07654321",))
    assert links(protocol, main_paper, numbers=pilot) == {}
    dutch = (("NTR1234",), ("NL7891",))  # the Netherlands' old and new IDs of one trial
    assert len(links(protocol, main_paper, numbers=dutch)) == 1


def test_a_name_on_many_studies_is_no_trials_and_a_group_is_no_author():
    many = [rec(f"Outcome {n} of the HOPE trial", [f"Author{n}, A"]) for n in range(MAX_SHARING)]
    assert links(*many, rec("Diet in the HOPE trial", ["Author1, A"])) == {}
    group = ["SPINE Study Group"]
    assert links(rec("Study protocol of the SPINE trial", group),
                 rec("Surgery for sciatica: the SPINE trial", group)) == {}  # fmt: skip


def _run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cue_suggestions_through_the_cli(project_a, capsys):
    number = [AbstractSection("TRIAL REGISTRATION", "NCT01234567")]
    protocol, main_paper, registered, unrelated = add_records(
        project_a,
        [
            rec("Study protocol of the SPINE trial of surgery", TEAM[:2], 2012),
            rec("Surgery or physiotherapy for sciatica: the SPINE trial", TEAM[1:], 2015),
            rec("Costs of the SPINE trial", TEAM, 2016, abstract_sections=number),
            rec("Sleep of shift workers", OTHER_TEAM, 2015),
        ],
    )
    folder = str(project_a.folder)
    code, out, _ = _run(capsys, "dedup", "studies", "--project", folder)
    assert code == 0 and "3 new suggestions; 3 waiting for a person" in out, out
    assert f"records {protocol} and {main_paper} (name, authors, words): trial name SPINE" in out
    assert unrelated not in {s.a for s in open_suggestions(project_a.db)} | {
        s.b for s in open_suggestions(project_a.db)
    }
    args = ("dedup", "study-link", "--project", folder, "--reviewer", "lead")
    assert _run(capsys, *args, "--same", str(protocol), str(main_paper))[0] == 0
    assert _run(capsys, *args, "--different", str(main_paper), str(registered))[0] == 0
    code, out, _ = _run(capsys, "dedup", "studies", "--project", folder)
    assert "0 new suggestions; 1 waiting" in out and f"study {protocol}: 2 reports" in out
    assert suggest_study_links(project_a.db).new == 0  # a settled pair is not suggested again
    assert study_groups(project_a.db)[0].reports == (protocol, main_paper)


def test_the_reviews_own_topic_names_no_study():
    """Words on more than MAX_SHARING studies are the review's topic: a team's follow-up that
    shares only those with the team's other trial is not linked; a rarer word joins them."""
    topic = [
        rec(f"Drug {n} for attention deficit hyperactivity disorder", [f"Other{n}, A"])
        for n in range(MAX_SHARING + 1)
    ]
    follow_up = rec("A 4-year follow-up of attention deficit hyperactivity disorder", TEAM)
    other_trial = rec("Tomoxetine in adults with attention deficit hyperactivity disorder", TEAM)
    assert links(*topic, follow_up, other_trial) == {}
    own_follow_up = rec("Tomoxetine for attention deficit hyperactivity disorder: follow-up", TEAM)
    ((_, link),) = links(*topic, own_follow_up, other_trial).items()
    assert link.words[0] == "tomoxetine"


def test_author_keys_of_every_export_form():
    from reviewkit.dedup.study_cues import author_key

    forms = ("Nazzaro, Paolo", "Nazzaro P", "P Nazzaro", "P. Nazzaro")
    assert {author_key(a) for a in forms} == {"nazzaro p"}
    assert author_key("J-R Norrefalk") == "norrefalk j"
    # initials apart, as the same exports write two of them (ALLHAT's 'B R Davis')
    assert (author_key("B R Davis"), author_key("J A Staessen")) == ("davis b", "staessen j")
    # a group's name is no person's: it would join every study the group signs
    assert author_key("SPINE Study Group") == author_key("UK Study Group") == ""


def test_two_qualitative_studies_of_one_team_are_no_follow_on():
    """A qualitative study's title names its own design: two of one team are two studies."""
    one = rec("Experiences of COVID-19 measures among hill tribes: a qualitative study", TEAM)
    two = rec("Impacts of COVID-19 among hill tribes: a qualitative study", TEAM)
    assert not follow_on_report(one.title) and links(one, two) == {}


def test_a_programme_tried_by_two_teams_on_one_population_is_two_trials():
    """Individual Placement and Support in Norway and in the Netherlands: one programme's name,
    the same population and words, two teams with no author in common, so two trials. A
    record without authors (a conference abstract) can still join on a name and words."""
    title = "Individual placement and support for people with severe mental illness: the IPS trial"
    norway = rec(title, TEAM, 2014)
    netherlands = rec(title.replace("people", "persons"), OTHER_TEAM, 2016)
    assert links(norway, netherlands) == {}
    # a large trial's design paper and a subgroup paper of another writing group: one says
    # it is a follow-on report, as with a team and words
    design = rec("The LIFE study: rationale and design of losartan in hypertension", TEAM, 1997)
    subgroup = rec("Losartan in hypertension and diabetes: the LIFE study", OTHER_TEAM, 2002)
    ((_, life),) = links(design, subgroup).items()
    assert life.cues == ("name", "words", "follow-on")  # what the suggestion rests on
    assert "one a follow-on report" in life.evidence()
    abstract = rec(title, [], 2015)
    ((_, link),) = links(norway, abstract).items()
    assert link.names == ("IPS",) and not link.authors


def test_a_term_the_projects_titles_use_is_no_trials_name():
    """'CBT', 'SF-36', 'BMI': an intervention, a measure or a condition the patterns can read
    as a name ('the CBT study', 'SF-36: a validation study'). Written in the titles of more
    than MAX_SHARING studies, whatever the words around it, it is the review's term, not one
    trial's name; a trial's own name is on its few reports."""
    topic = [rec(f"CBT for insomnia in group {n}", [f"Other{n}, A"]) for n in range(MAX_SHARING)]
    one = rec("Sleep of nurses: the CBT study", TEAM[:1] + ["Lee, Ann"], 2012)
    two = rec("Insomnia in older adults: the CBT study", TEAM[:1] + ["Wu, Bo"], 2014)
    assert links(*topic, one, two) == {}
    assert len(links(*topic[:10], one, two)) == 1  # on fewer studies it may be a trial's name


def test_a_groups_acronym_in_capitals_is_no_author():
    """'UK BEAM', 'MRC CFAS': a group's name in two acronyms reads as a surname and four
    initials; a person written in capitals has three initials at most ('NG KH', 'LI J')."""
    from reviewkit.dedup.study_cues import author_key

    assert author_key("UK BEAM") == author_key("MRC CFAS") == ""
    assert (author_key("NG KH"), author_key("LI J"), author_key("J Li")) == ("ng k", "li j", "li j")
    assert author_key("Smith JRR") == "smith j"


def test_initials_first_in_capitals_keep_the_surname():
    """'J LI', 'J LEE' (an export in capitals, initials first): split_name reads the surname as
    initials and the initial as a surname ('j l' for both); a one-letter surname is an initial."""
    from reviewkit.dedup.study_cues import author_key

    assert (author_key("J LI"), author_key("J LEE"), author_key("NG KH")) == (
        "li j",
        "lee j",
        "ng k",
    )


def test_an_intervention_called_a_protocol_or_secondary_prevention_is_no_follow_on():
    """'protocol' and 'secondary' say what a report is only of the report ('study protocol',
    'protocol for a randomised trial', 'secondary analysis'); 'an enhanced recovery protocol'
    and 'secondary prevention' name an intervention, on a group's two main papers."""
    assert follow_on_report("Study protocol of the SPINE trial")
    assert follow_on_report("Protocol for a cluster randomised trial of exercise")
    assert follow_on_report("A randomised trial of exercise: protocol.")
    assert follow_on_report("The SPINE trial: protocol and statistical analysis plan")
    assert follow_on_report("Protocol: exercise for back pain, a cluster randomised trial")
    assert follow_on_report("The Syst-Eur trial phase 2: objectives, protocol, and progress")
    # a systematic review's protocol, and a protocol for a test (a Stage 1 Registered Report)
    assert follow_on_report("AGENTS TARGETING THE EBOLA VIRUS: A PROTOCOL FOR A SYSTEMATIC REVIEW")
    assert follow_on_report("Systematic review and meta-analysis protocol for Momordica charantia")
    assert follow_on_report(
        "Outcomes in trisomies: protocol for a test of the double hit hypothesis"
    )
    assert follow_on_report("Secondary analysis of a randomised trial of exercise")
    assert follow_on_report("Secondary outcomes of a randomised trial of exercise")
    assert not follow_on_report("An enhanced recovery protocol after colorectal surgery: a trial")
    assert not follow_on_report("Nurse-led secondary prevention after myocardial infarction")
    one = rec("Nurse-led secondary prevention after myocardial infarction: a trial", TEAM, 2010)
    two = rec("Nurse-led secondary prevention after myocardial infarction in women", TEAM, 2012)
    assert links(one, two) == {}


def test_an_author_list_run_together_is_read_name_by_name():
    """'LevensonJ.L.McClishD.K.DahmanB.A.' (an export that lost its separators) holds three
    authors, not one: the second report's 'McClishD.K.SmithW.R.' shares McClish."""
    one = rec("Depression in sickle cell disease: the PiSCES project", ["LevensonJ.L.McClishD.K."])
    two = rec("Pain in sickle cell disease: the PiSCES project", ["McClishD.K.SmithW.R."])
    ((_, link),) = links(one, two).items()
    assert link.authors == ("mcclish d",)
