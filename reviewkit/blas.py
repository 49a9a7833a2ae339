"""One BLAS thread while a model trains: its linear algebra is too small to share.

Used by the screening ranker and the classification model. A ranker fit solves a system of at
most a few thousand rows (LU, conjugate gradients: matrix-vector products); OpenBLAS splits
such calls over every core and its threads then spin, waiting for the next call. On the 15
benchmark sets a ``reviewkit simulate`` run spent 3-4 times the CPU of the same run with one
BLAS thread (Nagtegaal_2019, seed 1: 8.4 s against 2.3 s, on a 2-core machine under load), with
the same ranking; a classification training (1 + n small fits for its leave-one-out check)
took 91 s of CPU on the demo project against 9 s with one thread. The spinning threads take the
cores the screen and the other reviewers' processes need. The limit holds only while the model
computes and the previous setting is restored after (numpy elsewhere in the process keeps its
threads); nested and concurrent uses from several threads share one limit.

The libraries are those loaded at the call: a process that imports more after a first use
(the screen's ranker loads numpy's OpenBLAS only; a classification then imports scikit-learn,
whose L-BFGS calls scipy.linalg's own OpenBLAS) is scanned again, or the new library would
keep its threads for the rest of the process.

threadpoolctl comes with scikit-learn (a dependency); it changes OpenBLAS's thread count
through its own C API, which an environment variable cannot do once numpy is loaded.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["one_blas_thread"]

_lock = threading.Lock()
_depth = 0
_limiter: Any = None
_controller: Any = None
_modules_at_scan = 0  # len(sys.modules) when _controller scanned the loaded libraries


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run the block with the BLAS libraries of the process limited to one thread."""
    global _depth, _limiter, _controller, _modules_at_scan
    with _lock:
        if _depth == 0:
            # A scan costs a few ms (a simulation enters here thousands of times); a BLAS
            # library comes with an extension module, so only an import since the last scan
            # can have brought one. sys.modules only grows in practice: its length says so.
            if _controller is None or len(sys.modules) != _modules_at_scan:
                from threadpoolctl import ThreadpoolController

                _controller = ThreadpoolController()
                _modules_at_scan = len(sys.modules)
            _limiter = _controller.limit(limits=1, user_api="blas")
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                _limiter.restore_original_limits()
                _limiter = None
