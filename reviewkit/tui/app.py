"""The one terminal app: :class:`ReviewkitApp` runs the screen a command asks for.

Every command that opens a terminal screen (``screen``, ``conflicts``, ``dedup review``,
``confirm``, ``extract edit``) builds its :class:`ReviewkitScreen` and hands it to
:class:`ReviewkitApp`, which owns what all of them share: the user's keymap (loaded once,
shown by the help screens), no command palette, the global keys (help, quit) and the exit code
after a crash (:func:`run_app`). Screens post typed messages (``Decided``, ``Resolved``, …,
in :mod:`reviewkit.tui.messages`) after the stage function returned, which tests catch.
"""

from __future__ import annotations

import gc
import sys
from typing import Any

from textual import events
from textual.app import App
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen

from reviewkit import settings
from reviewkit.errors import UserError
from reviewkit.tui.actions import Action, key_name, load_keymap
from reviewkit.tui.help import HelpScreen
from reviewkit.tui.widgets import TextPrompt
from reviewkit.wording import quantity


class ReviewkitScreen(Screen):
    """Base of reviewkit's screens: help (``?``) and quit (``q``) for every screen, and a key
    that cannot act now saying why (:meth:`on_key`).

    ``TITLE`` is the command (the app's title, shown in crash messages); a screen names its
    help screen and the actions it lists with :meth:`help_content`.
    """

    TITLE = "reviewkit"
    ACTIONS_ID = ""  # the screen's part of its action ids ('screening' in 'screening.exclude')
    # what a prompt (a note, a value, a search) held, typed and not entered, when ctrl+q quit
    # from it (:func:`quit_words` sets it; :meth:`quit_line` says it, before '; next: …')
    left_in_prompt = ""

    @property
    def without_terminal(self) -> str:
        """How to do the screen's work without a terminal, if the command has a way ("")."""
        return ""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Textual's active bindings in this screen's own order (what the footer shows).

        Textual's keymap re-adds a rebound key after all others, so a reviewer's remapped
        include/exclude went to the end of the footer, which is cut off at 80 columns.
        """
        active = super().active_bindings
        order = {b.id: i for i, b in enumerate(self.BINDINGS) if isinstance(b, Binding) and b.id}
        ranked = sorted(active.items(), key=lambda kv: order.get(kv[1].binding.id, len(order)))
        return dict(ranked)

    def say(self, message: str) -> None:
        """Show ``message`` on the screen's message line."""
        raise NotImplementedError

    def why_off(self, action: str) -> str:
        """Why ``action`` (its name, without arguments), which :meth:`check_action` has off
        now (None: greyed in the footer), does nothing, for the message line ('' says
        nothing)."""
        return ""

    def on_key(self, event: events.Key) -> None:
        """A key of this screen that is off now says why (:meth:`why_off`) instead of nothing:
        the one way every screen answers a key that cannot act now.

        Textual runs a binding only when ``check_action`` is true; False also leaves it out of
        ``active_bindings`` (hidden), None keeps it there, greyed (Textual's guide, "Dynamic
        actions"). So a key that is off for a while (no record, no conflict, no pair, not at
        this stage) returns None, and its key event, which reaches the screen before the
        bindings are looked up, is answered here, in the words of the key's binding. Esc
        (cancel) stays quiet: pressed by reflex, it has nothing to cancel."""
        active = self.active_bindings.get(event.key)
        if active is None or active.enabled or active.binding.action == "cancel":
            return
        if not self.ACTIONS_ID or not (active.binding.id or "").startswith(f"{self.ACTIONS_ID}."):
            return  # not this screen's own key: Textual's ctrl+c (copy) says how to quit
        why = self.why_off(active.binding.action.partition("(")[0])
        if why:
            event.stop()
            self.say(f"{active.binding.description.rstrip('…')}: {why}")

    def help_content(self) -> tuple[str, list[Action] | tuple[Action, ...]]:
        """(title, actions) of this screen's help screen."""
        raise NotImplementedError

    def help_notes(self) -> tuple[str, str]:
        """(heading, words) the help screen shows under the keys: what the screen's figures
        and marks are, where its own lines have no room to say it; ("", "") for none."""
        return ("", "")

    def quit_line(self) -> str:
        """Where the person stopped, which the command prints once the screen closes
        (:func:`stopped_line`): the screen leaves nothing on the terminal."""
        raise NotImplementedError

    def action_help(self) -> None:
        title, actions = self.help_content()
        keymap = self.app.keymap_in_use  # type: ignore[attr-defined]
        self.app.push_screen(HelpScreen(title, actions, keymap, self.help_notes()))

    def action_quit(self) -> None:
        self.app.exit()


