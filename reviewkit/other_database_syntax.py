"""A strategy written for another database pasted as a PubMed search: the pieces of Ovid's,
Embase.com's, EBSCOhost's (CINAHL), Scopus's, Web of Science's and the Cochrane Library's
syntax that PubMed has no reading for and searches as words (``exp Sick Leave/`` finds
nothing, ``return to work.ti,ab.`` finds "return"), each named with the database whose syntax
it is and PubMed's nearest form. :func:`reviewkit.query.warnings` says them.

Librarians translate one strategy across databases and paste the wrong translation. Each rule
below rests on the interface's own search help (the sources are listed in
``benchmarks/results/pubmed-fidelity.md``, section pubmed47) and is written so that PubMed's own
syntax never matches it: double-quoted phrases and [field tags] are masked before any rule
runs (``"a b"[tiab:~3]``, ``depression/therapy[mh]``, ``2020:2021[dp]`` hold nothing to
match), and each sign is one PubMed does not use for anything (a word's trailing '/', '.xx.'
after a word, 'adj3', 'NEAR/3', 'TS=', 'TITLE-ABS-KEY(' ...).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from reviewkit.quote_marks import masked_phrases, straight_quotes

# A rule's message maker: the match (on the masked query) and the query as written.
_Say = Callable[[re.Match[str], str], str]

# Ovid's field labels after a term between dots (Ovid field guide: "bone density.ab.",
# "random$.ti,ab,sh,pt."), each two letters; PubMed's tag for each, where PubMed has one.
_OVID_FIELDS = {
    "ti": "ti",
    "ab": "ab",
    "tw": "tiab",  # Ovid's text word: the title and abstract words (PubMed's [tw] is wider)
    "kw": "ot",
    "kf": "ot",
    "ot": "ot",
    "sh": "mh",
    "hw": "mh",
    "mh": "mh",
    "mp": "tw",  # Ovid's multi-purpose: title, abstract, headings' words, among others
    "pt": "pt",
    "au": "au",
    "jn": "ta",
    "jw": "ta",
    "rn": "rn",
    "nm": "nm",
    "fs": "sh",
    "af": "all",
    "la": "la",
    "yr": "dp",
    "dp": "dp",
    "in": "ad",
}
# Ovid's other labels (its MEDLINE field guide) with no PubMed tag of their own: a suffix of
# known labels only is Ovid's ('.md.' in a file name is not).
_OVID_LABELS = set(_OVID_FIELDS) | {"ui", "ps", "rs", "sb", "ox", "tn", "dq", "xm", "is", "ip"}
_OVID_LABELS |= {"vo", "pg", "ed", "st", "tx", "os", "ia", "jx", "px", "fx", "cm", "id", "gs"}
# The field lists of Embase.com and the Cochrane Library after a colon (":ti,ab,kw"); PubMed's
# nearest tag. kw (the author's keywords) is PubMed's [ot]; ti,ab,kw together is [tiab] or [tw].
_COLON_FIELDS = {"ti", "ab", "kw", "de", "mj", "tw", "lnk", "tn", "dn", "au"}


def _ovid_tag(labels: str) -> str:
    """PubMed's nearest tag for Ovid's field labels ('ti,ab' -> '[tiab]')."""
    tags = {_OVID_FIELDS.get(label, "") for label in labels.lower().split(",")}
    if tags >= {"ti", "ab"} or "tiab" in tags:
        return "[tiab]"
    tags.discard("")
    return "/".join(f"[{t}]" for t in sorted(tags)) or "PubMed's tag for that field"


def _colon_tag(labels: str) -> str:
    """PubMed's nearest tag for Embase.com's or the Cochrane Library's ':ti,ab,kw'."""
    fields = set(labels.lower().split(","))
    if fields & {"ti", "ab"} == {"ti", "ab"}:
        return "[tiab] (with kw, the author keywords, [tw])" if "kw" in fields else "[tiab]"
    if fields == {"kw"}:
        return "[ot]"
    if fields & {"de", "mj"}:
        return "[mh] (the heading written as MeSH names it; [majr] for a major one)"
    return f"[{sorted(fields)[0]}]" if fields <= {"ti", "ab", "au"} else "[tiab]"


