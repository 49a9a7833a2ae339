"""The catalogue of trial registers: each register's name, the documented form of its numbers
and the patterns that find a number in free text (:data:`REGISTERS`). How a number is read
with them, and its canonical form, is :mod:`reviewkit.dedup.registers`'; whether a text ends
on a whole number (:func:`ends_on_whole_number`) is the formats' question (an Ovid file's last
abstract ending on one is whole, :mod:`reviewkit.formats.ovid_cut`), so the catalogue sits below
both.

The registers are WHO ICTRP's primary registries (WHO, "Primary registries in the WHO
Registry Network", and each register's own pages on its numbers) and ClinicalTrials.gov. The
patterns were checked against the regular expressions of ctregistries (Salholz-Hillel et al.,
github.com/maia-sh/ctregistries, registries.csv), which reads the same numbers in MEDLINE's
secondary source IDs. Ours take any digits the documented form allows where ctregistries
fixes those numbers had by 2021 ('NCT0…', 'ACTRN126…', 'KCT00…'), and are stricter where a
prefix is also a word or a name (REPEC's 'PER', the Netherlands' 'NL'; said at the form).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Form:
    """One documented form of a register's numbers."""

    pattern: str  # finds the number in free text; its groups are the number's parts
    shape: str  # the canonical number, its parts filled in upper case ('NCT{}')
    # True: the register's capitals only, for a prefix that words and gene names share
    # (REPEC's 'PER', the Netherlands' 'NTR' and 'NL')
    exact_case: bool = False
    # the literals a number of this form starts with, lower case (in the register's capitals
    # when exact_case); () for the letters the shape starts with ('NCT{}' -> 'nct'). The
    # pattern is tried only where one starts a word (_matches)
    marks: tuple[str, ...] = ()
    # for a shape that other things share: words one of which the text must hold in the
    # CONTEXT characters before the number (a pattern, any case), unless the number is the
    # whole text (a source field, an ID field)
    context: str = ""
    # a register's series of numbers, where it gives one trial several (the Netherlands: NTR,
    # NL, NL-OMON); '' for the register's one series (:func:`number_series`)
    series: str = ""

    def literals(self) -> tuple[str, ...]:
        """The marks of this form (:attr:`marks`, or the shape's opening letters)."""
        if self.marks:
            return self.marks
        start = re.match(r"[A-Z]+", self.shape)
        assert start, self.shape
        return (start.group(0) if self.exact_case else start.group(0).lower(),)


@dataclass(frozen=True)
class Register:
    """A trial register: its name, its numbers' documented form and where they are from, the
    forms read in text, the hosts of its web addresses (its records' URLs) and the names it
    goes by (its abbreviation as it writes it, its name in full)."""

    name: str
    numbers: str
    forms: tuple[Form, ...]
    hosts: tuple[str, ...]
    names: tuple[str, ...]


# A separator a number may be written with or without (ICTRP keeps the register's hyphens,
# exports and authors drop them or write a space; a folded field has spaces for all of them)
_SEP = r"[\s-]?"
# Between a register's prefix and its digits, where the prefix is the register's name too
# ('ISRCTN', 'ACTRN', 'DRKS', 'NCT' …) and the digits are of a fixed count: also a comma,
# colon or bracket and 'number' / 'no.', as journals write the register's name before the
# digits ('registered with ISRCTN, number 96169987': The Lancet's 'registered with
# <register>, number …'; 'ISRCTN, 22488978, and ClinicalTrials.gov, NCT…'; '(ACTRN):
# 12614000310662'; 'ISRCTN number: 12345678'), found in the snapshot's and the bib-dedupe
# sets' abstracts. The fixed count of digits keeps this from reading another number.
_LABEL = r"\)?[\s:,#-]{0,3}(?:(?:number|no|nr)\.?[\s:#]{1,2})?"
_SLASH = r"[\s/-]*"
# a hyphen between a number's parts, a space beside it or not ('2004- 000123-45', where a line
# was broken or a typist spaced it), or none ('200400012345'); never a space alone, which
# would join a number to the next one in a list
_GAP = r"(?:\s?-\s?)?"
# the prefixes ICTRP puts before the four registers of the Japan Primary Registries Network
# ('JPRN-UMIN000012345'): not part of the register's own number, so read and dropped
_JPRN = r"(?:JPRN[\s-]?)?"
# a register named before its number ('Netherlands Trial Register', 'trial registration:',
# 'TrialID=', 'NTR', 'LTR'), for Form.context
_NAMED = r"regist|trialid|\b[nl]tr\b"
# how many characters before a number Form.context is looked for in, for a number whose shape
# other things share (the Netherlands' 'NL' and digits) cited in an abstract or a note: a
# structured abstract's registration heading and the register's name stand right before it
# ('Trial registration: Netherlands Trial Register NL7891', 47 before); a heading further back
# is another sentence's, not this number's
CONTEXT = 60
# UMIN's old C numbers (Form.context): after UMIN's or ICTRP's name for the Japanese registers
_UMIN = r"umin|jprn|regist|trialid"