class ReviewkitApp(App):
    """The terminal app: pushes ``screen``; keys from the user's keymap file (or the
    ``keymap`` given, e.g. ``{}`` in tests), which the help screens show as well."""

    ENABLE_COMMAND_PALETTE = False
    # A key that cannot act now (``check_action`` None) is Textual's ``-disabled`` FooterKey,
    # ``text-style: dim``: a shade of grey (253 against 247), nothing at all under NO_COLOR or
    # on a monochrome terminal. Its words are struck through as well: a text style, not a
    # colour, that tells it apart on any terminal (the key itself stays readable). FooterKey
    # draws its words' padding as spaces in the words' style, so the strike ran on into the
    # space before them (compact footer: " Note") or after them (full footer: "Final: exclude… "):
    # that space is the key's right padding (compact) or the FooterKey's own (full) instead,
    # the same width, and only the words are struck.
    CSS = """
    FooterKey.-disabled .footer-key--description { text-style: dim strike; padding: 0; }
    FooterKey.-disabled.-compact .footer-key--key { padding: 0 1 0 0; }
    FooterKey.-disabled { padding-right: 1; }
    FooterKey.-disabled.-compact { padding-right: 0; }
    """

    def __init__(self, screen: ReviewkitScreen, *, keymap: dict[str, str] | None = None) -> None:
        super().__init__()
        self.keymap_in_use = load_keymap() if keymap is None else keymap
        self.set_keymap(self.keymap_in_use)
        self.first_screen = screen
        self.title = screen.TITLE
        self.screens_at_exit: list[Screen[Any]] = []
        self._froze_heap = False  # :meth:`_freeze_heap`

    def on_mount(self) -> None:
        self.push_screen(self.first_screen)
        # What stands once the first screen is drawn (the project, the queue of its studies,
        # Textual's modules and widgets) is kept out of the garbage collector's full collections
        # while the app runs: each walked it all (125,000 objects with a 50,000-record queue) on
        # the screen's thread, a key pressed meanwhile waiting: 75-170 ms at a quiet load, and
        # with the footer greyed in place 61-84 ms of CPU on a loaded machine, 4-31 with the heap
        # frozen (spike44, benchmarks/results/tui-gc.md). Objects made later are collected as
        # before. What is frozen and dies meanwhile in a reference cycle is freed only when the
        # app ends: 11,000 objects (1.2 MB) over the ranked 500-decision run, none when a
        # partner's votes rebuild the queue; the run's peak memory 99 MB, 106 before (rd44f).
        self.call_after_refresh(self._freeze_heap)

    def _freeze_heap(self) -> None:
        """Freeze the heap (see :meth:`on_mount`) unless something else froze it already.

        The interpreter has one frozen generation and ``gc.unfreeze`` thaws all of it: an app
        run while another runs in the same process (tests, a host program that froze its own
        heap) leaves that freeze alone, and only the app that froze thaws (:meth:`on_unmount`);
        the second app's objects stay collectable, as they were before any freeze."""
        if gc.get_freeze_count() == 0:
            gc.freeze()
            self._froze_heap = True

    def on_unmount(self) -> None:
        if self._froze_heap:
            gc.unfreeze()

    def exit(self, *args: Any, **kwargs: Any) -> None:
        """Quit, keeping the screens open at that moment (:func:`quit_words` reads a prompt
        left open; Textual closes them all on the way out)."""
        self.screens_at_exit = self.screen_stack
        super().exit(*args, **kwargs)

    def get_key_display(self, binding: Binding) -> str:
        """A footer's key as the help screens and the screens' words name it (:func:`key_name`):
        'PgDn', not Textual's 'pgdn'; 'Tab' and 'Esc', 'Space', not 'tab', 'esc', 'space' (the
        extraction footer's 'tab Next empty' was the help's and the README's 'Tab'). A key with
        a modifier reads as the keymap writes the modifier: 'ctrl+s', where Textual draws '^s'
        (a protocol's ``classify.accept = "ctrl+s"`` was '^s' in the footer and 'ctrl+s' in
        the help). Enter alone keeps Textual's '⏎'. Textual names this method as the place an
        app changes how keys show."""
        if binding.key_display:  # a binding that names its own key
            return binding.key_display
        if binding.key == "enter":
            return super().get_key_display(binding)
        return key_name(binding.key)

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Run in this terminal, refused when there is none to run in (headless runs aside)."""
        if not kwargs.get("headless"):
            _require_terminal(self.first_screen)
        return super().run(*args, **kwargs)


def _require_terminal(screen: ReviewkitScreen) -> None:
    """Refuse to open ``screen`` where nobody can see or answer it. Textual reads the keys from
    standard input and draws on standard error (the process's own, sys.__stdin__ and
    sys.__stderr__): with a pipe or a file in either place (ssh without -t, a job without a
    terminal, '2> log') the screen was drawn into it and waited for keys for ever. TERM=dumb
    (an editor's shell buffer) cannot show a screen: its escape codes came out as text."""
    what = ""
    for name, stream in (("standard input", sys.__stdin__), ("standard error", sys.__stderr__)):
        try:
            terminal = stream is not None and stream.isatty()
        except ValueError:  # closed
            terminal = False
        if not terminal:
            what = f"{name} is not a terminal"
            break
    if not what and settings.terminal_type() == "dumb":
        what = "this terminal cannot draw one (TERM=dumb)"
    if what:
        other = f"; {screen.without_terminal}" if screen.without_terminal else ""
        raise UserError(
            f"{screen.TITLE} opens a screen in the terminal, but {what}",
            hint="run it in a terminal window, with its input and standard error left to the"
            f" terminal (over ssh: ssh -t HOST …; in Emacs: M-x term){other}",
        )


class AppCrashed(UserError):
    """A terminal app stopped on an unexpected error (a bug): exit code 1, not 0."""

    exit_code = 1


def stopped_line(
    reviewer: str,
    place: str,
    progress: str,
    saved: str,
    then: str = "",
    *,
    unsaved: str = "",
    kept: int = 0,
    typed: str = "",
) -> str:
    """What a screen's command prints once the screen closes, which leaves nothing on the
    terminal: where the reviewer stopped, 'anna at title-abstract: 42 records decided, 48
    remaining; every decision is saved' (``then``: what is left elsewhere, '; next: …').

    ``saved`` ('every decision is saved') is said only when it is true: ``unsaved`` names what
    the screen itself left unsaved, and ``kept`` counts the keys a busy database kept
    (:class:`~reviewkit.tui.widgets.WaitsForDatabase`) that ctrl+q quit without, never run;
    ``typed`` what a prompt held when ctrl+q quit from it (:attr:`ReviewkitScreen.left_in_prompt`:
    no decision, so ``saved`` stands), said before ``then``, the line's last words."""
    # ctrl+q is the app's, so it quits at once, the kept keys still waiting: each was refused
    # before it wrote anything, so none of them is saved and pressing it again is all it takes
    lost = (
        f"{quantity(kept, 'key')} pressed while the database was busy"
        f" {'was' if kept == 1 else 'were'} not saved (ctrl+q quit before it was free):"
        f" open the screen again and press {'it' if kept == 1 else 'them'} again"
        if kept
        else ""
    )
    said = "; ".join(part for part in (unsaved, lost) if part) or saved
    said = "; ".join(part for part in (said, typed) if part)
    return f"{reviewer} at {place}: {progress}; {said}{then}"


def run_app(app: App, **run_options: Any) -> None:
    """Run a Textual app; if it crashed (Textual printed the traceback), exit non-zero."""
    app.run(**run_options)
    if app.return_code:
        raise AppCrashed(
            f"{app.title} stopped on an unexpected error (shown above); everything saved"
            " before it is kept",
            hint="reopen the screen to go on, and please report the error",
        )


def run_screen(screen: ReviewkitScreen) -> str:
    """Run ``screen`` in :class:`ReviewkitApp` (every command's screen: one place) and return
    what to print once it closes (:func:`quit_words`)."""
    app = ReviewkitApp(screen)
    run_app(app)
    return quit_words(app)


def quit_words(app: ReviewkitApp) -> str:
    """The screen's :meth:`~ReviewkitScreen.quit_line`, with what a prompt left open held
    (a note or a value half typed when ctrl+q quit: dropped, and the line said only "every
    decision is saved"), before the line's '; next: …'."""
    prompts = [s for s in app.screens_at_exit if isinstance(s, TextPrompt)]
    screen = app.first_screen
    screen.left_in_prompt = "; ".join(said for p in prompts if (said := p.left_unsaved))
    return screen.quit_line()
