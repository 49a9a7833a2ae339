"""Reusable TUI pieces: term highlighting, a record view, a one-line prompt, and waiting for a
busy database without losing a key."""

from __future__ import annotations

import re
import webbrowser
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache, wraps
from itertools import chain

from rich.columns import Columns
from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import ScrollableContainer, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from reviewkit.errors import DatabaseBusy
from reviewkit.protocol import ExclusionReason, Stage
from reviewkit.records import Record, fold_text
from reviewkit.tui.actions import Action
from reviewkit.tui.footer import KeysFreeingFooter
from reviewkit.wording import quantity

# include terms in reverse video: black on green as before (reverse swaps the two colours), and
# without colour still told from the words round them, in a bold title too (bold alone was not)
INCLUDE_STYLE = "bold reverse #9be29b on black"
# exclude terms underlined as well as red: green and red alone told them apart by colour, which
# a red-green colour-blind reviewer (one man in twelve) and a terminal without colour cannot
EXCLUDE_STYLE = "bold underline white on #c0392b"


def term_pattern(term: str) -> str:
    """Regex for a protocol term: words match whole, a '*' stands for any letters where it is
    ('sick*': sick, sickness; '*team': multiteam; 'organi*ation': organisation, organization,
    as the queue's ranking reads it: ranking.cold_start.term_words)."""
    words = term.strip().strip('"').split()
    parts = [r"\w*".join(map(re.escape, w.split("*"))) for w in words]
    return r"(?<!\w)" + r"[\s-]+".join(parts) + r"(?!\w)"