def _digits(count: int) -> str:
    """A fixed count of digits, or the same count with one blank inside (ClinicalTrials.gov's
    and ISRCTN's eight: 'NCT0123 4567', 'ISRCTN 1234 5678', a line or a column broken in the
    number, a typo), three digits at least on each side and no further digit after a blank:
    'NCT0123456 7 patients' is a number cut short and a count, 'NCT0123 4567 8' no one
    number. The blank is dropped from the canonical number (registers._found)."""
    split = "|".join(rf"\d{{{k}}} \d{{{count - k}}}(?!\s\d)" for k in range(3, count - 2))
    return rf"(?:\d{{{count}}}|{split})"


_NL = ("trialregister",)  # the Netherlands' register's addresses

REGISTERS: tuple[Register, ...] = (
    Register(
        "ClinicalTrials.gov",
        "NCT and 8 digits, NCT01234567 (ClinicalTrials.gov, 'NCT Number')",
        (Form(rf"NCT{_LABEL}({_digits(8)})", "NCT{}"),),
        ("clinicaltrials.gov",),
        ("ClinicalTrials.gov", "CT.gov"),
    ),
    Register(
        "ISRCTN",
        "ISRCTN and 8 digits, ISRCTN12345678; its records' DOIs are 10.1186/ISRCTN12345678",
        (Form(rf"ISRCTN{_LABEL}({_digits(8)})", "ISRCTN{}"),),
        ("isrctn.com", "isrctn.org", "controlled-trials.com"),
        ("ISRCTN", "ISRCTN Registry", "ISRCTN Register"),
    ),
    Register(
        "ANZCTR (Australia, New Zealand)",
        "ACTRN and 14 digits, ACTRN12610000123456 (ANZCTR, 'Registration number'); ANZCTR's"
        " pages print a 'p' after the number of a trial registered before its first participant"
        " (ACTRN12610000123456p, prospective registration): the same number, read without it",
        (
            Form(rf"ACTRN{_LABEL}(\d{{14}})p?", "ACTRN{}"),
            # the register's name before the digits ('ANZCTR 12610000123456', '(ANZCTR):
            # 126…'), as authors write it for the prefix: the digits' fixed count keeps it one
            # number, the register's own
            Form(rf"ANZCTR{_LABEL}(\d{{14}})p?", "ACTRN{}", marks=("anzctr",)),
        ),
        ("anzctr.org.au",),
        ("ANZCTR", "Australian New Zealand Clinical Trials Registry"),
    ),
    Register(
        "ChiCTR (China)",
        "until 2016 ChiCTR-, a three- or four-letter type and 8 digits (ChiCTR-IOR-17011234,"
        " ChiCTR-TRC-10000123), since then ChiCTR and 10 digits (ChiCTR1800012345)",
        (
            Form(rf"ChiCTR{_SEP}([A-Z]{{2,4}}){_SEP}(\d{{8}})", "CHICTR-{}-{}"),
            Form(rf"ChiCTR{_LABEL}(\d{{10}})", "CHICTR{}"),
        ),
        ("chictr.org.cn", "chictr.org"),
        ("ChiCTR", "Chinese Clinical Trial Registry"),
    ),
    Register(
        "CRiS (Korea)",
        "KCT and 7 digits, KCT0001234 (CRiS, 'CRIS Registration Number')",
        (Form(rf"KCT{_LABEL}(\d{{7}})", "KCT{}"),),
        ("cris.nih.go.kr",),
        ("CRiS", "Clinical Research Information Service"),
    ),
    Register(
        "CTRI (India)",
        "CTRI/year/month/6 digits, CTRI/2019/01/017000 (until 2010 a three-digit middle part,"
        " CTRI/2009/091/000123); the six digits are a serial the register counts over all its"
        " trials, which authors may write as a count, with a thousands comma (011,664)",
        # The serial runs over the register (the snapshot's abstracts cite …/2014/10/005124,
        # …/2018/02/011,664, …/2019/03/018014, …/2021/03/031686), so an author may write it as
        # a count: 'CTRI/2018/02/011,664' (PMID 32737577) is CTRI/2018/02/011664. Only a
        # comma after its third digit with no blank: '…/011, 664' is a list, and no other
        # register's digits are a count (NCT's, ISRCTN's are fixed-width identifiers).
        # ctregistries reads no comma there.
        (
            Form(
                rf"CTRI{_SLASH}(20\d\d){_SLASH}(\d{{2,3}}){_SLASH}(\d{{3}}),?(\d{{3}})(?!,\d)",
                "CTRI/{}/{}/{}{}",
            ),
        ),
        ("ctri.nic.in",),
        ("CTRI", "Clinical Trials Registry - India"),
    ),
    Register(
        "DRKS (Germany)",
        "DRKS and 8 digits, DRKS00012345 (DRKS, 'DRKS-ID')",
        (Form(rf"DRKS{_LABEL}(\d{{8}})", "DRKS{}"),),
        ("drks.de", "germanctr.de"),
        ("DRKS", "German Clinical Trials Register"),
    ),
    Register(
        "CTIS (EU Clinical Trials Information System)",
        "the EU CT number, year-5 and 5 digits-2 digits-2 digits, 2022-500001-23-00 (EMA, CTIS"
        " since 2023); read after 'CTIS' or 'EU CT' only, as ICTRP writes it (CTIS2022-…)",
        (
            Form(
                r"(?:CTIS|EU[\s-]?CT(?:[\s-]*(?:number|no)\.?)?)[\s:#=-]*"
                r"(20\d\d)-(5\d{5})-(\d{2})-(\d{2})",
                "CTIS{}-{}-{}-{}",
                marks=("ctis", "eu ct", "eu-ct", "euct"),
            ),
        ),
        ("euclinicaltrials.eu",),
        ("CTIS", "Clinical Trials Information System"),
    ),
    Register(
        "EU CTR (EudraCT)",
        "the EudraCT number, year-6 digits-2 digits, 2014-001234-12 (EMA, EudraCT); ICTRP"
        " names each member state's copy EUCTR2014-001234-12-GB. Read after 'EudraCT' or"
        " 'EUCTR' only. The member state is dropped: its copies are one protocol under one"
        " number, and CENTRAL's address for them (…eudract_number:2014-001234-12) names none",
        (
            Form(
                r"(?:EudraCT(?:[\s_-]*(?:number|no|nr|id|n)\b\.?)?|EU[\s-]?CTR)[\s:/#=()-]*"
                rf"(\d{{4}}){_GAP}(\d{{6}}){_GAP}(\d{{2}})(?:-[A-Z]{{2,3}}\b)?",
                "EUDRACT{}-{}-{}",
                marks=("eudract", "euctr", "eu ctr", "eu-ctr"),
            ),
        ),
        ("clinicaltrialsregister.eu",),
        ("EU CTR", "EUCTR", "EudraCT", "EU Clinical Trials Register"),
    ),
    Register(
        "IRCT (Iran)",
        "IRCT, digits (a date and a serial, 10 to 14) and N with the trial's number of"
        " registration, IRCT20171203037645N1, IRCT201012195395N1, IRCT138811192855N1",
        # a space before N, as some abstracts write it ('IRCT20171203037645 N1')
        (Form(rf"IRCT{_LABEL}(\d{{10,14}})\s?(N\d{{1,3}})", "IRCT{}{}"),),
        ("irct.ir", "irct.behdasht.gov.ir"),
        ("IRCT", "Iranian Registry of Clinical Trials"),
    ),
    Register(
        "JPRN: UMIN-CTR (Japan)",
        "UMIN and 9 digits, UMIN000012345; ICTRP writes JPRN-UMIN000012345. UMIN's first"
        " numbers had C for a prefix, C000000123, the number UMIN000000123 with its old prefix"
        " (ICTRP keeps JPRN-C000000123; ctregistries reads both prefixes as one register's)",
        (
            Form(rf"{_JPRN}UMIN{_SEP}(?:CTR{_SEP})?(\d{{9}})", "UMIN{}"),
            # a capital C and 9 digits, the first four zeros (as ctregistries reads both
            # prefixes), and only after UMIN's or ICTRP's name or a registration's heading
            # (or as the whole text): a catalogue or sample number may have this shape
            Form(r"C(0000\d{5})", "UMIN{}", exact_case=True, marks=("C0000",), context=_UMIN),
        ),
        ("umin.ac.jp",),
        ("UMIN-CTR", "UMIN", "UMIN Clinical Trials Registry", "JPRN"),
    ),
    Register(
        "JPRN: jRCT (Japan)",
        "jRCT, a letter or digit and 9 digits, jRCTs031180123, jRCT2031190123",
        (Form(rf"{_JPRN}jRCT{_SEP}([A-Z0-9]\d{{9}})", "JRCT{}"),),
        ("jrct.niph.go.jp", "rctportal.niph.go.jp", "jrct.mhlw.go.jp"),
        ("jRCT", "Japan Registry of Clinical Trials"),
    ),
    Register(
        "JPRN: JapicCTI (Japan)",
        "JapicCTI- and 6 digits, JapicCTI-123456",
        (Form(rf"{_JPRN}Japic{_SEP}CTI{_SEP}(\d{{6}})", "JAPICCTI-{}", marks=("japic",)),),
        ("clinicaltrials.jp",),
        ("JapicCTI",),
    ),
    Register(
        "JPRN: JMACCT (Japan)",
        "JMA-IIA and 5 digits, JMA-IIA00123",
        (Form(rf"{_JPRN}JMA{_SEP}IIA(\d{{5}})", "JMA-IIA{}"),),
        ("jmacct.med.or.jp",),
        ("JMACCT",),
    ),
    Register(
        "NTR / LTR (the Netherlands)",
        "NTR and its number (NTR1234, 2004-2018), then NL and 4 or 5 digits (NL7891); since"
        " 2022 Overview of Medical Research, NL-OMON and digits (NL-OMON23456)",
        (
            # the register's addresses: its old pages (…/rctview.asp?TC=1234) gave the NTR
            # number, its 2019-2022 pages (trialregister.nl/trial/7891) the NL number.
            # NTR, NL and NL-OMON are kept as three numbers, never read as one: the register
            # gave every published trial a new NL ID and 'older trials keep the old NTR ID next
            # to the new NL ID' (trialregister.nl, 'Registration ID'), and documents no rule from
            # one to the other (the same digits under both need not be one trial); the LTR
            # (onderzoekmetmensen.nl, 2022) took the NTR's trials in under NL-OMON IDs likewise.
            # One trial's NTR and NL records are therefore two registrations to dedup (apart,
            # as any two numbers: kinds_registrations), which a person may link as one study.
            Form(r"trialregister\.nl/[^\s]*?[?&]tc=(\d{1,4})", "NTR{}", marks=_NL, series="NTR"),
            Form(r"trialregister\.nl/trial/(\d{1,5})", "NL{}", marks=_NL, series="NL"),
            # capitals only, and three digits at least: 'NTR1' to 'NTR3' are the neurotensin
            # receptors, and 'ntr284' a DOI's suffix (Nicotine & Tobacco Research, 10.1093/ntr/)
            Form(rf"NTR{_SEP}(\d{{3,4}})", "NTR{}", exact_case=True, series="NTR"),
            Form(rf"NL-?OMON{_SEP}(\d{{1,6}})", "NL-OMON{}", exact_case=True, series="NL-OMON"),
            # 'NL' and digits also names virus strains and samples ('CSFV strains Brescia or
            # NL9201'): read after the register's name or a registration's heading. Nor the
            # CCMO's number of a trial's ethics dossier, NL, five digits, its committee and
            # year ('METC NL48354.041.14', the ABR number Dutch abstracts give beside the
            # registration): an approval, which no register's NL number is followed by
            Form(r"NL(\d{4,5})(?!\.\d)", "NL{}", exact_case=True, context=_NAMED, series="NL"),
        ),
        ("trialregister.nl", "onderzoekmetmensen.nl"),
        ("NTR", "LTR", "Netherlands Trial Register", "Netherlands Trial Registry"),
    ),
    Register(
        "PACTR (Pan African)",
        "PACTR and 15 digits, PACTR201905123456789",
        (Form(rf"PACTR{_LABEL}(\d{{15}})", "PACTR{}"),),
        ("pactr.org", "pactr.samrc.ac.za"),
        ("PACTR", "Pan African Clinical Trials Registry"),
    ),
    Register(
        "ReBEC (Brazil)",
        "RBR- and 6 letters and digits, the first a digit, RBR-5xyz9k (ReBEC, 'UTN/Registro');"
        " the registry's new platform (2021) gives 7 or 8 (RBR-7znxtw7)",
        (Form(rf"RBR{_SEP}(\d[0-9A-Z]{{5,7}})", "RBR-{}"),),
        ("ensaiosclinicos.gov.br",),
        ("ReBEC", "Brazilian Clinical Trials Registry"),
    ),
    Register(
        "REPEC (Peru)",
        "PER-, 3 digits, -, the year's 2 digits, PER-012-19 (REPEC, 'Código de registro')",
        # capitals and both hyphens: 'per 100 19' is English (ctregistries lets both go)
        (Form(r"PER-(\d{3})-(\d{2})", "PER-{}-{}", exact_case=True),),
        ("ensayosclinicos-repec.ins.gob.pe",),
        ("REPEC",),
    ),
    Register(
        "RPCEC (Cuba)",
        "RPCEC and 8 digits, RPCEC00000123",
        (Form(rf"RPCEC{_LABEL}(\d{{8}})", "RPCEC{}"),),
        ("registroclinico.sld.cu",),
        ("RPCEC",),
    ),
    Register(
        "SLCTR (Sri Lanka)",
        "SLCTR/year/3 digits, SLCTR/2019/012",
        (Form(rf"SLCTR{_SLASH}(20\d\d){_SLASH}(\d{{3}})", "SLCTR/{}/{}"),),
        ("slctr.lk",),
        ("SLCTR", "Sri Lanka Clinical Trials Registry"),
    ),
    Register(
        "LBCTR (Lebanon)",
        "LBCTR and 10 digits (a date and a serial), LBCTR2019121234",
        (Form(rf"LBCTR{_LABEL}(20\d{{8}})", "LBCTR{}"),),
        ("lbctr.moph.gov.lb", "lbctr.emro.who.int"),
        ("LBCTR", "Lebanese Clinical Trials Registry"),
    ),
    Register(
        "ITMCTR (traditional medicine)",
        "ITMCTR and 10 digits, ITMCTR2100004975",
        (Form(rf"ITMCTR{_LABEL}(\d{{10}})", "ITMCTR{}"),),
        ("itmctr.ccebtcm.org.cn",),
        ("ITMCTR",),
    ),
    Register(
        "TCTR (Thailand)",
        "TCTR and 11 digits (a date and a serial), TCTR20190101001",
        (Form(rf"TCTR{_LABEL}(20\d{{9}})", "TCTR{}"),),
        ("thaiclinicaltrials.org", "clinicaltrials.in.th"),
        ("TCTR", "Thai Clinical Trials Registry"),
    ),
)


def _forms() -> tuple[tuple[re.Pattern[str], Form], ...]:
    """Each form's pattern compiled to be found at the end of a text, its case as the form
    asks."""
    return tuple(
        (
            re.compile(
                rf"(?<![A-Za-z0-9])(?:{form.pattern})$", 0 if form.exact_case else re.IGNORECASE
            ),
            form,
        )
        for register in REGISTERS
        for form in register.forms
    )


_AT_END = _forms()


def ends_on_whole_number(text: str) -> bool:
    """Whether ``text`` ends on a registration number that cannot be a longer one cut short:
    one of a form whose digits are of a fixed count ('Trial registration: NCT01234567'), not
    one that a further digit would still fit ('NTR123' may be 'NTR1234' cut, 'NL-OMON1234'
    'NL-OMON12345')."""
    for pattern, form in _AT_END:
        m = pattern.search(text)
        if m and not re.fullmatch(
            form.pattern, m.group(0) + "0", 0 if form.exact_case else re.IGNORECASE
        ):
            return True
    return False