def _words_around(m: re.Match[str], query: str) -> tuple[str, str]:
    """The words on each side of a proximity operator as ``query`` writes them (a phrase
    whole: the match ran on the masked query), without parentheses or quotes."""
    (a_start, a_end), (b_start, b_end) = m.span("a"), m.span("b")
    if query[a_end - 1] == '"':
        a_start = query.rfind('"', 0, a_end - 1)
    if query[b_start] == '"':
        b_end = query.find('"', b_start + 1) + 1 or b_end
    return query[a_start:a_end].strip("()\"'"), query[b_start:b_end].strip("()\"'")


# Words that are no proximity operator's operand: the Boolean operators and the function words
# every interface drops as stop words. Beside one, an "operator" is text: "of N2 and" (nitrogen),
# "in N95 masks", "with N2 disease" (a lymph-node stage), "of W1 and W2" (proteins).
_NO_OPERAND = {"and", "or", "not", "of", "in", "to", "with", "by", "from", "for", "the", "a"}
_NO_OPERAND |= {"an", "at", "on", "as", "is", "was", "were", "are", "be", "than", "into", "via"}
# A code of one or two capitals and digits (a TNM stage T2 N3 M0, a gas H2, a strain W23), a
# stage in Roman numerals (IIIA) or a number beside an operator: a stage or a name, not a term.
_CODE = re.compile(r"[A-Z]{1,2}\d+[a-z]?|[IVX]+[A-C]?|\d[\d.,]*")


def _text_around(a: str, b: str, op: str) -> bool:
    """Whether the words ``a`` and ``b`` around what looks like a proximity operator ``op`` show
    it to be text: a function word or a code beside it, or a bare NEAR/NEXT between words in
    capitals (a title in capitals: "HOUSING NEAR MAJOR ROADS")."""
    words = (a.split()[-1] if a.split() else a, b.split()[0] if b.split() else b)
    if any(w.lower() in _NO_OPERAND or _CODE.fullmatch(w) for w in words):
        return True
    return op.isalpha() and all(w.isalpha() and w.isupper() for w in words)


def _proximity(database: str, gap: Callable[[int], int], also: str = "") -> _Say:
    """The message maker of one database's proximity operator: PubMed's nearest form is the
    words quoted with [tiab:~N], N the most words between them (PubMed Help, "Proximity
    Searching"); ``gap`` turns the operator's number into that N; ``also`` is said after a
    number whose count differs between the databases that write the operator. '' when the
    words around it show it to be text (:func:`_text_around`)."""

    def say(m: re.Match[str], query: str) -> str:
        a, b = _words_around(m, query)
        if _text_around(a, b, m["op"]):
            return ""
        near_alone = not m["n"] and m["op"].upper() == "NEAR"
        n = "N" if near_alone else gap(int(m["n"])) if m["n"] else 0
        counted = also.format(n=max(int(m["n"]) - 1, 0)) if also and m["n"] else ""
        if near_alone:  # the default of each: the Cochrane Library's help, Web of Science's
            counted = "; NEAR alone is 6 in the Cochrane Library, 15 in Web of Science"
        return (
            f"{database} proximity operator: PubMed searches it as a word; PubMed's nearest "
            f'form is the words quoted with a proximity tag, "{a} {b}"[tiab:~{n}] (the most '
            f"words between them{counted}; no truncation inside)"
        )

    return say


