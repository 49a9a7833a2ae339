"""The keys each table of a protocol file may hold: one list, read by the validator that checks
them and by the hint that says where a key written in the wrong table belongs."""

from __future__ import annotations

TOP_KEYS = frozenset(
    {"review", "searches", "eligibility", "stages", "highlight", "schemes", "extraction", "report"}
)
REVIEW_KEYS = frozenset({"id", "title", "question", "reviewers", "leads", "description"})
# limits_reason, adapted_from and peer_review: PRISMA-S items 9 (the limits' justification), 11
# (the earlier review(s) whose strategy this one adapts or reuses, cited) and 14 (the strategy's
# peer review), which the search log reports as the protocol words them.
SEARCH_KEYS = frozenset(
    {
        "name",
        "database",
        "query",
        "limits",
        "description",
        "limits_reason",
        "adapted_from",
        "peer_review",
    }
)
LIMIT_KEYS = frozenset(
    {"date_from", "date_to", "languages", "publication_types", "systematic_subset"}
)
TERMS_KEYS = frozenset({"include", "exclude"})  # [eligibility] and [highlight]
STAGE_KEYS = frozenset(
    {"reviewers_per_record", "advance_on", "reason_required", "exclusion_reasons"}
)
REASON_KEYS = frozenset({"code", "label", "not_retrieved"})
EXTRACTION_KEYS = frozenset({"id", "name", "description", "prefill", "none_if_untested"})
REPORT_KEYS = frozenset({"scheme", "columns", "sort", "column_names"})
SCHEME_KEYS = frozenset(
    {
        "name", "multi_label", "none_label", "none_name", "kind", "threshold", "labels",
        "min_evidence", "topic_rule", "fallback_label", "duration_of", "duration_of_no",
        "duration_of_sv", "duration_of_da", "duration_kind", "measures",
        "study_kind", "study_did", "population", "tested", "none_if_untested",
    }
)  # fmt: skip
LABEL_KEYS = frozenset(
    {
        "id", "name", "description", "terms", "terms_no", "terms_sv", "terms_da",
        "negative_terms", "mesh", "publication_types", "topic", "combines", "min_combined",
        "count_as_one", "terms_of", "duration_weeks", "complementary", "instruments",
    }
)  # fmt: skip

# Where a key written in the wrong table belongs (a stage's reason_required at the top of the
# file, above [review], is read as a top-level key), in the order the hint tries them: the
# tables whose keys are misplaced in practice, each named as the file writes its header.
HOMES = (
    ("[stages.NAME]", STAGE_KEYS),
    ("[review]", REVIEW_KEYS),
    ("[[searches]]", SEARCH_KEYS - {"limits"}),
    ("[searches.limits]", LIMIT_KEYS),
    ("[schemes.ID]", SCHEME_KEYS - {"name"}),
)
