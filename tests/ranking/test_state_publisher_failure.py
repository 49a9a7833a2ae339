"""A publish callback that raises: the state it had is not counted as sent, and the states
other threads built meanwhile (left to the publishing thread) are still published. The failed
state was counted as sent (``wait_sent`` answered True for a state the screen never got) and
the states built during the failed callback waited for some later flush."""

from __future__ import annotations

import threading

import pytest

from reviewkit.ranking.state_publisher import StatePublisher


def test_states_built_during_a_failing_callback_are_published_after_it():
    lock = threading.Lock()
    sent: list[str] = []
    publisher: StatePublisher[str]

    def publish(state: str) -> None:
        if state == "first":
            # another thread builds a newer state meanwhile; its flush leaves it to this one
            with lock:
                publisher.built("second")
            publisher.flush()
            raise OSError("the pipe is full")
        sent.append(state)

    publisher = StatePublisher[str](lock, publish)
    with lock:
        publisher.built("first")
    with pytest.raises(OSError, match="the pipe is full"):  # the caller hears of it
        publisher.flush()
    assert sent == ["second"]
    assert publisher.wait_sent(0)  # the newest state is the screen's


def test_a_state_whose_callback_raised_is_not_counted_as_sent_and_goes_next_flush():
    lock = threading.Lock()
    sent: list[str] = []
    failing = [True]

    def publish(state: str) -> None:
        if failing[0]:
            raise OSError("the pipe is full")
        sent.append(state)

    publisher = StatePublisher[str](lock, publish)
    with lock:
        publisher.built("loaded")
    with pytest.raises(OSError):
        publisher.flush()
    assert not publisher.wait_sent(0)  # the screen never got it
    failing[0] = False
    publisher.flush()
    assert sent == ["loaded"] and publisher.wait_sent(0)
