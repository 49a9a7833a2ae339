"""esearch's date limits: ``datetype`` with ``mindate``/``maxdate`` or ``reldate``, checked
against NCBI's documentation (NBK25499, ESearch) and turned into (kind, start, end) for the
snapshot, or refused with an ``<ERROR>`` (:class:`ReplyError`) that says why; and
:func:`date_bound`, a date as a query or a limit writes it read as a YYYYMMDD bound."""

from __future__ import annotations

import calendar
import contextlib
import datetime

from reviewkit.pubmed.replies import ReplyError
from reviewkit.pubmed.uids import is_number
from reviewkit.pubmed.unsupported import UnsupportedQuery
from reviewkit.query_dates import DATE_FORM
from reviewkit.query_tags import DATE_FIELDS

# esearch's datetype (NBK25499: "common values are 'mdat' (modification date), 'pdat'
# (publication date) and 'edat' (Entrez date)"), answered from the snapshot's own dates; crdt
# (Create date) and mhda (MeSH date) are PubMed's [crdt] and [mhda], which NCBI's einfo lists
# as date fields (CRDT, MHDA). mdat is [lr], the NLM files' DateRevised, answered with the
# warning [lr] has (fields.REVISED_AS_FILED): PubMed's own date may be later.
# NBK25499 adds "Generally an Entrez database will have only two allowed values": the values
# are einfo's names of date fields, and only these five are accepted (cdat, ppdt and epdt,
# einfo's other date fields, have no documented datetype use).
DATETYPES = {
    date.einfo: short
    for short, date in DATE_FIELDS.items()
    if date.einfo in ("pdat", "edat", "crdt", "mhda", "mdat")
}


def date_limit(params: dict[str, str]) -> tuple[str, str, str] | None:
    """(kind, mindate, maxdate) from esearch's datetype with mindate/maxdate (both needed)
    or reldate (the last N days), as NBK25499 describes them; edat (default, as NCBI answers),
    pdat, crdt, mhda, mdat."""
    lo, hi = params.get("mindate", ""), params.get("maxdate", "")
    reldate = params.get("reldate", "").strip()
    if reldate and (lo or hi):
        raise ReplyError("give reldate or mindate/maxdate, not both (the local server)")
    if reldate:
        if not is_number(reldate):
            raise ReplyError(f"reldate must be a number of days, got {reldate!r}")
        today = datetime.date.today()
        lo = (today - datetime.timedelta(days=int(reldate))).strftime("%Y/%m/%d")
        hi = today.strftime("%Y/%m/%d")
    if not lo and not hi:
        return None
    if not (lo and hi):
        raise ReplyError("mindate and maxdate must be given together")
    # NBK25499 names no default datetype; a live reply to mindate=1970&maxdate=2025 without one
    # (quoted in a public project, 2025) translated the limit 1970/01/01:2025/12/31[Date - Entry]
    datetype = params.get("datetype", "edat") or "edat"
    if datetype not in DATETYPES:
        raise ReplyError(
            f"datetype {datetype!r} is not supported by the local server (use "
            f"{', '.join(DATETYPES)})"
        )
    lo, hi = _date(params, "mindate", lo), _date(params, "maxdate", hi)
    if date_bound(hi, end=True) < date_bound(lo, end=False):  # as a backwards [dp] range
        raise ReplyError(
            f"maxdate {hi} is before mindate {lo}: NBK25499 gives the range as mindate to "
            "maxdate and not what esearch does with one written backwards; swap them"
        )
    return DATETYPES[datetype], lo, hi


def _date(params: dict[str, str], name: str, value: str) -> str:
    """mindate/maxdate in a form NBK25499 gives (YYYY/MM/DD, YYYY/MM, YYYY; '-' read as '/'),
    checked here so a bad one is an <ERROR> naming it, not a failed request."""
    date = value.strip().replace("-", "/")
    if DATE_FORM.fullmatch(date):
        with contextlib.suppress(UnsupportedQuery):  # a month or day out of range
            date_bound(date, end=False)
            return date
    raise ReplyError(
        f"{name} {params.get(name) or value!r} is not a date: write YYYY/MM/DD, YYYY/MM or YYYY"
    )


def day_range(start: str, end: str) -> str | None:
    """A date or range as NCBI's QueryTranslation writes it, each bound a day: '2020/03',
    '2021' -> '2020/03/01:2021/12/31' (live esearch replies quoted in public projects:
    ``2024[PDAT]`` translated ``2024/01/01:2024/12/31[Date - Publication]``, ``mindate=1970
    &maxdate=2025`` ``1970/01/01:2025/12/31[Date - Entry]``, a quoted ``"1800/01/01"[edat] :
    "2018/12/23"[edat]`` ``1800/01/01:2018/12/23[Date - Entry]``). None for a date that is no
    day: the evaluation refuses it, saying why."""
    try:
        lo, hi = date_bound(start, end=False), date_bound(end, end=True)
    except (UnsupportedQuery, ValueError):
        return None
    return f"{day_text(lo)}:{day_text(hi)}"


def day_text(bound: int) -> str:
    """20200301 -> '2020/03/01'."""
    return f"{bound // 10000:04d}/{bound // 100 % 100:02d}/{bound % 100:02d}"


def date_bound(text: str, *, end: bool) -> int:
    """'2011' -> 20110101 (start) or 20111231 (end); '2021/3' -> 20210301 / 20210331."""
    parts = [int(p) for p in text.strip().split("/")]
    if not 1000 <= parts[0] <= 9999 or any(p < 1 for p in parts[1:]):
        raise UnsupportedQuery(
            f"cannot read {text!r} as a date", hint="write YYYY, YYYY/MM or YYYY/MM/DD"
        )
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if end else 1)
    if month > 12:
        raise UnsupportedQuery(
            f"cannot read {text!r} as a date: there is no month {month}",
            hint="write YYYY, YYYY/MM or YYYY/MM/DD",
        )
    last = calendar.monthrange(year, month)[1]
    day = parts[2] if len(parts) > 2 else (last if end else 1)
    if day > last:  # 2011/02/30 is no day of PubMed's either: refused, not searched as a word
        raise UnsupportedQuery(
            f"cannot read {text!r} as a date: {calendar.month_name[month]} {year} has no day {day}",
            hint="write YYYY, YYYY/MM or YYYY/MM/DD",
        )
    return year * 10000 + month * 100 + day
