"""The prose of results/study-links.md (how pairs are counted, what was tried and dropped)."""

NOTES: tuple[str, ...] = ("(notes to come)",)
