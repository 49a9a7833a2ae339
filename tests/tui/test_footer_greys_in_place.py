"""Opening and closing the reasons greys the footer's keys and brings them back on the keys
shown, not on a new set: each rebuild's keys were Textual widgets dying in reference cycles,
the garbage behind the full collections that cost the ranked screen a keypress now and then
(reviewkit/tui/footer.py). A key hidden or back still rebuilds the footer."""

from __future__ import annotations

import asyncio

from screening.helpers import until
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterLabel
from tui.helpers import TA, settled_footer

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.footer import KeysFreeingFooter
from reviewkit.tui.screening import ScreeningScreen


def test_the_reasons_grey_the_keys_shown_and_bring_them_back(team) -> None:
    project, _ = team

    async def go() -> tuple[list, list, list, list[bool], list[bool]]:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "tom")), keymap={})
        async with app.run_test(size=(100, 30)) as pilot:
            first = await settled_footer(pilot)
            await pilot.press("e")
            picking = await settled_footer(pilot)
            greyed = [key.has_class("-disabled") for key in picking]
            # drawn greyed too: the words of the keys off struck through (ReviewkitApp.CSS)
            await until(pilot, lambda: [_struck(k) for k in picking] == greyed, "struck keys")
            await pilot.press("escape")
            back = await settled_footer(pilot)
            working = [key.has_class("-disabled") for key in back]
            await until(pilot, lambda: not any(map(_struck, back)), "no key struck")
            await pilot.press("q")
        return first, picking, back, greyed, working

    first, picking, back, greyed, working = asyncio.run(go())
    assert any(greyed) and not all(greyed)  # the reasons open: some keys off, not all
    assert not any(working)  # closed: every key works again
    assert all(a is b for a, b in zip(first, picking, strict=True))  # the same widgets
    assert all(a is b for a, b in zip(first, back, strict=True))


def _struck(key: Widget) -> bool:
    return any(seg.style is not None and seg.style.strike for seg in key.render_line(0))


class _Hides(Screen):
    """A key hidden (``check_action`` False: not shown at all) or greyed (None) on demand."""

    BINDINGS = [Binding("a", "one", "One"), Binding("b", "two", "Two")]
    state: bool | None = True

    def compose(self) -> ComposeResult:
        yield KeysFreeingFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.state if action == "two" else True


def test_a_key_hidden_or_back_builds_the_keys_anew() -> None:
    screen = _Hides()

    class Hosting(App):
        ENABLE_COMMAND_PALETTE = False  # as ReviewkitApp

        def on_mount(self) -> None:
            self.push_screen(screen)

    async def go() -> list[list[tuple[str, bool]]]:
        seen = []
        async with Hosting().run_test() as pilot:
            for state in (True, False, True, None):
                screen.state = state
                screen.refresh_bindings()
                await until(
                    pilot,
                    lambda: bool(_keys(screen)) and [_keys(screen)] != seen[-1:],
                    f"the footer at {state}",
                )
                seen.append(_keys(screen))
        return seen

    assert asyncio.run(go()) == [
        [("one", True), ("two", True)],
        [("one", True)],
        [("one", True), ("two", True)],
        [("one", True), ("two", False)],
    ]


def _keys(screen: Screen) -> list[tuple[str, bool]]:
    return [(k.action, not k.has_class("-disabled")) for k in screen.query("FooterKey")]


def _drawn(footer: Widget) -> list[tuple]:
    """What the footer shows, part by part in its order: each key's keys, words, classes
    (greyed or not), tooltip and drawn line; each group's label."""
    return [
        (
            type(part).__name__,
            sorted(part.classes),
            *(getattr(part, a, None) for a in ("key", "key_display", "description", "action")),
            str(part.tooltip or ""),
            str(part.render()) if isinstance(part, FooterLabel) else "",
            [(s.text, s.style) for s in part.render_line(0)] if part.region.width else None,
        )
        for part in footer.walk_children()
    ]


async def _as_textual_builds_it(pilot, footer: KeysFreeingFooter) -> None:  # noqa: ANN001
    """Fail unless the footer greyed in place shows what Textual's ``Footer`` builds for the
    same bindings: a Textual release that builds its keys otherwise fails here, not on screen."""
    in_place, old_keys = _drawn(footer), set(footer.query("FooterKey"))
    footer.call_later(Footer.recompose, footer)  # Textual's own rebuild, run by the footer
    await until(pilot, lambda: not old_keys & set(footer.query("FooterKey")), "keys rebuilt")
    await until(pilot, lambda: _drawn(footer) == in_place, "the footer as Textual builds it")


def test_the_keys_greyed_in_place_are_the_keys_textual_builds(team) -> None:
    project, _ = team

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "tom")), keymap={})
        async with app.run_test(size=(100, 30)) as pilot:
            first = await settled_footer(pilot)
            footer = app.screen.query_one(KeysFreeingFooter)
            await pilot.press("e")
            await until(pilot, lambda: any(k.has_class("-disabled") for k in first), "greyed")
            await _as_textual_builds_it(pilot, footer)
            await pilot.press("escape")
            back = await settled_footer(pilot)
            await until(pilot, lambda: not any(k.has_class("-disabled") for k in back), "back")
            await _as_textual_builds_it(pilot, footer)
            await pilot.press("q")

    asyncio.run(go())


class _Grouped(Screen):
    """Two keys drawn as one group (a FooterLabel after them), the second greyed on demand."""

    _pair = Binding.Group("Pair")
    BINDINGS = [
        Binding("a", "one", "One", group=_pair),
        Binding("b", "two", "Two", group=_pair, tooltip="The second"),
        Binding("c", "three", "Three"),
    ]
    state: bool | None = True

    def compose(self) -> ComposeResult:
        yield KeysFreeingFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.state if action in ("two", "three") else True


def test_keys_of_a_group_greyed_in_place_are_the_keys_textual_builds() -> None:
    screen = _Grouped()

    class Hosting(App):
        ENABLE_COMMAND_PALETTE = False  # as ReviewkitApp

        def on_mount(self) -> None:
            self.push_screen(screen)

    async def go() -> None:
        async with Hosting().run_test() as pilot:
            await until(pilot, lambda: len(screen.query("FooterKey")) == 3, "the keys")
            footer = screen.query_one(KeysFreeingFooter)
            for state in (None, True):
                keys = list(screen.query("FooterKey"))  # (each check below builds them anew)
                screen.state = state
                screen.refresh_bindings()
                greyed = state is None
                await until(
                    pilot, lambda g=greyed, k=keys: k[2].has_class("-disabled") == g, "greyed"
                )
                assert list(screen.query("FooterKey")) == keys  # in place
                await _as_textual_builds_it(pilot, footer)

    asyncio.run(go())
