"""British spellings folded to American (reviewkit.spelling): the documented forms fold,
words whose -ise or -our is their root stay."""

from __future__ import annotations

import pytest

from reviewkit.spelling import us_spelling


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("randomised", "randomized"),
        ("organisation", "organization"),
        ("analysed", "analyzed"),
        ("behaviour", "behavior"),
        ("behavioural", "behavioral"),
        ("tumours", "tumors"),
        ("oestrogen", "estrogen"),
        ("haemorrhage", "hemorrhage"),
        ("paediatric", "pediatric"),
        # words whose -ise or -our is their root stay
        ("exercise", "exercise"),
        ("promised", "promised"),
        ("otherwise", "otherwise"),
        ("noise", "noise"),
        ("hour", "hour"),
        ("four", "four"),
        ("contour", "contour"),
        # the forms added for study links' title words
        ("diarrhoea", "diarrhea"),
        ("gonorrhoeae", "gonorrheae"),
        ("apnoea", "apnea"),
        ("faecal", "fecal"),
        ("sulphonylureas", "sulfonylureas"),
        ("centre", "center"),
        ("millilitres", "milliliters"),
        ("programme", "program"),
        ("ageing", "aging"),
        ("labour", "labor"),
        ("leukaemia", "leukemia"),
        ("journal", "journal"),
        ("advertising", "advertising"),
        ("disease", "disease"),
    ],
)
def test_us_spelling_folds_only_the_documented_forms(british, american):
    assert us_spelling(british) == american
