"""The shapes of a share below 100% of one kind of participant in a sample's description, as
:mod:`reviewkit.classify.shares` reads them (the combination's evidence) and
:mod:`reviewkit.classify.provider_shares` (a share of the providers, no participants').

Before the word: "7,079 (72.7%) were men", "112 [93%] male", "59% were male", "43.3% female",
"59% of the participants were male", "Eighty-three percent were men" (:func:`share_start`);
"100%" is no share: all were of one kind.

A sample's description also lists its sex as an item with the figure after the word ("mean age
45 years; female, 63 %", "n = 300; women: 58%", "sex (female) 71 %", "women (63%) and men
(37%)", "were predominantly male (85%)"): read where the shape is a list item's, the word after
a bracket, a separator, "sex" or "were" (also with an adverb of the majority) and the
percentage closing the item (:func:`share_after`). Only a word for the people of
a kind by their sex (:data:`_KIND_WORDS`) heads such an item: a condition only one kind has is a
share of that kind's own people ("Of 300 women: pregnant, 40%", "breast cancer (63%)"), so a
women-only study never becomes "both" through it, nor through a qualified group ("pregnant
women (63%) and postpartum women (37%)").
"""

from __future__ import annotations

import re

from reviewkit.classify.words import sentence_around

# A number below 100 in words, as a sentence opens with it ("Eighty-three percent were men")
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_IN_WORDS = (
    rf"\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:{_UNITS}))?"
    rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_UNITS})"
)
# The whole sample a share is of ("59% of the participants were male"): not "45% of the women
# were pregnant", a share of one kind itself
_SAMPLE = (
    r"(?:of\s+(?:the\s+|all\s+|our\s+)?(?:\w+\s+)?(?:participants|patients|respondents|subjects"
    r"|workers|employees|sample|cohort|population|individuals|people)\s+)?"
)
# A percentage below 100 right before the term, in brackets or not, with "were" ("was", "are")
# between: "(72.7%) were men", "[93%] male", "59% were male", "43.3% female", "43,3 % women";
# not the end of a longer number ("100%")
_SHARE = re.compile(
    rf"(?:(?<![\d.,·])(?:\d{{1,2}}(?:[.,·]\d+)?|0?[.,]\d+)|{_IN_WORDS})\s*(?:%|percent|per\s+cent)"
    rf"\s*[)\]]?\s*{_SAMPLE}(?:(?:were|was|are|is|being)\s+)?$",
    re.IGNORECASE,
)
# how far back the share may start: the number, a bracket, the sample and "were"
_REACH = 64
# The words that head a list item of the sample's sex ("female, 63 %", "women: 58%"): words for
# the people of a kind by their sex, the kinds a complementary combination joins in the shipped
# protocols (rtw-participant-sex.toml); a condition's or a qualified group's share is no item of
# it (the module docstring)
_KIND_WORDS = frozenset(
    {"women", "woman", "men", "man", "female", "females", "male", "males", "girls", "boys"}
)
# What opens such an item right before its word: a bracket or a separator ("(female, 63%",
# "; women: 58%"), the sentence's start, "sex" or "gender" ("sex (female) 71 %"), "were", also
# with an adverb of the majority ("were predominantly male (85%)", "were mostly women (92%)":
# a share of the sample as much as "were male (66.1%)", never all of it)
_ITEM_OPENS = re.compile(
    r"(?:[(\[,;:]|\b(?:sex|gender|(?:were|was|are)"
    r"(?:\s+(?:mostly|mainly|predominantly|largely|primarily|chiefly))?))\s*\(?\s*$",
    re.IGNORECASE,
)
# After the word: a closing bracket ("(female) 71 %"), a separator, a count ("n = 174,"), then
# a percentage below 100 that closes the item (a bracket, a separator, the text's end): not
# "women, 63% of whom", "women (63% nulliparous)"
_SHARE_AFTER = re.compile(
    r"\s*[)\]]?\s*[:,=(]?\s*(?:n\s*=\s*\d[\d,]*\s*[,;(]?\s*)?(?:\d{1,2}(?:[.,·]\d+)?|0?[.,]\d+)"
    r"\s*%\s*(?=[)\],;.]|$)",
    re.IGNORECASE,
)


def share_start(text: str, start: int) -> int | None:
    """Where the share below 100% that the words at character ``start`` follow begins ("59%
    were"), if they follow one."""
    # searched in the whole text, so the look-behind sees a longer number's digits ("100%")
    m = _SHARE.search(text, max(0, start - _REACH), start)
    return None if m is None else m.start()


def share_after(text: str, start: int, end: int) -> bool:
    """Whether the word at characters ``start``..``end`` heads a list item of a share below 100%
    written after it ("female, 63 %", "women: 58%", "sex (female) 71 %", "were mostly women
    (92%)")."""
    if text[start:end].casefold() not in _KIND_WORDS:
        return False
    before = text[max(sentence_around(text, start)[0], start - _REACH) : start]
    opened = not before.strip() or _ITEM_OPENS.search(before) is not None
    return opened and _SHARE_AFTER.match(text, end) is not None
