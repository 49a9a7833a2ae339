"""CSV cells safe to open in a spreadsheet (OWASP "CSV injection"): a text cell that starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to Excel and
LibreOffice. :func:`neutralise` puts an apostrophe in front of such a cell in every CSV
reviewkit writes; :func:`restore` takes it off again when reviewkit reads its own CSV back, so
a round trip changes nothing.
Plain numbers (``-0.35``, ``+2``) are left alone: they cannot be formulas. The database, RIS
and BibTeX keep the text exactly as it was. XLSX cells are written as text cells with Excel's
own "quote prefix" flag instead, so the cell shows the text unchanged and is never evaluated.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, TextIO

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?")


def looks_like_formula(value: object) -> bool:
    """True for a text that Excel or LibreOffice would evaluate when the file is opened."""
    return (
        isinstance(value, str)
        and value[:1] in FORMULA_START
        and not _NUMBER.fullmatch(value.strip())
    )


# the error values a spreadsheet shows, and saves to CSV, in place of a cell's text: Excel's
# (Microsoft's XlCVError list and the newer #SPILL!, #CALC!, #FIELD!, #BLOCKED!, #CONNECT!,
# #BUSY!, #UNKNOWN!, #GETTING_DATA), Google Sheets' #ERROR!, and LibreOffice's 'Err:5xx' codes.
# Excel shows, and a CSV saves, them in its interface's language: German #WERT!, #BEZUG!, #NV,
# #ZAHL!, #ÜBERLAUF!, #KALK!, #DATEN_ABRUFEN; French #VALEUR!, #NOM?, #OBTENTION_DONNEES; Spanish
# #¡VALOR!, #¿NOMBRE?, #OBTENIENDO_DATOS (Microsoft's German VBA reference names #WERT!; the
# spellings as extracted from localised Excel by the 'formula' engine's locale tables,
# github.com/wilson-anysphere/formula; #NV, #ZAHL!, #ÜBERLAUF!, #KALK! as a German spreadsheet
# shows them): a European team's sheet is as likely to be one as an English one.
# A cell of text that starts with '=', '+', '-' or '@' (FORMULA_START) is read as a formula when
# a CSV is opened, and one that is no formula ('-Omics', '+ve', '@home') becomes '#NAME?':
# saved again, the text is lost. Only a whole cell is one: no reference's text is.
_ERROR_VALUE = re.compile(
    r"#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!"
    r"|BUSY!|UNKNOWN!|GETTING_DATA|ERROR!"
    r"|WERT!|BEZUG!|NV|ZAHL!|ÜBERLAUF!|KALK!|DATEN_ABRUFEN"  # German Excel
    r"|VALEUR!|NOM\?|OBTENTION_DONNEES"  # French Excel
    r"|¡VALOR!|¿NOMBRE\?|OBTENIENDO_DATOS)"  # Spanish Excel
    r"|Err:5\d\d"
)


def is_error_value(value: str) -> bool:
    """Whether a cell holds a spreadsheet's error value in place of its text ('#NAME?')."""
    return bool(_ERROR_VALUE.fullmatch(value.strip()))


def neutralise(value: Any) -> Any:
    """The cell as it goes into a CSV: formula-looking text gets a leading apostrophe (OWASP)."""
    return "'" + value if looks_like_formula(value) else value


def restore(value: str) -> str:
    """Undo :func:`neutralise` on a cell read back from a CSV reviewkit wrote."""
    if value[:1] == "'" and looks_like_formula(value[1:]):
        return value[1:]
    return value


class SafeCsvWriter:
    """``csv.writer`` whose cells go through :func:`neutralise`; the one CSV writer for output."""

    def __init__(self, fh: TextIO, **kwargs: Any) -> None:
        self._writer = csv.writer(fh, **kwargs)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(c) for c in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(fh: TextIO, **kwargs: Any) -> SafeCsvWriter:
    """A CSV writer safe to open in a spreadsheet (see the module docstring)."""
    return SafeCsvWriter(fh, **kwargs)
