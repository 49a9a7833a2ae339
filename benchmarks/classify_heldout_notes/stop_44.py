"""Stop 44's notes for ``results/classify.md`` (:mod:`benchmarks.classify_heldout_notes`)."""

TASK_CLS44 = """## Task cls44: a ninth held-out set from outside the Nordic countries and the UK

**The ninth held-out set** (`heldout_rtw_abstracts_9.csv`, 25 abstracts of Review B's kind) was
written for the sources the earlier sets under-represent, and labelled by DOMAIN.md's
definitions first (commit 63d1394b, its own commit and the 'before'), then read: studies from
Canada, Australia, the Netherlands, Germany, Japan, the USA and Switzerland (compensation boards
and insurers, Australia's workplace rehabilitation providers, the German accident insurance's
rehabilitation manager and pension insurance's work-related rehabilitation, the Hamburg model of
stepwise reintegration, Japanese rework programmes and company occupational physicians, IPS for
veterans, in headspace and in Japan); five conference abstracts without headings; eight
populations defined by an instrument's cut-off or by codes (4DSQ distress > 10, PHQ-9 >= 10,
K6 >= 13, ICD-10 F32/F33/F41/F43, F3 and F4, F20-F29 or F31, M40-M54, ICPC P02/P76/P78; in two,
N11 and N16, the codes are the disorders' only name, in the others a disorder's or a construct's
word stands beside them); and three populations of neither label (concussion, breast cancer,
occupational injuries).

**First reading (unseen)**, rules: **model type 22/25 (88 %), diagnosis 25/25, SMI 25/25**.
Combined (words + the rules' evidence), leave-one-out within the set: model type 20/25,
diagnosis 25/25; combined trained on Review B's 50 descriptions and applied to the set: 19/25
and 25/25 (Review B has no 'none' row, so that model never says none: 2 of its 6 misses, the
clinic's rework programme and the register study).

**The misses, by kind** (all three coordinators read as workplace-centred):
(1) the one person named by a title no term held, in another country's system (2): Australia's
workplace rehabilitation provider (its "workplace", in the title and twice in the abstract,
counted for the workplace; "the consultant ... communicated with the treating doctor, the
employer and the insurer"), and the German accident insurance's rehabilitation manager ("the
manager ... agrees a rehabilitation plan with the person, the doctors and the employer": the
employer the only evidence); (2) a care manager, weak alone (also a team member's title), who
"agreed a written return-to-work or stay-at-work plan with the employee and the employer's
disability manager", in a trial done "in Canadian workplaces" among "employees of 14 Canadian
employers" (1).

**Diagnosis read right, and why**: the codes through the code ranges (M40-M54 inside M00-M99,
F32/F33/F41/F43 inside F20-F48, ICPC P02/P76/P78 inside ICPC-2 P01-P99, "F3 or F4" by the
clinic's "psychiatric" and "anxiety" beside them); the instruments through the construct named
with them ("distress", "psychological distress", "depression"). PHQ-9 is in the instrument
list; 4DSQ, K6 and PCL-5 are not. **Measured, not built**: adding them would gain no row here
(each came with its construct's name), and "PCL" is also the posterior cruciate ligament of
musculoskeletal records.

**Mended, each a kind** (`protocols/work-health-collaboration.toml`,
`reviewkit/classify/actors.py`; tests in `tests/classify/test_coordinators_abroad.py`, each
failing before):

* *The coordinator's titles in compensation systems abroad*: "workplace rehabilitation
  provider(s)" (Australia: the accredited provider's rehabilitation consultant works with the
  worker, the employer, the doctor and the insurer on one plan, as SIRA NSW and WorkSafe
  Queensland describe it; the whole title is one sign, so its "workplace" is no workplace
  evidence), "rehabilitation consultant(s)" weak (in the UK also a physician's title),
  "rehabilitation manager(s)" and, weak, "rehabilitation management" (the DGUV's
  Reha-Management: one manager steers the case by a goal agreement with the parties). Ablated
  one at a time on set 9: the provider's title gains N09; N24 needs both the manager's title
  and the method's name (either alone ties with the employer: the abstract names the manager
  once); "rehabilitation consultant" gains none (N19, a consultant outside a pain team, is
  right either way). The contact words and the compound fix below move no set 9 row.
* *A plan agreed, negotiated or communicated with the parties*: "agree", "negotiate" and
  "communicate" are words of contact whose parties follow "with" (as "coordinate"'s do: the plan
  is no party); another label's actor before them makes the employer after "with" a party, no
  workplace evidence. "The occupational physician agreed a plan with the employee and the
  supervisor" keeps the workplace acting (its own label's actor).
* *A hyphenated compound ends no party list* (a fault of the rule, found here): the "to" of
  "return-to-work", the "at" of "stay-at-work" and an -ed word inside a compound ("sick-listed",
  "work-related") ended the parties named after a word of contact, as an infinitive's "to" or a
  verb does; "the coordinator coordinated a return-to-work plan with the employer and the
  supervisor" read as workplace-centred. A word joined by a hyphen to its neighbour is part of a
  noun now.

**After (development figure)**: set 9 rules model type **24/25**, diagnosis 25/25, SMI 25/25;
combined leave-one-out in the set 22/25 and 25/25; combined trained on Review B 21/25 and 25/25.
Left: the Canadian care manager (kind (2)): "in Canadian workplaces" in the title and "employees
of 14 Canadian employers" are where the study was done and whom it sampled, not the workplace
acting; a rule for an employer as the sample frame ("employees of N employers", "in N
workplaces") was not tried (a cluster trial "in 36 workplaces" is often a workplace
intervention).

**Measured** (`benchmarks.classify_cells`, every protocol's every scheme on every held-out file
and Review B's rows, 22,916 row score lists against 63d1394b, load 8-15): **66 moved, 22
suggestions**. Review B's rows: none (every Review B figure stands). Set 9's model type: 2,
both right. The contact words and the compound fix in other protocols' schemes, on sets
without their gold, read by hand against each label's description: the providers scheme 10
(the employer, the GP or the occupational health service dropped where it is the party a plan
was agreed or coordinated with: 7 right by the definition of who delivered, e.g. "an
occupational therapist visited the workplace and agreed adaptations ... with the supervisor";
1 doubtful, an occupational health service among the parties of "a graded return agreed
between the employee, the supervisor and the occupational health service"; 2 order only);
Review A's diagnosis group 3 (gp-employer -> musculoskeletal, each a back-pain population whose
light duties were "agreed with the ward manager" or "with the supervisor": right by the
populations); the CMD review's work focus 1 (the coordination set's V01 gains workplace
contact, "agreed a return-to-work plan with the worker, contacted the employer": right by that
set's own components gold); the coordination review's base 1 (set 9's N12, the care manager's
base: employer -> not stated, arguable); the demo protocol's work scheme 5 (no gold). Every
other held-out figure stands (the table above). One line of this page moved without this
stop: the demo protocol's `rehabilitation` is found in 10 Review B titles, not 11 (ref 26's "vs.
rehabilitation program" is a comparator arm since rd43d's "vs.", after this page was last
written; the same with this stop's code taken out).
On the snapshot's 2021 file (PubMed 21n1298, English records with an abstract of 80+ words):
a 1-in-25 hash sample (718 records) and every other record naming a new term or cue (95:
"rehabilitation provider/consultant/manager/management", "home-based (tele)work", or agree,
negotiate or communicate with a "with" after it), every protocol's every scheme, 27,642 score
lists: **2 moved, 1 suggestion** (the care-setting record below); the hash sample none; one
record gains a weak coordinator score (0.25, no suggestion). The rules' words of this stop are
rare outside return-to-work records, as a first reading of another review would meet them.

**The care-setting scheme** (left by cls17 and rd43d):

* "home-based work" read as the community (rd43d: an informal sector's "home-based work, street
  vending and domestic work"): "home-based work*" and "home-based telework*" are a place of work
  now, weak occupational evidence (ILO's home-based workers), so their "home-based" is no
  household (the longest term wins); "a home-based walking programme" stays the community.
  Moves none of the 674 care-setting score lists of the held-out sets (no set holds the words);
  on the snapshot's records (above) it moves the one record rd43d found: community and
  occupational -> occupational (the women's sectors of work; right).
* "primary dental care", a one-row term: **measured, not built**. In the snapshot's 2021 file
  "primary <word> care" is "primary health care" 122 times and otherwise palliative (7),
  medical (2), family (2), dental, mental health, child health, HIV medical, veterinary, spine
  and neurocritical care (1 each): most are primary care, "primary neurocritical care" is not.
  The larger kind is the elided head, "primary and secondary care" (5), "primary and community
  care" (10), "primary and specialist/specialty/subspecialty care" (6), "primary or secondary
  care" (2), which "primary care" does not find (its words must be adjacent): a term syntax for
  an elided head, as the diagnosis scheme lists "mental and/or musculoskeletal", would serve
  both; not built this stop.
* weak "school(s)": kept as rd43d measured it (about 11 of 19 right on other reviews' records).
"""

