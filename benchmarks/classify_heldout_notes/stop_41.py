"""Stop 41's notes for ``results/classify.md`` (:mod:`benchmarks.classify_heldout_notes`)."""

TASK_CLS15 = """## Task cls15: the comparator fallback's comparisons with a time or a role

**A comparison with a time or the other arm by its role** (`reviewkit/classify/second_terms.py`,
`comparator.compares_no_arm`): "compared with the control group", "versus controls", "matched
controls", "compared to baseline", "versus pre-intervention levels", "compared to T0" name no
treatment; placebo, usual-care and waiting-list trials write them in their results as often as
head-to-head trials do, so in any section they are no longer a comparison word of the
comparators protocol's fallback (another active intervention). A role followed by what its arm
received ("the control group receiving massage") still counts; so does the verb's object ("to
compare A with B") where B names a treatment. 5 of 8 new tests fail before. 18,720 row score
lists: 12 moved, all of `rtw-comparators`; 3 change a suggestion. Comparator set 17/31 -> 16/31:
C28 (rTMS, head to head, gold active) lost, as its second comparison word was "compared with the
baseline"; C16 (gold usual care) went from active to not stated, wrong both times (its only
comparisons were "compared with the control group" and result figures "40.6% versus 30.3%").
Outside the gold: delivery D29 (a control arm mailed general healthy-lifestyle letters: active
by my reading) went from active to not stated, as its comparisons were "compared with baseline"
and "compared with the control group"; the other 9 moved lists lost a weak word below the
threshold. So the figure drops by one: the two rows were right by comparisons that were not
theirs.
"""


TASK_CLS15_SEX = """## Task cls15: a fourteenth review's own scheme, the participants' sex, read first

**The scheme** (`protocols/rtw-participant-sex.toml`): the sex of the people a study included,
as SAGER and PROGRESS-Plus ask reviews to extract it: women only, men only, both (a combination
of the two, or named as such), not stated. Written from the development third of 46 candidate
records of the snapshot's 2021 update file (SHA-1 of 'dev' and the PMID 0 mod 3: 15 records,
13/15 read right) and committed (0bf08b17); the other 31 were labelled from the protocol's
definitions and committed (84f78839) before the classifier read them: 21 not stated, 6 women
only, 4 both, no men only. **First reading: 26/31 (84%); answering the most common label (not
stated) gets 21/31 (68%).** Misses: two shares of one sex ("112 [93%] male", "59% were male"),
"higher among women (10.49%) than men (4.92%)" with "men" once in the Results (0.75), a review
listing "those who are pregnant" among many groups (women), a qualitative study of providers
serving refugee girls (both).

**Mends, each for a kind:** (1) a share of one kind of participant
(`reviewkit/classify/shares.py`): a term of a label that a combination joins, right after a
percentage below 100 ("(72.7%) were men", "43.3% female", "41 percent were women"), is the
combination's evidence, a whole sign; on every protocol 4 score lists moved, one row (Q02 of
`heldout_rtw_abstracts_6.csv`, "48% had musculoskeletal conditions and 39% mental health
conditions"), whose mixed or both label was already right and scores higher. (2) The scheme's
threshold 0.75: abstracts describe their sample in the Results as often as in the Methods, so one
whole sign there (0.75) names it; one weak word still never does (min_evidence 1.0). (3) Read in
either arm (`study_kind`, not `study_did`): the comparator's people are participants ("than men"
is a comparison's second term); the 31 rows score the same either way. After them: 29/31 (not an
unseen figure); development 14/15 (one "Eighty-three percent ... were men", a number in words,
now men). Left: the review's one group among many, and participants who are providers while the
text is about whom they serve. 6 of 11 new tests fail before the mends (9 with the protocol as
first committed).
"""