# Where an operand ends: the query's or a line's end, ')', an operator, or the label of a pasted
# history's next line ("2.", EBSCOhost's "S2"), as protocol files join a pasted history's lines.
_OPERAND_END = r"[ \t]*(?:$|[\n)]|(?:AND|OR|NOT|and|or|not)\b|(?:\d+\.|S\d+)(?=\s))"
_WORD = r"(?P<a>[\w*$?#'\"()-]+)"
# the word after an operator is looked at, not taken: it is the word before the next operator
# of a chain, "(return adj3 work adj2 place)"
_NEXT_WORD = r"(?=(?P<b>[\w*$?#'\"()-]+))"
# (pattern on the masked query, what it is and what to write instead)
_Rule = tuple[re.Pattern[str], _Say]
_RULES: list[_Rule] = [
    # Ovid's combination of search-history lines: "or/1-5", "and/3,7".
    (
        re.compile(r"(?<![\w/])(?:or|and|OR|AND)/\d+(?:[-,]\d+)*"),
        lambda m, q: (
            "Ovid's combination of its search history's lines: a stored search has no "
            "history; write those lines out in parentheses joined with OR or AND"
        ),
    ),
    # Ovid: ".ti,ab." after a term, its field labels.
    (
        re.compile(r"(?<=[\w)*$?#])\.(?P<f>(?:[A-Za-z]{2},)*[A-Za-z]{2})\.(?=[\s)]|$)"),
        lambda m, q: (
            (
                f"Ovid's field suffix ({m['f']}): PubMed reads it as part of the word before it; "
                f"PubMed's nearest form is {_ovid_tag(m['f'])} after each term"
                + _example(q, m.start(), _ovid_tag(m["f"]).split(" ")[0])
            )
            if set(m["f"].lower().split(",")) <= _OVID_LABELS
            and m["f"] in (m["f"].lower(), m["f"].upper())  # 'Mt.St. Helens' is no label
            else ""
        ),
    ),
    # Ovid's adjacency: "sick adj3 leave" (within 3 words, so at most 2 between: "help in
    # the home" for "home adj3 help", the BMA's Ovid guide).
    (
        re.compile(rf"{_WORD}\s+(?P<op>(?:adj|ADJ)(?P<n>\d*))\s+{_NEXT_WORD}"),
        _proximity("Ovid's", lambda n: max(n - 1, 0)),
    ),
    # Ovid's truncation: "leave$", "leave$2" (PubMed's is '*'). A '$' after capitals alone is a
    # currency's sign, "US$ 1000", "NZ$2 billion", "R$" (a country's code), not a truncated word.
    (
        re.compile(r"(?P<stem>\w+)(?P<op>\$\d?)(?=[\s).,]|$)"),
        lambda m, q: (
            "Ovid's truncation: PubMed reads '$' as part of the word; write '*' "
            "(at least four characters before it)"
            if not m["stem"].isupper()
            else ""
        ),
    ),
    # Embase.com: 'sick leave'/exp, 'x'/de, 'x'/mj (Emtree terms, single quotes).
    (
        re.compile(r"(?<![\w'])'(?P<head>[^'\n]+)'/(?P<how>exp|de|mj|br|syn)\b"),
        lambda m, q: (
            f"Embase.com's Emtree term (/{m['how']}): PubMed searches it as words; PubMed's "
            f'nearest form is the MeSH heading, "{m["head"]}"[mh] (Emtree and MeSH names '
            "differ: check the heading in MeSH)"
        ),
    ),
    # Embase.com and the Cochrane Library: ":ti,ab,kw" after a term.
    (
        re.compile(r"(?<=[\w)'\"*])\s?:(?P<f>(?:[a-z]{2,3},)*[a-z]{2,3})\b(?![/:])"),
        lambda m, q: (
            (
                f"Embase.com's or the Cochrane Library's field list (:{m['f']}): PubMed reads it "
                f"as words; PubMed's nearest form is the tag {_colon_tag(m['f'])} after each term"
            )
            if set(m["f"].split(",")) <= _COLON_FIELDS
            else ""
        ),
    ),
    # Embase.com, the Cochrane Library and Web of Science: NEAR/3, NEXT/3, and upper-case NEAR
    # or NEXT alone (NEAR alone: 6 words in the Cochrane Library, 15 in Web of Science; NEXT
    # alone: side by side). NEAR/n is n words between in the Cochrane Library and Web of Science
    # (NEAR/0 side by side); Embase.com counts as Ovid's adjn does, NEAR/1 side by side (the UIC
    # library's proximity table: Ovid and Embase alone "do not follow n = 0"), so n-1 between.
    (
        re.compile(
            rf"{_WORD}\s+(?P<op>(?:NEAR|NEXT|(?:near|next)(?=/))(?:/(?P<n>\d+))?)\s+{_NEXT_WORD}"
        ),
        _proximity(
            "Embase.com's, the Cochrane Library's or Web of Science's",
            lambda n: n,
            "; from Embase.com, which counts as Ovid does, ~{n}",
        ),
    ),
    # Scopus: W/3, PRE/3.
    (
        re.compile(rf"{_WORD}\s+(?P<op>(?:W|PRE|w|pre)/(?P<n>\d+))\s+{_NEXT_WORD}"),
        _proximity("Scopus's", lambda n: n),
    ),
    # EBSCOhost (CINAHL): N3 (either order), W3 (in order), upper case between two words.
    (
        re.compile(rf"{_WORD}\s+(?P<op>[NW](?P<n>\d{{1,2}}))\s+{_NEXT_WORD}"),
        _proximity("EBSCOhost's", lambda n: n),
    ),
    # Scopus's field codes before a parenthesis: TITLE-ABS-KEY(…), TITLE(…), ABS(…) … (its
    # query editor writes a space before the parenthesis). ABS and KEY are also an acronym and a
    # word of text, "ABS (acrylonitrile butadiene styrene)": those two only glued to it, as
    # Scopus's help writes them, "ABS(dopamine)".
    (
        re.compile(
            r"(?<![\w-])(?P<code>(?:TITLE-ABS-KEY|TITLE-ABS|TITLE|AUTHKEY|AUTHOR-NAME|AUTH|"
            r"SRCTITLE|INDEXTERMS|AFFIL|PUBYEAR)\s*|(?:ABS|KEY)(?=\())(?:\(|[<>=])"
        ),
        lambda m, q: (
            f"Scopus's field code {m['code'].strip()}: PubMed searches it as a word; PubMed's "
            f"nearest form is {_SCOPUS.get(m['code'].strip(), 'the PubMed tag of that field')} "
            "after each term"
        ),
    ),
    # Web of Science's field tags: TS=(…), TI=(…), AB=, AK=, AU=, SO=, PY= …, the '=' glued to
    # the tag as its help and its search history write them: "(DO = dissolved oxygen)", "AB = 0.5"
    # are an abbreviation defined in text.
    (
        re.compile(r"(?<![\w-])(?P<code>TS|TI|AB|AK|KP|AU|SO|PY|DO|WC|SU|ALL)=\s*"),
        lambda m, q: (
            f"Web of Science's field tag {m['code']}=: PubMed searches it as a word; PubMed's "
            f"nearest form is {_WOS.get(m['code'], 'the PubMed tag of that field')} after "
            "each term"
        ),
    ),
    # EBSCOhost's field codes before a term: MH "Sick Leave+", TI (…), AB "…", TI burnout. A
    # code opens an operand (the query's or a line's start, after '(', AND/OR/NOT or EBSCOhost's
    # history label, "S1 ", "1. ") and takes a quoted phrase, a parenthesis or one word up to the
    # operand's end; the same capitals inside text are acronyms ("conducting MH screenings",
    # "Fit MM Patients", "group AB blood"), and several words before a tag are PubMed's one
    # term ("AB testing in trials[ti]").
    (
        re.compile(
            r"(?:^|(?<=[\n(])|(?<=[\n(] )|(?<=AND )|(?<=OR )|(?<=NOT )|(?<=\bS\d )|(?<=\bS\d\d )"
            r"|(?<=\d\. ))(?P<code>MH|MM|TI|AB|SU|TX|KW|DE|ZU|AU|SO)\s+"
            rf"(?=[\"(]|[\w*-]+{_OPERAND_END})"
        ),
        lambda m, q: (
            f"EBSCOhost's field code {m['code']}: PubMed searches it as a word; PubMed's "
            f"nearest form is {_EBSCO.get(m['code'], 'the PubMed tag of that field')} after "
            "the term"
        ),
    ),
    # The Cochrane Library's printed MeSH line: "MeSH descriptor: [Sick Leave] explode all trees".
    (
        re.compile(r"MeSH descriptor:?\s*\[\s*\]\s*(?P<exp>explode all trees)?", re.I),
        lambda m, q: (
            "the Cochrane Library's MeSH line: PubMed cannot read it; PubMed's nearest form is "
            + _quoted(q[m.start() : m.end()].split("[", 1)[1].split("]", 1)[0].strip())
            + ("[mh] (exploded, as PubMed explodes a heading)" if m["exp"] else "[mh:noexp]")
        ),
    ),
]
_SCOPUS = {
    "TITLE-ABS-KEY": "[tiab] (with the keywords, [tw])",
    "TITLE-ABS": "[tiab]",
    "TITLE": "[ti]",
    "ABS": "[ab]",
    "KEY": "[ot] or [mh]",
    "AUTHKEY": "[ot]",
    "AUTH": "[au]",
    "AUTHOR-NAME": "[au]",
    "SRCTITLE": "[ta]",
    "INDEXTERMS": "[mh]",
    "AFFIL": "[ad]",
    "PUBYEAR": "a range such as 2020:2021[dp]",
}
_WOS = {
    "TS": "[tiab] (with the keywords, [tw])",
    "TI": "[ti]",
    "AB": "[ab]",
    "AK": "[ot]",
    "KP": "[ot]",
    "AU": "[au]",
    "SO": "[ta]",
    "PY": "a range such as 2020:2021[dp]",
    "DO": "[aid]",
    "ALL": "[all]",
}
_EBSCO = {
    "MH": "[mh] (a '+' after the heading explodes it in CINAHL; PubMed explodes by default)",
    "MM": "[majr]",
    "TI": "[ti]",
    "AB": "[ab]",
    "SU": "[mh]",
    "DE": "[mh]",
    "TX": "[all]",
    "KW": "[ot]",
    "AU": "[au]",
    "SO": "[ta]",
}