TASK_RD44C = """## Reader rd44c on cls44: the terms abroad, the words of agreement and the hyphen

**"Rehabilitation management" taken out** (it was weak): in all the held-out sets and Review B
it is found only in N24, the row it was added for, and in the snapshot's two files only once, a
clinic's care ("regular rehabilitation management can reduce its severity", spinal cord injury).
The DGUV names its method so in English, but English abstracts mostly mean a clinic's
rehabilitation by it ("rehabilitation management of stroke"): beside one weak coordinator word
it made written clinical sentences a coordinator's ("multidisciplinary rehabilitation management
including a return-to-work plan": team plus coordinator; "rehabilitation management of chronic
low back pain in primary care ... graded activity with individual support": coordinator; 3 of 4
such sentences moved, none right). The person's title, "rehabilitation manager", stays. N24 is
a miss again (the manager's title once against the employer once, a tie the workplace wins): set
9's rules model type **23/25** (development), not 24/25; classify_cells against the merge
(f947cce1), 22,916 lists: that one moved, nothing else.

**"Rehabilitation consultant" kept (weak)**, though it gains no row: it is the title SIRA NSW
gives the workplace rehabilitation provider's staff ("the rehabilitation consultant will work
with the worker, employer, doctor and insurer to design a plan"), the coordinator's kind; it is
found in no other held-out row, no Review B row and no snapshot record; on written sentences
of the UK sense (a physician in rehabilitation medicine) it adds 0.5 without moving the
suggestion, as a weak term should.

**Agree, negotiate, communicate with the employer**: the snapshot cannot measure it (no
sentence of its 33,277 abstracts has one of the three words with "with" and then an employer,
supervisor, manager, workplace, company or occupational word; of its 329 abstracts with one of
the words and a "with" after it, the merge moved none against main before it, every protocol's
every scheme). On 14 written sentences of both
kinds, each workplace-led one (the supervisor, the employer, company case managers, human
resources, line managers, the occupational physician agreeing or negotiating with the others)
keeps the workplace: the workplace's own term before the word is an actor, and only the terms
after it can be parties. The 3 that moved (the insurer's case manager, a treating psychologist,
the rehabilitation consultant communicating with the employer) are right by the rule. Against
main before the merge (a8b3c98c), classify_cells gives 59 of the 22,066 lists of the earlier
files moved and 16 suggestions, consistent with the merge's 66 and 22, which also count set
9's 850 lists (against 63d1394b; not rerun here).
Left: "communicated the plan to the employer" (a party after "to") is no contact.

**The hyphen**: cls44's compound rule looked for "-" only; a compound written with the hyphen
U+2010 or an en dash ("return‐to‐work", as some publishers write it) still ended the parties at
its "to": it asks `words.HYPHENS` now. Two cases of the kind it got wrong: a verb written with
its prefix ("re-assessed", "e-mailed", "pre-arranged") was read as a compound and no longer
ended the parties, as "reassessed" does; and a word of contact so written ("co-ordinated",
British and Australian spelling) was no word of contact ("the coordinator co-ordinated a
return-to-work plan with the employer and the supervisor": workplace). Both mended
(`reviewkit/classify/actors.py`); they move none of the 22,916 held-out lists, nor any of
the snapshot's (the 712 records of its two files that name a prefixed verb with a hyphen,
"co-ordinat...", "rehabilitation management" or one of the three words with a "with" after it;
every protocol's every scheme, 24,208 lists against the merge: one moved, the spinal cord
injury record losing the term taken out, 0.25 coordinator, no suggestion).
`words.HYPHENS`' comment called U+2010 a non-breaking hyphen: the non-breaking hyphen U+2011 is
not in it, and the snapshot's abstracts hold it 1,483 times in 126 records (mostly a
laboratory's names, "miR‑145", "non‑coding"): left for a measured change, as it reaches every
term's hyphenated forms. `_agentless_passive` passes over a prefix written with a hyphen
too ("was re-arranged" is the passive "was rearranged" is); it moves no held-out or snapshot
list either.
"""

