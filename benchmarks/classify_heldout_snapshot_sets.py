"""The held-out sets of the reviews' own schemes read on real PubMed records of the snapshot
(task 38 on), for :mod:`benchmarks.classify_heldout_sets` (split from it at 491 lines): each
protocol written from a development third of its candidate records, committed, the other
records labelled and committed before the classifier read them ('before' is that commit)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# An eleventh review's own scheme (task 38): the welfare model of the study's country, after
# Scaratti et al. 2018's European welfare models (EU PATHWAYS); real PubMed records of the
# snapshot, not written ones; 'before' is the commit that added the protocol and the records
WELFARE = ROOT / "protocols" / "rtw-welfare-systems.toml"
SETS_WELFARE = (
    (
        "heldout_welfare_records.csv",
        "26 real PubMed records of the snapshot in the sick-leave, work-disability and "
        "employment field for an eleventh review's own scheme (protocols/rtw-welfare-systems."
        "toml: the welfare model of the country the study's workers were in, Scandinavian, "
        "Continental, Anglo-Saxon, Mediterranean, post-communist, another country, several); "
        "a country by its adjective only, a US state, an instrument named by a province, the "
        "participants' ethnic origin, a European survey by welfare regime, 'U.S.' with full "
        "stops, a bilingual English and German abstract; labelled by hand before the classifier "
        "read them; 'before' is 61b2ae16",
        {"system": (22, 26)},
    ),
    (
        "heldout_welfare_records_2.csv",
        "16 more real records of the snapshot, labelled after the first set's fixes and first "
        "read with them (unseen): Norwegian farmers, Malaysian construction, coal miners in NSW, "
        "Chinese migrant workers, four Arab Gulf countries, Japan's stress check with the "
        "Japanese version of a Dutch scale, a New York police department, telecommuters, Iran, "
        "France, Italy, Calabria, Germany; 'before' is a2677829",
        {"system": (14, 16)},
    ),
)
SCHEMES_WELFARE = (("system", "welfare_system"),)
# A twelfth review's own schemes (task 39): how the tested intervention was delivered (TIDieR
# item 7), real PubMed records of the snapshot; 'before' is the commit that labelled them
DELIVERY = ROOT / "protocols" / "rtw-delivery-modes.toml"
SETS_DELIVERY = (
    (
        "heldout_delivery_records.csv",
        "29 real PubMed records of the snapshot's 2021 update file (English, a work word and an "
        "intervention word, in no other fixture) for a twelfth review's own schemes (protocols/"
        "rtw-delivery-modes.toml: the mode of delivery, in person, telephone, digital, and the "
        "format, individual or group, after TIDieR item 7); kept unseen while the protocol was "
        "written from the other 9 candidates (SHA-1 of the PMID 0 mod 3), labelled after it was "
        "committed (52ad1e3d); data collected online, by telephone or in person, an e-mail "
        "invitation, telehealth beside in-person treatment, the digits of a hand; 'before' is "
        "64673c3b",
        {"mode": (25, 29), "format": (28, 29)},
    ),
)
SCHEMES_DELIVERY = (("mode", "mode"), ("format", "format"))
# A thirteenth review's own scheme (task cls13): what the comparator arm received (Cochrane
# Handbook 3.2.4), real PubMed records of the snapshot; 'before' is the commit that labelled them
COMPARATORS = ROOT / "protocols" / "rtw-comparators.toml"
SETS_COMPARATORS = (
    (
        "heldout_comparator_records.csv",
        "31 real PubMed records of the snapshot's 2021 update file (English, a title naming a "
        "randomised trial, in no other fixture, SHA-1 of the PMID 0 mod 5) for a thirteenth "
        "review's own scheme (protocols/rtw-comparators.toml: placebo or sham, usual care, "
        "waiting list, no intervention, another active intervention); kept unseen while the "
        "protocol was written from the other 12 candidates (SHA-1 0 mod 3), labelled after it "
        "was committed (caf1f2b5); head-to-head trials named only by their treatments, add-on "
        "designs, reviews naming no comparator; answering the most common label (active) "
        "gets 15/31; 'before' is c7187f74",
        {"comparator": (8, 31)},
    ),
)
SCHEMES_COMPARATORS = (("comparator", "comparator"),)
# A fourteenth review's own scheme (task cls15): the participants' sex (SAGER, PROGRESS-Plus)
SEX = ROOT / "protocols" / "rtw-participant-sex.toml"
SETS_SEX = (
    (
        "heldout_sex_records.csv",
        "31 real PubMed records of the snapshot's 2021 update file (English, an abstract of 80+ "
        "words, a title naming a study or trial, participants or patients named, in no other "
        "fixture, SHA-1 of the PMID 1 mod 22) for a fourteenth review's own scheme "
        "(protocols/rtw-participant-sex.toml: women only, men only, both, not stated); kept "
        "unseen while the protocol was written from the other 15 candidates (SHA-1 of 'dev' and "
        "the PMID 0 mod 3), labelled after it was committed (0bf08b17); shares of one sex, sex as "
        "a variable only, a qualitative study of providers serving girls; answering the most "
        "common label (not stated) gets 21/31; 'before' is 84f78839",
        {"sex": (26, 31)},
    ),
)
SCHEMES_SEX = (("sex", "sex"),)
# A fifteenth review's own scheme (task cls16): the setting where a study was done (TIDieR
# item 7, EPOC's site of service delivery)
SETTINGS = ROOT / "protocols" / "rtw-care-settings.toml"
SETS_SETTINGS = (
    (
        "heldout_setting_records.csv",
        "33 real PubMed records of the snapshot's 2021 update file (English, an abstract of 80+ "
        "words, a title naming a study or trial, an abstract naming care, a hospital, a clinic, "
        "a practice, a workplace or the community, in no other fixture, SHA-1 of the PMID 3 mod "
        "11) for a fifteenth review's own scheme (protocols/rtw-care-settings.toml: primary "
        "care, occupational health or the workplace, hospital or specialist care, community, "
        "not stated); kept unseen while the protocol was written from the other 9 candidates "
        "(SHA-1 of 'dev' and the PMID 0 mod 3), labelled after it was committed (151184b7); "
        "hospitals, schools, homes, registries, long-term care (no label); answering the most "
        "common label (hospital or specialist care) gets 16/33; 'before' is c7d65612",
        {"setting": (18, 33)},
    ),
)
SCHEMES_SETTINGS = (("setting", "study_setting"),)  # not "setting": a section's name
