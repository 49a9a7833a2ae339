"""The screening screen's keys: its action table (keys, footer, help, keymap ids), the actions
that apply at a stage, and those that need a record on screen."""

from __future__ import annotations

from reviewkit.protocol import Stage
from reviewkit.tui.actions import Action, exclusion_actions, page_actions
from reviewkit.tui.help import with_stage_reasons

FULL_TEXT_ONLY = {"screening.attach", "screening.open"}

ACTIONS: tuple[Action, ...] = (
    Action("screening.include", "i", "decide('include')", "Include", group="Decide"),
    Action("screening.exclude", "e", "start_exclude", "Exclude…", group="Decide"),
    Action("screening.uncertain", "u", "decide('uncertain')", "Uncertain", group="Decide"),
    Action("screening.note", "n", "note", "Note", group="Decide"),
    Action("screening.undo", "z", "undo", "Undo", group="Decide"),
    *exclusion_actions("screening"),
    Action("screening.next", "j,down", "move(1)", "Next", show=False, group="Move"),
    Action("screening.previous", "k,up", "move(-1)", "Prev", show=False, group="Move"),
    Action(
        "screening.next_open",
        "tab",
        "next_open",
        "Next record I have not decided",
        show=False,
        group="Move",
    ),
    *page_actions("screening"),
    Action("screening.search", "slash", "search", "Search", group="Move"),
    Action("screening.goto", "g", "goto", "Go to", group="Move"),
    # not in the footer: the "Full text:" line under the decision names them where they act
    # ("none attached (a to attach)", "… (o to open, a to replace)"); in the footer they pushed
    # / Search and g Go to off it at 80 columns (93 columns at the full-text stage)
    Action("screening.attach", "a", "attach", "Attach", show=False, group="Full text"),
    Action("screening.open", "o", "open_fulltext", "Open", show=False, group="Full text"),
    Action("screening.help", "question_mark", "help", "Help", group="Other"),
    Action("screening.quit", "q", "quit", "Quit", group="Other"),
)


def stage_actions(rule: Stage, exclude_key: str = "e") -> tuple[Action, ...]:
    """The actions that apply at a stage, named with its exclusion reasons (for the help screen)."""
    actions = [a for a in ACTIONS if rule.name == "full-text" or a.id not in FULL_TEXT_ONLY]
    return with_stage_reasons(actions, rule, exclude_key)


# the actions that work on the record shown: with none (an empty queue) they are off, greyed
# in the footer, and say why when pressed (ReviewkitScreen.on_key); j and Tab still look for
# records that came, z undoes, ? and q work
NEEDS_A_RECORD = {
    *("decide", "start_exclude", "reason", "cancel", "note", "page", "search", "goto"),
    *("attach", "open_fulltext"),
}