@lru_cache(maxsize=32)
def compile_terms(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for all terms (longest first), or None for no terms."""
    usable = sorted((t for t in terms if t.strip('*" ')), key=len, reverse=True)
    if not usable:
        return None
    return re.compile("|".join(term_pattern(t) for t in usable), re.IGNORECASE)


def highlight(text: str | Text, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Text:
    """Text with include terms in one colour and exclude terms in another, underlined."""
    out = text.copy() if isinstance(text, Text) else Text(text)
    for terms, style in ((tuple(include), INCLUDE_STYLE), (tuple(exclude), EXCLUDE_STYLE)):
        pattern = compile_terms(terms)
        if pattern is not None:
            out.highlight_regex(pattern, style=style)
    return out


def journal_shown(record: Record) -> str:
    """The journal as the screens show it: its name, then its abbreviation in parentheses
    ('Journal of Occupational Rehabilitation (J Occup Rehabil)'), as reference managers and
    the report's references cite it, when the abbreviation is more than the name again
    ('Trials', 'BMJ Open' are their own abbreviations)."""
    journal, abbreviation = record.journal, record.journal_abbreviation
    if abbreviation and fold_text(abbreviation) != fold_text(journal):
        return f"{journal} ({abbreviation})"
    return journal


def record_renderable(
    record: Record,
    *,
    sources: Iterable[Record] = (),
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    extra: Iterable[Text] = (),
) -> Group:
    """Title, authors, year, journal, identifiers, the abstract by section, keywords, MeSH, sources."""

    def hl(value: str, style: str = "") -> Text:
        return highlight(Text(value, style=style), include, exclude)

    parts: list[Text] = [hl(record.title or "(no title)", "bold")]
    if record.vernacular_title:  # the original of a translated title, as PubMed shows it
        parts.append(hl(record.vernacular_title))
    # '; ' between authors: a name is 'Last, First', so ', ' would not tell one author from the next
    authors = "; ".join(record.authors[:8]) + (" et al." if len(record.authors) > 8 else "")
    if authors:
        parts.append(Text(authors, style="italic"))
    # volume(issue):pages after the journal: a record imported by its citation alone (no
    # title, findable.has_citation) is told apart and found in a library by them
    source = " ".join(x for x in (journal_shown(record), record.journal_place) if x)
    where = " · ".join(x for x in (str(record.year or ""), source) if x)
    ids = "  ".join(
        x
        for x in (
            f"PMID {record.pmid}" if record.pmid else "",
            f"doi:{record.doi}" if record.doi else "",
        )
        if x
    )
    if where or ids:
        parts.append(Text("  ".join(x for x in (where, ids) if x), style="dim"))
    parts.append(Text(""))
    if record.abstract_sections:
        for section in record.abstract_sections:
            line = Text()
            if section.label:
                line.append(section.label + ": ", style="bold cyan")
            line.append_text(hl(section.text))
            parts.append(line)
    elif not record.title.strip():  # a database's stub: said, not an empty pane to puzzle over
        parts.append(
            Text(
                "(neither title nor abstract: nothing to screen on here; look the article up by"
                " the identifiers or citation above, or screen it on its full text)",
                style="dim",
            )
        )
    else:
        parts.append(Text("(no abstract)", style="dim"))
    if record.keywords:
        parts.append(Text.assemble(("Keywords: ", "bold"), hl("; ".join(record.keywords))))
    if record.mesh_terms:
        parts.append(Text.assemble(("MeSH: ", "bold"), hl("; ".join(record.mesh_terms))))
    srcs = list(sources)
    if srcs:
        label = "Sources: " if len(srcs) > 1 else "Source: "
        parts.append(
            Text.assemble(
                (label, "bold"),
                "; ".join(f"{s.source or '?'} ({_place(s)})" for s in srcs),
            )
        )
    parts.extend(extra)
    return Group(*parts)


def _place(rec: Record) -> str:
    """Where a source's copy of a record was found: its place in the search run or file as an
    item ('item 58 of PubMed search run 1'); '#58' right above "Record 58" read as its id."""
    origin = rec.origin or "?"
    return f"item {rec.position} of {origin}" if rec.position else origin


def scroll_page(pane: ScrollableContainer, step: int) -> None:
    """Page ``pane`` down (step > 0) or up: the keys of a pane that is not focused (the duplicate
    pair, the help), so that they are the screen's, named in its footer and remappable."""
    if step > 0:
        pane.scroll_page_down()
    else:
        pane.scroll_page_up()


def more_to_page(pane: ScrollableContainer, step: int) -> bool:
    """Whether paging ``pane`` by ``step`` would move it: down while rows are below its edge,
    up once it can scroll at all (a footer offers "More" only then)."""
    return pane.scroll_y < pane.max_scroll_y if step > 0 else pane.max_scroll_y > 0


def reasons_renderable(
    head: Text, reasons: Sequence[ExclusionReason], keys: Sequence[str] = ()
) -> Group:
    """A heading and the exclusion reasons, each after its key (``keys``, the keymap's; by
    default its number), laid out in columns, never split mid-label."""
    named = _keys_or_numbers(len(reasons), keys)
    items = [
        Text.assemble((f"{k} ", "bold cyan"), r.label) for k, r in zip(named, reasons, strict=True)
    ]
    return Group(head, Columns(items, padding=(0, 3)))


def reason_for_key(
    rule: Stage, n: int, keys: Sequence[str] = (), pressed: str = ""
) -> tuple[str | None, str]:
    """(the reason code number key ``n`` picks at this stage, '' for 0: none; or None and what
    to tell the reviewer, naming the reasons' keys in force, ``keys``, and the key ``pressed``:
    by default their numbers)."""
    reasons = rule.exclusion_reasons
    named = reason_keys_named(len(reasons), keys)
    if n == 0:
        if rule.reason_required:
            return None, f"a reason is required at this stage: press {named}"
        return "", ""
    if n > len(reasons):
        return None, f"no reason {pressed or n}: choose {named}"
    return reasons[n - 1].code, ""


def reason_keys_named(count: int, keys: Sequence[str] = ()) -> str:
    """The keys of a stage's ``count`` reasons as words name them: '1–4' by default; a keymap
    that moved some (``keys``, the keymap's, in the reasons' order) keeps the run from the
    first number still in place ('y, 2–4'), as the list under e names them."""
    named = _keys_or_numbers(count, keys)
    tail = next((i for i in range(count) if named[i:] == _numbers(i, count)), count)
    run = [] if tail == count else [named[tail] if tail == count - 1 else f"{named[tail]}–{count}"]
    return ", ".join([*named[:tail], *run])


def _keys_or_numbers(count: int, keys: Sequence[str]) -> list[str]:
    """The keys of ``count`` reasons: ``keys`` (the keymap's), then numbers for the rest."""
    return [*keys, *(str(n) for n in range(len(keys) + 1, count + 1))][:count]


def _numbers(start: int, count: int) -> list[str]:
    """The reasons' own numbers from position ``start`` (0-based) to the last."""
    return [str(n) for n in range(start + 1, count + 1)]


def next_position(count: int, start: int, wanted: Callable[[int], bool]) -> int | None:
    """The first position from ``start`` on, wrapping round to 0, for which ``wanted`` holds."""
    start = max(0, min(start, count))
    return next((i for i in chain(range(start, count), range(start)) if wanted(i)), None)


class TextPrompt(ModalScreen[str | None]):
    """Ask for one line of text: Enter returns it, Esc returns None."""

    DEFAULT_CSS = """
    TextPrompt { align: center middle; }
    TextPrompt > Vertical { width: 70; height: auto; border: round $accent; background: $surface; padding: 0 1; }
    TextPrompt #prompt-title { width: 100%; }
    """
    # the title wraps inside the box: a Label is as wide as its text, and the box cut a long
    # title at its edge ("… recorded with your name" lost its ")"; a field name and study too)
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(self, title: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder
        self.typed = value  # what the input holds now
        self.answered = False  # Enter or Esc closed it

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, id="prompt-title")
            # Not selected on focus (Textual's default): the first key typed replaced the whole
            # value being edited (a prefilled aim lost to one letter); the cursor sits at its end.
            yield Input(
                self.value, placeholder=self.placeholder, id="prompt-input", select_on_focus=False
            )
            yield Label("Enter to confirm · Esc to cancel", classes="dim")
        # its own footer, as the help's: the screen's below it offered "i Include … q Quit",
        # keys that type into the prompt while it is open
        yield KeysFreeingFooter(compact=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.typed = event.value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.answered = True
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.answered = True
        self.dismiss(None)

    @property
    def left_unsaved(self) -> str:
        """What the person had typed and not entered when the app quit under the prompt
        (ctrl+q is the app's own key: it quits at once, even from a prompt), with its title
        and the text to type again; "" when it was entered or cancelled, or nothing changed."""
        if self.answered or self.typed.strip() == self.value.strip():
            return ""
        return (
            f'what you typed in "{self.title_text}" was not saved'
            f" (ctrl+q quit before Enter): {self.typed!r}"
        )


# the footer's order: what a reviewer needs on every record, then Help and Quit, then the
# rest; at 80 columns the footer cuts off from the right, and q Quit must never be cut off
_FOOTER_GROUPS = ("Decide", "Label", "Full text", "Other")  # Label: confirming labels


def footer_order(actions: Sequence[Action]) -> list[Action]:
    """Actions in footer order (the help screen keeps the table's order)."""
    rank = {g: i for i, g in enumerate(_FOOTER_GROUPS)}
    return sorted(actions, key=lambda a: rank.get(a.group, len(rank)))


def open_in_system(url: str) -> bool:
    """Open a URL or file with the system's browser or viewer; False when none would."""
    try:
        return bool(webbrowser.open(url))
    except webbrowser.Error:
        return False


# --- a busy database ---------------------------------------------------------------------

WRITE_WAIT_MS = 200  # how long one write waits for another process's lock before we say so
RETRY_S = 0.5  # then: how often we try again


class WaitsForDatabase:
    """Mixin for a Screen whose keys write to the project database.

    When another process (an import, a search run) holds the write lock, a write raises
    :class:`~reviewkit.errors.DatabaseBusy` before anything changed. The action that raised it
    and every key pressed after it are kept, in order, and run again every ``RETRY_S``
    seconds until the database is free; the message line says so meanwhile. Actions must
    therefore write before they change what the screen shows. Decorate the class with
    :func:`keeps_keys`; call :meth:`kept` for writes made outside actions (prompt callbacks).
    """

    _backlog: deque[Callable[[], None]]

    def say(self, message: str) -> None:  # pragma: no cover - the screen defines it
        raise NotImplementedError

    def wait_briefly(self, set_busy_timeout: Callable[[int], None]) -> None:
        """Call from on_mount with the database's ``set_busy_timeout``: a write waits
        ``WRITE_WAIT_MS`` (not the CLI's 30 s) so the screen can say why it waits."""
        set_busy_timeout(WRITE_WAIT_MS)

    @property
    def waiting(self) -> int:
        """How many kept keys wait for the database (0: none)."""
        return len(getattr(self, "_backlog", ()))

    def kept(self, run: Callable[[], None]) -> None:
        """Run ``run`` now, or after the keys already waiting; keep it if the database is busy."""
        if not hasattr(self, "_backlog"):
            self._backlog = deque()
        if self._backlog:
            self._backlog.append(run)
            self._say_waiting()
            return
        try:
            run()
        except DatabaseBusy as busy:
            self._backlog.append(run)
            self._say_waiting(busy)
            self.set_timer(RETRY_S, self._retry)  # type: ignore[attr-defined]

    def _retry(self) -> None:
        while self._backlog:
            try:
                self._backlog[0]()
            except DatabaseBusy as busy:
                self._say_waiting(busy)
                self.set_timer(RETRY_S, self._retry)  # type: ignore[attr-defined]
                return
            self._backlog.popleft()

    def _say_waiting(self, busy: DatabaseBusy | None = None) -> None:
        """Say what the kept keys wait for: this reviewkit's own write where the lock is one
        of its threads' (a screen keeping the notices it found), else another command's."""
        if busy is not None:
            self._holder = busy.held_here
        holder = getattr(self, "_holder", "")
        what = f"this reviewkit is {holder}" if holder else "another reviewkit command is writing"
        n = len(self._backlog)
        self.say(
            f"database busy ({what}): waiting, "
            f"{quantity(n, 'key')} kept, nothing lost · ctrl+q quits without them"
        )


def keeps_keys(cls: type) -> type:
    """Class decorator: every ``action_*`` of a :class:`WaitsForDatabase` screen runs through
    :meth:`WaitsForDatabase.kept`, so no key is lost or reordered while the database is busy."""
    # the actions a reviewkit base class defines (help, quit) are kept as well: they wait their
    # turn behind the kept keys like any other key
    names = {
        name
        for klass in cls.__mro__
        if klass.__module__.startswith("reviewkit.")
        for name in vars(klass)
        if name.startswith("action_")
    }
    for name in names:
        method = getattr(cls, name)
        if callable(method) and not getattr(method, "_kept", False):
            setattr(cls, name, _kept_action(method))
    return cls


def _kept_action(method: Callable[..., None]) -> Callable[..., None]:
    @wraps(method)
    def action(self: WaitsForDatabase, *args: object) -> None:
        self.kept(lambda: method(self, *args))

    action._kept = True  # type: ignore[attr-defined]
    return action