TASK_CLS15_LANGUAGE = """## Task cls15: present-tense verbs after a mode word (measured, not built); German measurement sentences

**A present-tense verb after a mode word** ("sessions via Zoom help", "coaching by telephone
reduces"): not built. In the snapshot's 33,316 abstracts, a preposition of means or a verb of
delivery followed by a mode word (telephone, phone, online, video, videoconferencing, Zoom,
Skype, internet, web, e-mail) occurs 92 times, and the word after it is never a present-tense
lexical verb (survey, questionnaire, conferencing, platform, call, interviews ...; one "had",
an auxiliary the phrase already ends at). Right after a mode word anywhere, the only candidates
are auxiliaries and "support" ("telephone support", "online support materials"), a noun each
time. A closed list of verbs would have no case in our data to be right on, and its likeliest
word is a noun here; the miss stays ("Group sessions via Zoom help workers return" is in person
and digital).

**German measurement sentences** (`reviewkit/classify/measured_german.py`): counted again, 4
sentences in 3 records (one in `heldout_welfare_records.csv`, "wurden Daten zu ... erhoben";
two in the snapshot, "wurden mittels Umfrage Daten in 38 ... Kliniken ... erhoben", "...
erfasst wurden"), of 16 German-language abstracts among 33,316 (2,089 German-language articles
have only an English abstract in PubMed). Built: the providers' protocol reads German terms
(Betriebsarzt, Hausarzt, Psychologe ...) in a scheme of what the intervention was, and German
puts the passive participle at the clause's end, so none of the English, Nordic or Dutch shapes
found these. A term is measured where a participle of measuring (gemessen, erhoben, erfasst,
ermittelt, dokumentiert, abgefragt, registriert, gesammelt, entnommen) ends its clause after it
with a passive auxiliary before the term, right after it as its subject, or right after the
participle (a subordinate clause); not a passive's agent ("vom Betriebsarzt erhoben"), not in
another clause ("... führten die Beratung durch und die Arbeitsfähigkeit wurde ... erhoben").
4 of 8 new tests fail before; 20,328 row score lists: 0 moved (no German measurement sentence
of our data holds a provider's term).
"""


TASK_RD41E = """## Reader rd41e on cls15: a share names a combination only where its kinds are everyone

**A share below 100% of one kind** (`reviewkit/classify/shares.py`) was evidence for every
protocol's combination label, so "Participants were 300 employees (45% musculoskeletal
disorders)" was suggested *mixed* or *both* by the diagnosis schemes of
`work-health-collaboration`, `rtw-coordination`, `rtw-workplace-sick-leave` and
`rtw-systematic-reviews`, "45% health care workers" mixed sectors, and "45% Norwegian" several
welfare systems: the rest of a sample may be of none of the kinds joined. Now only a combination
marked `complementary = true` (its labels make up everyone: the sex scheme's women and men) takes
a share as its evidence; a protocol key, refused on a label that combines nothing. The share
also reads a number in words ("Eighty-three percent were men", the development reading's miss)
and the whole sample named between ("59% of the participants were male"), not one kind's own
people ("45% of the women were pregnant"). **Comparisons by role**
(`reviewkit/classify/second_terms.py`): what the role's arm received also follows "of" ("the
control intervention of stretching", not "the control group of 45 workers") and "in which";
these counted before cls15 and not after it. **German measurement sentences**
(`reviewkit/classify/measured_german.py`): who measured with them ("gemeinsam mit dem
Betriebsarzt ermittelt", counted in English) and the means or occasion a sentence opens with
("Durch die Beratung beim Betriebsarzt wurden Belastungen ermittelt", "Im Gespräch mit dem
Hausarzt wurden die Belastungen erfasst") are the intervention's, not what was measured; a
sentence opened by its instrument is not ("Mittels eines Fragebogens zur Zusammenarbeit mit dem
Betriebsarzt wurden Daten erhoben": measured, as before). 22 new tests, 17 fail on the merge
(ca80c0cd); the comparator's size guard and the instrument's two guard the mends. 20,328 row
score lists against the merge: 4 moved, the Q02 row of `heldout_rtw_abstracts_6.csv` in the four diagnosis schemes, whose
combination score goes back to its value before cls15 (its suggestion, mixed or both, right,
unchanged); no suggestion moved; the sex set stays 29/31. Checked: the unseen rows' split
(SHA-1 of the PMID 1 mod 22, of 'dev' and the PMID not 0 mod 3: all 31), the first reading
(26/31 at 84f78839); the labels were committed 18 seconds after the protocol, so they were
written before it was committed, not after as said. Left: a share of the providers' sex
("The physiotherapists (85% women) delivered ...": both), a share written after its term
("female, 63%"), a role's arm described in brackets (results' brackets hold statistics).
"""
