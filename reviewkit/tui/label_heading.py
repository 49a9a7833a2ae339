"""The confirm screen's heading over its label rows, in the longest words that fit the width:
its border's title says what a label's key does (naming the keys in force), the line under it
what the marks mean and what the figure after a label is."""

from __future__ import annotations

from rich.cells import cell_len

# What a label's key does, on the border over the rows (a row of its own that held nothing).
# With the keys' words there, the line under it has the room to say both what the marks are
# and what the figure after a label's name is (its rule score: without a word for it rows read
# "Mental health 2" and nothing said what the 2 was): in one line of 78 columns (80 less the
# padding) they had taken 95 at the least, so at 80 columns the figure went unnamed.
_TITLES = {
    False: (
        "Labels (a number key confirms)",  # 30: to 34 columns
        # a split terminal: the keys beside the rows say which (as the multi-label titles)
        "Labels (a key confirms)",
        "A key confirms",
    ),
    True: (
        "Labels (toggle with the number keys, Enter confirms)",
        "Labels (number keys toggle, Enter confirms)",  # 43: to 47 columns
        # a split terminal (the screen takes 40 columns and more): the keys beside the rows
        # say which, so 'number' goes first, then 'Labels' (the rows under it are)
        "Labels (keys toggle, Enter confirms)",
        "Keys toggle, Enter confirms",
    ),
}
# the marks and the figure, longest first: the first that fits the width is shown
_HEADINGS = (
    "Marks: R = rules, S = confirmed on another report of the study, M = model, ✓ = confirmed;"
    " the figure after a label is its rule score",
    "Marks: R rules, S another report, M model, ✓ confirmed; the figure after a label is its"
    " rule score",
    "Marks: R rules, S another report, M model, ✓ confirmed; figure: rule score",  # 75: at 80
    "R rules, S other report, M model, ✓ confirmed; figure: rule score",
    "R rules, S other report, M model, ✓ confirmed",
    "R rules, S report, M model, ✓ confirmed",  # 39: a split terminal's (to 41 columns)
    # narrower (30 columns, the screen's scrollbar beside): the marks named, the help's key
    # said for what they are (wrapped, the heading took a row of the labels' room)
    "Marks R, S, M, ✓: {help} explains",
    "R, S, M, ✓: {help} explains",  # 22 with '?': to 24 columns
    "Marks: see {help}",
)
TITLE_MARGIN = 4  # the border's columns a title leaves: a corner and a space each side


def title(multi_label: bool, width: int, keys: list[str], accept: str = "Enter") -> str:
    """The border's title over the label rows that fits ``width`` columns (the shortest when
    none does): what a label's key does, naming the keys in force: with label ``keys`` other
    than digits (a keymap moved them) it speaks of each label's key, and it names the accept
    key as the keymap has it."""
    titles = _TITLES[multi_label]
    if not all(k.isdigit() for k in keys):
        titles = tuple(_by_label_keys(t) for t in titles)
    if accept != "Enter":
        titles = tuple(t.replace("Enter", accept) for t in titles)
    room = width - TITLE_MARGIN
    return next((t for t in titles if cell_len(t) <= room), titles[-1])


def heading(width: int, help_key: str = "?") -> str:
    """The line under the title that fits ``width`` columns (the shortest when none does):
    what the marks mean and what the figure after a label is; the narrowest name the help's
    key (``help_key``, as the keymap has it) for them."""
    said = [h.format(help=help_key) for h in _HEADINGS]
    return next((h for h in said if cell_len(h) <= width), said[-1])


def _by_label_keys(title: str) -> str:
    """A title's words for number keys, said of the keys shown beside the labels instead."""
    for number, keyed in (
        ("a number key confirms", "a label's key confirms"),
        ("toggle with the number keys", "toggle with the labels' keys"),
        ("number keys toggle", "the keys toggle"),
    ):
        title = title.replace(number, keyed)
    return title
