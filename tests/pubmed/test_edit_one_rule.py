"""One answer to "was the search edited between two runs": the edit (search_edit), which
RunDiff.query_edited now reads. It compared the query sent beside the edit's own comparison,
and the two disagreed on an older store's limits, kept as text, not JSON: the same query sent,
yet an edit of the limits named in the log and in status."""

from __future__ import annotations

import json

from reviewkit.searches.diff import RunDiff
from reviewkit.searches.edits import search_edit
from reviewkit.store.searches import SearchRun

QUERY = '"return to work" AND "sick leave"'
SENT = f"({QUERY}) AND 2011/01/01:2021/12/31[dp] AND english[la]"
OLD_TEXT = "2011/01/01:2021/12/31[dp] AND english[la]"  # how an older store kept the limits
LIMITS = {
    "date_from": "2011/01/01",
    "date_to": "2021/12/31",
    "languages": ["english"],
    "publication_types": [],
    "systematic_subset": False,
}


def _run(run_id: int, limits: str, full_query: str) -> SearchRun:
    return SearchRun(
        run_id, "a1", "pubmed", "E-utilities", QUERY, full_query, "", limits, "", None, 0,
        "complete", None, 1,
    )  # fmt: skip


def _diff(edit) -> RunDiff:
    return RunDiff("a1", 1, 2, [], [], {}, edit=edit)


def test_an_older_stores_limits_text_is_no_edit_when_the_same_query_was_sent():
    edit = search_edit(_run(1, OLD_TEXT, SENT), _run(2, json.dumps(LIMITS), SENT))
    assert not edit and not _diff(edit).query_edited


def test_an_older_stores_limits_text_against_other_limits_is_named_in_words():
    later = dict(LIMITS, date_from="1975/01/01")
    sent = SENT.replace("2011/01/01", "1975/01/01")
    edit = search_edit(_run(1, OLD_TEXT, SENT), _run(2, json.dumps(later), sent))
    assert _diff(edit).query_edited and not edit.query
    # the old text as stored, the new limits in the words of the log (not their JSON)
    assert edit.limits == [
        f"{OLD_TEXT} → publication date from 1975/01/01; publication date to 2021/12/31;"
        " languages: english"
    ]


def test_limits_edited_in_json_are_the_edit_and_query_edited_alike():
    later = dict(LIMITS, languages=["english", "norwegian"])
    sent = SENT.replace("english[la]", "(english[la] OR norwegian[la])")
    edit = search_edit(_run(1, json.dumps(LIMITS), SENT), _run(2, json.dumps(later), sent))
    assert _diff(edit).query_edited
    assert edit.limits == ["languages english → english, norwegian"]
    same = search_edit(_run(1, json.dumps(LIMITS), SENT), _run(2, json.dumps(LIMITS), SENT))
    assert not same and not _diff(same).query_edited