_TERM_BEFORE = re.compile(
    r"[\w*$?#'-]+(?:[ \t]+(?!(?:AND|OR|NOT|and|or|not|adj\d*|ADJ\d*)\b)[\w*$?#'-]+)*$"
)


def _example(query: str, end: int, tag: str) -> str:
    """', e.g. "return to work"[tiab]': the words before ``end`` written with ``tag`` (Ovid's
    '$' as PubMed's '*'), or '' when a parenthesis ends them (each term inside takes it)."""
    m = _TERM_BEFORE.search(query, 0, end)
    if m is None or not tag.startswith("["):
        return ""
    words = re.sub(r"\$\d?", "*", m[0]).split()
    words = " ".join(words[1:] if words[0] in ("AND", "OR", "NOT", "and", "or", "not") else words)
    if not words:
        return ""
    return f", e.g. {words}{tag}" if " " not in words else f', e.g. "{words}"{tag}'


def _quoted(heading: str) -> str:
    """A heading as PubMed takes it: in double quotes when it has several words."""
    return f'"{heading}"' if " " in heading else heading


_OPERATOR_WORDS = {"AND", "OR", "NOT", "and", "or", "not"}
# Longer than any MeSH or Emtree heading (MeSH's longest are under 120 characters).
_LONGEST_HEADING = 200
_HEADING_WORD = re.compile(r"\*?[\w,'-]+")
# The slash that ends a heading ends an operand (:data:`_OPERAND_END`), perhaps after the count
# Ovid's history prints. A slash and a space before a word are text: "HIV/ AIDS", "flexor/
# extensor muscles", "Nrf2/ HO-1".
_HEADING_SLASH = re.compile(
    rf"(?<=[\w'-])/(?=[\s)]|$)(?={_OPERAND_END}|[ \t]+\(?\d[\d,]*\)?{_OPERAND_END})"
)


