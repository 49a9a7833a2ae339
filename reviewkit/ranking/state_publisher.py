"""States published in the order they were built, the newest last, by one thread at a time.

The ranking engine (:class:`reviewkit.ranking.engine.Engine`) changes its state from several
threads (the texts' loader, the ranker's worker, a reload, a caller of ``wait_idle``). Built
under the engine's lock but published after it, a state could overtake a newer one: a failure
published between the loader's building and its publishing was lost, the older state sent
last. Here each change is numbered under the engine's lock (:meth:`StatePublisher.built`), and
:meth:`StatePublisher.flush` publishes the newest state unless another thread is publishing,
in which case that thread publishes it after its own. So the callbacks never overlap, each one
gets a state no older than the last, the final state is the last one published, and no thread
waits for another's callback (the ranking process's callback is a pipe send that can wait for
the screen's process to read). The engine's lock is never held during a callback, so the
callback may call the engine (a screen's ``submit``) without a deadlock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

S = TypeVar("S")


class StatePublisher(Generic[S]):
    """Publishes the states built under ``lock`` through ``publish``, in order (module doc)."""

    def __init__(self, lock: threading.Lock, publish: Callable[[S], None]) -> None:
        self._cond = threading.Condition(lock)
        self._publish = publish
        self._state: S | None = None
        self._built = 0  # states built
        self._sent = 0  # the number of the newest state published (or being published)
        self._publishing = False  # a thread is in flush(): it publishes the others' states too

    def built(self, state: S) -> None:
        """``state`` is the newest: call with the lock held, then :meth:`flush` after it."""
        self._state = state
        self._built += 1

    def flush(self) -> None:
        """Publish the newest state, and any built while publishing, unless another thread is
        publishing (that thread publishes them). Call without the lock.

        A state whose callback raised is not counted as sent (:meth:`wait_sent` goes on
        waiting; the next flush tries the newest state again). States built meanwhile, which
        their threads left to this one, are still published; then the first error is raised
        to this flush's caller."""
        with self._cond:
            if self._publishing:
                return
            self._publishing = True
        failed: Exception | None = None
        failed_at = -1  # the number of the newest state whose callback raised
        while True:
            with self._cond:
                if self._sent == self._built or self._built == failed_at:  # in one step with
                    self._publishing = False  # the flag: none is left behind
                    self._cond.notify_all()
                    break
                state, before, self._sent = self._state, self._sent, self._built
            try:
                self._publish(state)  # type: ignore[arg-type]  # built: not None
            except Exception as exc:  # not sent: tried again for a newer state or next flush
                with self._cond:
                    failed_at, self._sent = self._sent, before
                failed = failed or exc
            except BaseException:  # an interrupt: no more publishing here
                with self._cond:
                    self._sent, self._publishing = before, False
                    self._cond.notify_all()
                raise
        if failed is not None:
            raise failed

    def wait_sent(self, timeout: float) -> bool:
        """Block until the newest state built is published (another thread may be publishing
        it); False on timeout."""
        with self._cond:
            return self._cond.wait_for(
                lambda: self._sent == self._built and not self._publishing, timeout
            )
