"""esearch's ``query_key`` parameter, as NCBI documents it (NBK25499, ESearch, "query_key").

"When provided, ESearch will find the intersection of the set specified by query_key and the
set retrieved by the query in term (i.e. joins the two with AND). For query_key to function,
WebEnv must be assigned an existing WebEnv string and usehistory must be set to 'y'." The
local server reads it as ``#N AND (term)`` over the request's WebEnv, the same set that ``#N``
in the term names. Without a term the set itself is the answer: NCBI's reply to a request with
neither says "Empty term and query_key - nothing todo", so either one is enough (inferred from
that text; NBK25499 does not say it in so many words).
"""

from __future__ import annotations

from reviewkit.pubmed.replies import ReplyError
from reviewkit.pubmed.uids import is_number
from reviewkit.query_nodes import BoolOp, HistoryRef, Node


def with_query_key(node: Node | None, params: dict[str, str], searches: int) -> Node:
    """``node`` ANDed with the WebEnv's set ``query_key`` names (or that set alone).

    ``searches`` is how many sets the request's WebEnv holds (0 without usehistory=y or with
    no known WebEnv). A query_key that cannot work is refused rather than ignored, so that it
    never changes a result unnoticed.
    """
    key = params.get("query_key", "").strip()
    if not key:
        assert node is not None  # the caller refuses a request with neither
        return node
    if params.get("usehistory", "") != "y" or not params.get("WebEnv", "").strip():
        raise ReplyError(
            f"query_key={key} needs WebEnv and usehistory=y: NCBI documents that query_key "
            "works only with an existing WebEnv and usehistory set to 'y'"
        )
    if not is_number(key) or not 1 <= int(key) <= searches:
        raise ReplyError(f"Unable to obtain query #{key}")
    ref = HistoryRef(int(key))
    return ref if node is None else BoolOp("AND", ref, node)
