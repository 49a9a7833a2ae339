"""The ranking engine in a process of its own: the screen's process never waits for a fit.

:class:`EngineProcess` spawns a process that runs :func:`serve`, an
:class:`reviewkit.ranking.engine.Engine` driven by messages (labels, studies, idle, close) over
one pipe, its states sent back over another, and offers the engine's calls; the states arrive
in a listener thread of the screen's process.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from reviewkit.ranking.engine import Engine, EngineState
from reviewkit.workers import ignore_interrupts, stderr_with_a_file_descriptor


def serve(
    db_path: str,
    ids: tuple[int, ...],
    options: dict[str, Any],
    order_limit: int,
    inbox: Any,
    outbox: Any,
) -> None:
    """The ranking process: an :class:`Engine` driven by messages from the screen's process."""
    ignore_interrupts()  # Ctrl-C is the screen's to handle; it closes this process
    send_lock = threading.Lock()

    def send(message: tuple) -> None:
        with send_lock, contextlib.suppress(OSError):  # OSError: the screen's process is gone
            outbox.send(message)

    engine = Engine(db_path, ids, options, lambda state: send(("state", state)), order_limit)
    try:
        while True:
            try:
                kind, *args = inbox.recv()
            except (EOFError, OSError):
                break
            if kind == "start":
                engine.start(*args)
            elif kind == "labels":
                engine.submit(*args)
            elif kind == "studies":
                engine.set_studies(*args)
            elif kind == "left":
                engine.drop_studies(*args)
            elif kind == "idle":
                token, timeout = args
                send(("idle", token, engine.wait_idle(timeout)))
            else:  # "close"
                break
    finally:
        engine.close()


class EngineProcess:
    """An :class:`Engine` in a spawned process, with the same calls; its states arrive in a
    listener thread of this process."""

    def __init__(
        self,
        db_path: str,
        ids: tuple[int, ...],
        options: dict[str, Any],
        publish: Callable[[EngineState], None],
        order_limit: int,
    ) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        child_inbox, self._outbox = ctx.Pipe(duplex=False)
        self._inbox, child_outbox = ctx.Pipe(duplex=False)
        self.process = ctx.Process(
            target=serve,
            args=(db_path, ids, options, order_limit, child_inbox, child_outbox),
            name="reviewkit-ranking",
            daemon=True,
        )
        self.publish = publish
        self._send_lock = threading.Lock()
        self._cond = threading.Condition()
        self._answers: dict[int, bool] = {}
        self._tokens = 0
        self._closed = False
        with stderr_with_a_file_descriptor():
            self.process.start()
        child_inbox.close()
        child_outbox.close()
        threading.Thread(
            target=self._listen, name="reviewkit-ranking-listener", daemon=True
        ).start()

    def _send(self, *message: object) -> None:
        with self._send_lock:
            if self._closed:
                return
            with contextlib.suppress(OSError):  # the process died: the listener reports it
                self._outbox.send(message)

    def start(self, seq: int, labels: list[tuple[int, bool]]) -> None:
        self._send("start", seq, labels)

    def submit(self, seq: int, labels: list[tuple[int, bool]]) -> None:
        self._send("labels", seq, labels)

    def set_studies(self, ids: tuple[int, ...], seq: int, labels: list[tuple[int, bool]]) -> None:
        self._send("studies", ids, seq, labels)

    def drop_studies(self, ids: tuple[int, ...], seq: int, labels: list[tuple[int, bool]]) -> None:
        self._send("left", ids, seq, labels)

    def wait_idle(self, timeout: float) -> bool:
        with self._cond:
            self._tokens += 1
            token = self._tokens
        self._send("idle", token, timeout)
        with self._cond:
            if not self._cond.wait_for(lambda: token in self._answers or self._closed, timeout + 5):
                return False
            return self._answers.pop(token, False)

    def close(self) -> None:
        self._send("close")
        with self._send_lock:
            self._closed = True
        self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(2)
        with self._cond:
            self._cond.notify_all()

    def _listen(self) -> None:
        while True:
            try:
                kind, *args = self._inbox.recv()
            except (EOFError, OSError):
                break
            if kind == "state":
                self.publish(args[0])
            else:  # "idle"
                with self._cond:
                    self._answers[args[0]] = args[1]
                    self._cond.notify_all()
        if not self._closed:  # the process ended on its own: killed, out of memory …
            self.publish(
                EngineState(
                    loaded=True,
                    error=f"the ranking process ended (exit code {self.process.exitcode})",
                )
            )
        with self._cond:
            self._closed = True
            self._cond.notify_all()
