"""The confirm screen's label rows: each label with its key, marks (R/S, M, ✓), the tick of a
multi-label scheme, its rule score and why, and the line that says a tie."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.text import Text
from textual.markup import escape

from reviewkit import classify
from reviewkit.text_width import pad
from reviewkit.tui.actions import screen_key
from reviewkit.tui.evidence_lines import term_pieces, wrap_pieces
from reviewkit.tui.label_heading import heading as _heading
from reviewkit.tui.label_heading import title as _title
from reviewkit.tui.sized_view import content_width, width_laid_out, width_settled
from reviewkit.tui.word_breaks import wrap_words


class LabelRows:
    """A mixin of :class:`~reviewkit.tui.classify.ConfirmScreen`: its ``#labels`` text."""

    # the width the rows are laid out for, where it is not ``#labels``' own now: the width
    # the box will have once the screen is laid out (:meth:`label_rows`)
    _room: int | None = None

    def label_rows(
        self,
        rid: int,
        scores: list[classify.LabelScore],
        suggested: list[classify.Suggestion],
        confirmed: list[str],
    ) -> Text:
        """:meth:`labels_text` for the width ``#labels`` will have once laid out: rows that
        bring the screen's scrollbar, or take it away, are laid out again for the box's width
        beside it or without it before they are shown (they had been shown, then laid out
        again when the box's new width came, two layouts and a frame at the wrong width)."""
        self._room = None
        box = self.query_one("#labels")
        text = self.labels_text(rid, scores, suggested, confirmed)
        room = width_laid_out(box, text.plain.count("\n") + 1)
        if room != self._labels_room():
            self._room = room
            text = self.labels_text(rid, scores, suggested, confirmed)
        # rows laid out for the width the box has once the scrollbar is gone are not wrapped
        # in the box meanwhile (Textual lays it out beside the bar first): wrapped, they kept
        # the screen too tall for the bar to go. Below the rows' floor width they wrap.
        wider = room > content_width(box) and self._label_width() == room
        wrap, overflow = ("nowrap", "clip") if wider else ("wrap", "fold")
        if box.styles.text_wrap != wrap:
            box.styles.text_wrap, box.styles.text_overflow = wrap, overflow
        return text

    def on_sized_view_resized(self) -> None:
        """Lay the label rows out again for ``#labels``' new width (only when it changed; the
        title over them at any change). The rows take no fewer lines at a narrower width, so
        the scrollbar they bring stays."""
        if not self.studies:
            return
        if self._shown_study is None:  # not drawn yet: the first draw lays them out
            return
        if not width_settled(self.query_one("#labels")):
            return  # its width of before: the Resized of its new width comes after
        self._room = None  # the box's width now: laid out for it already, where foreseen
        if self._labels_width != self._label_width():
            self.render_labels()  # the rows only: the record pane is as it was
        else:  # the rows' floor width: the border's title may still change its words
            self.query_one("#labels").border_title = self.labels_title()

    def labels_text(
        self,
        rid: int,
        scores: list[classify.LabelScore],
        suggested: list[classify.Suggestion],
        confirmed: list[str],
    ) -> Text:
        """Every label with its key, marks (R/S, M, ✓), rule score (on the whole study's
        evidence, as the suggestion) and why."""
        rules = {s.label: s for s in suggested}
        model = {r.label: r for r in self.model(rid)}
        by_label = {s.label: s for s in scores}
        keys = self._keys_in_force()
        # the heading for the room itself, not the rows' floor: wider, it wrapped (to 40 columns)
        help_key = screen_key(self.app, "classify.help").split(" / ")[0]
        out = Text(_heading(self._labels_room(), help_key) + "\n", style="bold")
        rows = list(zip(keys, [*self.keys, classify.none_id(self.scheme)], strict=True))
        key_width = max(len(k) for k in keys)
        for key, lab in rows:
            key = key.ljust(key_width)
            marks = (
                (_SOURCE_MARKS.get(rules[lab].method, "R") if lab in rules else " ")
                + ("M" if lab in model else " ")
                + ("✓" if lab in confirmed else " ")
            )
            chosen = "[x]" if lab in self.selection else "   " if self.ticking else ""
            name = self.label_name(lab)
            score = by_label[lab].score if lab in by_label else 0.0
            head = _head(key, marks, chosen)
            column = _name_columns(self._label_width(), len(head))
            # a name longer than its column goes on under itself, the score staying on its
            # first row (a CJK name: two columns a character), a long word broken at a hyphen
            first, *more = wrap_words(name, column) or [""]
            line = Text(f"{head}{pad(first.rstrip(), column)} {score:>5g}")
            for part in more:
                line.append(f"\n{' ' * len(head)}{part.rstrip()}")
            # the rules' evidence when they suggest the label (it may come from another report
            # of the study, or be a sibling's confirmation), else what this record's words score
            evidence = (rules[lab].evidence if lab in rules else []) or (
                by_label[lab].evidence if lab in by_label else []
            )
            why: list[tuple[str, str]] = []
            if evidence:  # each term once, strongest first: one term found in five places
                # filled every slot and hid the others ("IPS@…" four times)
                shown = [e.short() for e in classify.strongest_terms(evidence)]
                why += term_pieces("why:", list(dict.fromkeys(shown)), "dim")
            if lab in model and model[lab].evidence:
                terms = [e.term for e in model[lab].evidence]
                why += term_pieces(" model:" if why else "model:", terms, "italic")
            out.append_text(self._label_row(line, why, len(head)))
        if any(s.tie for s in rules.values()):
            out.append(self._tie_line(rules, dict(rows), confirmed))
        if any(s.untested for s in scores) and not confirmed:
            out.append(self._untested_line(), style="yellow")
        if confirmed:
            out.append(self._confirmation_line(rid), style="green")
        out.rstrip()  # no empty row under the last line: at 80x24 each row counts
        return out

    def labels_title(self) -> str:
        """The title on the border over the label rows: what a label's key does, in the
        longest words that fit, naming the keys in force (:mod:`.label_heading`)."""
        keys = self._keys_in_force()
        width = self._labels_room() + 2  # the border's: #labels' own, scrollbar left out
        return escape(_title(self.ticking, width, keys, self._accept_key()))

    def help_notes(self) -> tuple[str, str]:
        """What the rows' marks and figure are, for the ? help, in whole sentences: the heading
        names them in a few words (:mod:`reviewkit.tui.label_heading`), and a row's "Mental
        health 2" had said nothing of what the 2 was. The threshold is the scheme's own."""
        scheme = self.scheme
        which = (
            "every label whose score reaches"
            if scheme.multi_label
            else "the highest-scoring label when its score reaches"
        )
        said = (
            "The figure after a label's name is its rule score: the weights of the label's terms"
            " found in the study (each term once, times its best place's factor: the title"
            " counts double, an abstract's background half), less the terms that count against"
            f" it; the terms are listed after 'why:'. The rules suggest {which}"
            f" the scheme's threshold ({scheme.threshold:g}) with enough evidence (R)"
            + (
                ", and above it in a study that tests no intervention (a survey, a cohort,"
                " interviews that name no programme).\n"
                if scheme.none_if_untested
                else ".\n"
            )
            + "Marks: R the rules' suggestion, S confirmed on another report of the study, M the"
            " model's suggestion, ✓ the label confirmed"
            + (
                f", [x] ticked ({self._accept_key()} confirms the ticked labels)."
                if self.ticking
                else "."
            )
        )
        return "The label rows", said

    def _tie_line(
        self, rules: dict[str, classify.Suggestion], key_of: dict[str, str], confirmed: list[str]
    ) -> Text:
        """The one place a tie is said: which keys choose, or, once a label is confirmed, that
        the ✓ is the answer (it said 'choose one' still). ⏎ on a tie points at this line
        (reverse) rather than saying it again on the message line."""
        reason = _tie_reason(rules.values())
        if confirmed:
            said = f"{reason}; ✓ marks the label confirmed (another label's key changes it)."
        else:
            keys = [k for k, lab in key_of.items() if lab in rules]
            tied = " or ".join([", ".join(keys[:-1]), keys[-1]] if len(keys) > 1 else keys)
            accept = self._accept_key()
            said = f"{reason}: press {tied} (or another label's key); {accept} does not choose."
        style = "reverse yellow" if self._tie_pointed else "yellow"
        return Text(f"{said[0].upper()}{said[1:]}\n", style=style)

    def _untested_line(self) -> str:
        """Why a label whose score reaches the threshold is not suggested: the study tests no
        intervention (``none_if_untested``, :mod:`reviewkit.classify.untested`), and one plain
        mention is a party named in passing (a score of 1 beside "reaches the threshold (1)"
        and the R on the none label said nothing of it)."""
        none = self.label_name(classify.none_id(self.scheme))
        return (
            f"R on {none}: the study tests no intervention (a design's words, no programme"
            f" named), so a label needs a score above {self.scheme.threshold:g}\n"
        )

    def _confirmation_line(self, rid: int) -> str:
        """Whose confirmation the study holds and what the accept key does with it: keep it,
        storing nothing. A second reviewer's Enter stored the ticked labels again under their
        own name, unlooked at (the study opens with them ticked), and in a single-label scheme
        put the rules' suggestion in place of the ✓; a confirmation is one reviewer's word,
        replaced only by a label the reviewer gives (the longest words that fit the width).
        Once the ticks differ from it, the line says Enter stores them in its place."""
        who = classify.confirmed_by(self.project.db, self.scheme.id, rid)
        whose = f"you ({who})" if who == self.reviewer else who
        accept = self._accept_key()
        change = (
            ("change the ticks, then " + accept, "change the ticks")
            if self.ticking
            else ("a label's key", "a label's key")
        )
        said = (
            f"✓ confirmed by {whose}: {accept} keeps it and goes on, storing nothing;"
            f" {change[0]} to store your own answer\n",
            f"✓ confirmed by {whose}: {accept} keeps it; {change[1]} to give yours\n",
            f"✓ {who}'s: {accept} keeps it; {change[1]} to give yours\n",
        )
        if self.ticking and self._ticks_changed():  # Enter stores them now, not keeps
            said = (
                f"✓ confirmed by {whose}: {accept} stores your ticks in its place, as your own"
                " answer\n",
                f"✓ confirmed by {whose}: {accept} stores your ticks in its place\n",
                f"✓ {who}'s: {accept} stores your ticks\n",
            )
        width = self._label_width()
        return next((line for line in said if cell_len(line) - 1 <= width), said[-1])

    def _keys_in_force(self) -> list[str]:
        """The keys of the label rows (1-9 for the labels, 0 for the none answer by default),
        as the user's keymap has them."""
        keys = [screen_key(self.app, f"classify.label{n}") for n in range(1, 10)]
        return [*keys[: len(self.keys)], screen_key(self.app, "classify.none")]

    def _accept_key(self) -> str:
        """The key that accepts (Enter by default; its first key when it has several)."""
        return screen_key(self.app, "classify.accept").split(" / ")[0]

    def _label_row(self, line: Text, why: list[tuple[str, str]], indent: int) -> Text:
        """A label's row: its evidence (``why``: pieces and their styles) beside it when the
        whole of it fits the width, else on lines of its own under the label's name
        (``indent``), so that the row reads as one unit at 80 columns rather than wrapping
        'why:' away from its evidence. Lines break between pieces only: a term of several
        words stays whole, and the "…" of more terms stays with the last one shown."""
        self._labels_width = width = self._label_width()
        joined = Text(" ").join(Text(piece, style=style) for piece, style in why)
        beside = "\n" not in line.plain  # a name on rows of its own: the evidence under it
        if not why or (beside and line.cell_len + 2 + joined.cell_len <= width):
            return Text.assemble(line, "  " if why else "", joined, "\n")
        row = Text.assemble(line, "\n")
        for part in wrap_pieces(why, width - indent):
            row.append(" " * indent)
            row.append_text(part)
            row.append("\n")
        return row

    def _label_width(self) -> int:
        """The width a label row may take: ``#labels``' own content width, its padding (0 1)
        and the screen's scrollbar left out (a confirm screen taller than the terminal has one:
        the rows laid out for the terminal's width less the padding were 2 columns too wide
        and wrapped again, each score on a row of its own, at 32x30 with five labels). Before
        its first layout, the terminal's width less the padding. Never narrower than a row's
        key and marks, the narrowest name column and the score: narrower, the rows wrap (a
        floor wider than the room had wrapped every row at 30 columns, below 24 they do)."""
        key_width = max(len(k) for k in self._keys_in_force())
        head = _head(" " * key_width, "RM✓", "[x]" if self.ticking else "")
        return max(len(head) + NARROWEST_NAME + SCORE_COLUMNS, self._labels_room())

    def _labels_room(self) -> int:
        """``#labels``' content width (the terminal's less the padding before its layout), or
        the width it will have (:meth:`label_rows`)."""
        return self._room or content_width(self.query_one("#labels"))