TASK_Q44I = """## Task q44i: the non-breaking hyphen U+2011

Unicode's no-break form of the hyphen U+2010 (Word's Ctrl+Shift+-, publishers' XML) is a hyphen
to the classification now. One list, `protocol.term_words.HYPHENS` (hyphen-minus, U+2010,
U+2011, en dash; read as `words.HYPHENS`), serves the protocol check (a term "burn‑out" was
refused: "'‑' is not part of a word"), `parse_term` and `compile_term`, the hyphen runs
("burn‑out" is the term "burnout"), compounds and prefixed verbs (actors), negation, cost
bearers, code ranges and the gaps inside an instrument's name; durations and follow-ups read
"8‑12 weeks" as a range and "24‑month" as an adjective (`durations.adjective`, one test for
both readers). And every rule reads a record's U+2010 and U+2011 as "-" (`words.plain_hyphens`,
one character for one, once in `fields._fields`), so the rules' own cues written with "-"
("follow-?up", "self-?reported", "cut-?off") read them too. The en dash is not so read: it
also marks ranges and clauses, and the rules that read it name it.

Measured (`classify_cells`, every protocol's every scheme): the held-out sets and Review B's
rows, 22,916 lists, none moved (none holds U+2011; two hold U+2010 or an en dash). The
snapshot's 129 records with U+2011 (1,484 of them, title, abstract and keywords), 4,386
lists: one moved, one suggestion changed, rtw-work-outcomes' follow-up of PMID 33210724
("the median follow‑up was 5.4 years": not-stated -> over-12, right); 22 more lists gained
evidence for a term already found, no score moved (cancer's `tumor*`, `cancer*` in
"tumor‑infiltrating", "cancer‑related"; the demo's `covid*` in "COVID‑19" whole, `sleep*` in
"sleep‑related"). The same records with U+2011 written "-" score identically (4,386 lists,
none differs): the character reads as the hyphen-minus does. The snapshot's 34 records with
U+2010: 1,156 lists, none moved.
Other lists of dashes, each its own concern and left: page ranges (`records.normalise_pages`,
U+2010-U+2015 and the minus, U+2011 in), a typeset RIS tag (`formats.not_export`, the same),
dedup's dates (`dedup.venue._DATE_BEFORE`, "-" and en dash) and clause dashes
(`dedup.notice_titles`, `dedup.study_names`: en and em dash); dedup's titles fold every
punctuation mark to a space (`records.fold_text`).
"""
