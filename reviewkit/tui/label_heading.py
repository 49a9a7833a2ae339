"""The confirm screen's heading over its label rows: what a label's key does, what the marks
mean and what the figure after a label is, in the longest words that fit the width, naming the
keys in force."""

from __future__ import annotations

from rich.cells import cell_len

# The labels' heading: what a number key does, what the marks mean and what the figure after a
# label's name is (its rule score: without a word for it rows read "Mental health 2" and nothing
# said what the 2 was), longest first; the first that fits the width is shown. The whole words
# took 113 columns and wrapped onto a second line at 80 (one label row fewer in view); naming
# the score takes 95 at the least, so at 80 columns (78 for #labels) the shortest, without it,
# is shown, and the ? help and the README say what the figure is.
_SCORE = "; figure: rule score)"
_HEADINGS = {
    False: (
        "Labels (a number key confirms; R = rules, S = confirmed on another report of the study,"
        " M = model, ✓ = confirmed; the figure after a label is its rule score)",
        "Labels (a number key confirms; R rules, S another report, M model, ✓ confirmed; the"
        " figure: its rule score)",
        "Labels (a number confirms; R rules, S another report, M model, ✓ confirmed" + _SCORE,
        "Labels (a number key confirms; R rules, S another report, M model, ✓ confirmed)",
        "Labels (a number confirms; R rules, S another report, M model, ✓ confirmed)",
    ),
    True: (
        "Labels (toggle with the number keys, Enter confirms; R = rules, S = confirmed on"
        " another report of the study, M = model, ✓ = confirmed; the figure after a label is"
        " its rule score)",
        "Labels (number keys toggle, Enter confirms; R rules, S another report, M model,"
        " ✓ confirmed" + _SCORE,
        "Labels (toggle, then Enter; R rules, S another report, M model, ✓ confirmed" + _SCORE,
        "Labels (number keys toggle, Enter confirms; R rules, S another report, M model,"
        " ✓ confirmed)",
        "Labels (toggle, then Enter; R rules, S another report, M model, ✓ confirmed)",
    ),
}


def heading(multi_label: bool, width: int, keys: list[str], accept: str = "Enter") -> str:
    """The labels' heading that fits ``width`` columns (the shortest when none does), naming
    the keys in force: with label ``keys`` other than digits (a keymap moved them) it speaks of
    each label's key, and it names the accept key as the keymap has it."""
    headings = _HEADINGS[multi_label]
    if not all(k.isdigit() for k in keys):
        headings = tuple(_by_label_keys(h) for h in headings)
    if accept != "Enter":
        headings = tuple(h.replace("Enter", accept) for h in headings)
    return next((h for h in headings if cell_len(h) <= width), headings[-1])


def _by_label_keys(heading: str) -> str:
    """A heading's words for number keys, said of the keys shown beside the labels instead."""
    for number, keyed in (
        ("a number key confirms", "a label's key confirms"),
        ("a number confirms", "a label's key confirms"),
        ("toggle with the number keys", "toggle with the labels' keys"),
        ("number keys toggle", "the keys toggle"),
    ):
        heading = heading.replace(number, keyed)
    return heading