def _ovid_headings(masked: str) -> Iterator[tuple[int, int, str]]:
    """Ovid's subject headings: "Sick Leave/", "exp Sick Leave/" (exploded), "*X/" (focused),
    the slash ending the heading as Ovid's search history writes them. Each a slash that ends
    a word, then the words before it back to an operator, a parenthesis or a line's start
    (found from the slash back, so a long run of words costs no more than once)."""
    for slash in _HEADING_SLASH.finditer(masked):
        # a heading is shorter than _LONGEST_HEADING: a long line is read no further back
        line_start = masked.rfind("\n", max(0, slash.start() - _LONGEST_HEADING), slash.start())
        line_start = max(line_start + 1, slash.start() - _LONGEST_HEADING)
        segment = masked[line_start : slash.start()]
        start = slash.start()
        words = list(re.finditer(r"\S+", segment))
        if line_start and words and words[0].start() == 0 and not masked[line_start - 1].isspace():
            words = words[1:]  # cut inside a word: not the heading's start
        for word in reversed(words):
            text = word[0].removeprefix("(")
            if text in _OPERATOR_WORDS or not _HEADING_WORD.fullmatch(text):
                break
            start = line_start + word.end() - len(text)
            if text != word[0] or text == "exp":  # a parenthesis or Ovid's exp opens it
                break
        head = masked[start : slash.start()]
        if not head.lstrip("*")[:1].isalpha() or len(head.lstrip("*")) < 2:
            continue  # a heading has a name: "w/ or w/o" is text
        exp = head.startswith("exp ")
        yield start, slash.end(), _ovid_heading(head[4:] if exp else head, exp)