_SOURCE_MARKS = {"rules": "R", "study": "S"}  # who suggests a label, in the marks column
NAME_COLUMNS = 42  # a label's name and the room after it, on a screen wide enough
SCORE_COLUMNS = 6  # ' ' and the score, right-aligned in five
# a split terminal's last: the room beside a multi-label row's head (12) and score at 24
# columns; a name then goes on under itself, a word longer than the column broken at its
# hyphens first (:func:`reviewkit.tui.word_breaks.wrap_words`)
NARROWEST_NAME = 4


def _head(key: str, marks: str, chosen: str) -> str:
    """A label row's key, its marks and, in a multi-label scheme, its tick ('[x]' or blank)."""
    return f" {key}  {marks} {chosen} "


def _name_columns(width: int, head: int) -> int:
    """The columns a label's name is padded to in a row of ``width`` after a ``head`` of key
    and marks: NAME_COLUMNS, or what the row leaves beside its score on a narrower screen (a
    split terminal: the names padded to 42 had pushed each score onto a row of its own below
    62 columns). A longer name is not cut (its words are the label): it goes on under itself."""
    return max(NARROWEST_NAME, min(NAME_COLUMNS, width - head - SCORE_COLUMNS))


def _tie_reason(suggestions: Iterable[classify.Suggestion]) -> str:
    """Why no one label is suggested: the rules tie, or the study's reports were confirmed
    with different labels."""
    if any(s.method == "study" for s in suggestions):
        return "the reports of this study were confirmed with different labels"
    return "the rules tie"
