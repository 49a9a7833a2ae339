"""What each stop changed in the rules and protocols and what it measured on the held-out
sets (:mod:`benchmarks.classify_heldout_sets`), task 25 on: the notes ``results/classify.md``
prints after its tables (:mod:`benchmarks.classify_notes`). Text only; the figures in it were
measured when each was written. A module per run of stops (one file of 1,061 lines was split
so; a new stop's note goes in the last module, or a new one, and into NOTES in page order)."""

from __future__ import annotations

from benchmarks.classify_heldout_notes.stop_41 import (
    TASK_CLS15,
    TASK_CLS15_LANGUAGE,
    TASK_CLS15_SEX,
    TASK_RD41E,
)
from benchmarks.classify_heldout_notes.stop_42 import TASK_CLS16, TASK_CLS16_SETTING, TASK_RD42B
from benchmarks.classify_heldout_notes.stop_43 import TASK_CLS17, TASK_RD43D
from benchmarks.classify_heldout_notes.stop_44 import TASK_CLS44, TASK_Q44I, TASK_RD44C
from benchmarks.classify_heldout_notes.stop_45 import TASK_CLS45, TASK_RD45F
from benchmarks.classify_heldout_notes.stop_46 import TASK_CLS46, TASK_RD46B
from benchmarks.classify_heldout_notes.stop_47 import READER_CLS47B, TASK_CLS47
from benchmarks.classify_heldout_notes.stop_48 import READER_RD48G, TASK_CLS48, TASK_CLS48B
from benchmarks.classify_heldout_notes.stops_39_40 import (
    TASK_CLS13,
    TASK_CLS14,
    TASK_Q39B,
    TASK_RD39C,
    TASK_RD40B,
)
from benchmarks.classify_heldout_notes.tasks_25_29 import TASK25, TASK26, TASK27, TASK28, TASK29
from benchmarks.classify_heldout_notes.tasks_31_35 import TASK31, TASK32, TASK33, TASK34, TASK35
from benchmarks.classify_heldout_notes.tasks_36_39 import (
    TASK36,
    TASK36_READ,
    TASK37,
    TASK38,
    TASK38_READ,
    TASK39,
)

NOTES = (
    TASK25, TASK26, TASK27, TASK28, TASK29, TASK31, TASK32, TASK33, TASK34, TASK35, TASK36,
    TASK36_READ, TASK37, TASK38, TASK38_READ, TASK39, TASK_Q39B, TASK_CLS13, TASK_RD39C, TASK_CLS14,
    TASK_RD40B, TASK_CLS15, TASK_CLS15_SEX, TASK_CLS15_LANGUAGE, TASK_RD41E, TASK_CLS16,
    TASK_CLS16_SETTING, TASK_RD42B, TASK_CLS17, TASK_RD43D, TASK_CLS44,
    TASK_RD44C, TASK_Q44I, TASK_CLS45, TASK_RD45F, TASK_CLS46, TASK_RD46B, TASK_CLS47,
    READER_CLS47B, TASK_CLS48, READER_RD48G, TASK_CLS48B,
)  # fmt: skip