def _ovid_heading(head: str, exp: bool) -> str:
    """What an Ovid subject heading ('X/', 'exp X/') is, and PubMed's form of it."""
    head = _quoted(head.lstrip("*").strip())
    if exp:
        how = f"exploded (exp): PubMed's nearest form is {head}[mh], exploded as PubMed explodes"
    else:
        how = f"not exploded: PubMed's nearest form is {head}[mh:noexp] ({head}[mh] explodes it)"
    return f"Ovid's subject heading, {how}; PubMed searches the '/' form as words"


def _cochrane_tags(query: str) -> Iterator[tuple[int, str, str]]:
    """The Cochrane Library's MeSH tags, ``[mh "Sick Leave"]`` and ``[mh ^"x"]`` (not
    exploded): a [tag] holding the heading, which PubMed refuses as an unknown tag."""
    for m in re.finditer(r"\[mh\s+(?P<hat>\^?)\"?(?P<head>[^\]\"]+)\"?\s*\]", query, re.I):
        form = "[mh:noexp]" if m["hat"] else "[mh]"
        yield (
            m.start(),
            m[0],
            f"the Cochrane Library's MeSH term: PubMed reads no heading inside a tag; PubMed's "
            f'nearest form is "{m["head"].strip()}"{form}',
        )


def _explode_plus(query: str) -> Iterator[tuple[int, str, str]]:
    """EBSCOhost's explode sign inside a heading's quotes after its code, ``MH "Sick Leave+"``
    (a quoted phrase ending in '+' alone is PubMed's, ``"CD4+"[tiab]``: a cell marker)."""
    for m in re.finditer(r'\b(?:MH|MM)\s+(?P<q>"(?P<head>[^"]*\w)\+")', query):
        yield (
            m.start("q"),
            m["q"],
            "EBSCOhost's (CINAHL's) exploded heading ('+'): PubMed searches the '+' with the "
            f'words; PubMed\'s nearest form is "{m["head"]}"[mh] (exploded by default)',
        )


def other_database_warnings(query: str) -> list[str]:
    """Each piece of ``query`` written in another database's syntax, with the database named,
    where it stands and PubMed's nearest form; none for a query in PubMed's own syntax."""
    query = straight_quotes(query)  # as the query reader reads them
    masked = masked_phrases(query, tags=True)  # PubMed's own syntax: no rule matches there
    found: list[tuple[int, str, str]] = []
    for pattern, say in _RULES:
        for m in pattern.finditer(masked):
            text = say(m, query)
            start, end = m.span("op") if "op" in pattern.groupindex else m.span()
            if text:
                found.append((start, query[start:end].strip(), text))
    found += [(a, query[a:b], text) for a, b, text in _ovid_headings(masked)]
    found += _cochrane_tags(query)
    found += _explode_plus(query)
    return [
        f"'{piece}' at character {start + 1} is {text}"
        for start, piece, text in sorted(found, key=lambda f: f[0])
    ]
