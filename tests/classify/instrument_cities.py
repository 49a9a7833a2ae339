"""The protocol the instrument-city tests (test_instrument_cities*.py) classify with: a scheme
that places a study by the city it names."""

from __future__ import annotations

CITIES = """[review]
id = "r"
title = "T"
question = "Q"
reviewers = ["a", "b"]

[stages.title-abstract]
reviewers_per_record = 2

[schemes.where]
name = "Where the study was, by its city"

[[schemes.where.labels]]
id = "denmark"
name = "Denmark"
terms = ["Copenhagen"]

[[schemes.where.labels]]
id = "sweden"
name = "Sweden"
terms = ["Örebro"]

[[schemes.where.labels]]
id = "norway"
name = "Norway"
terms = ["Bergen", "Oslo"]

[[schemes.where.labels]]
id = "netherlands"
name = "The Netherlands"
terms = ["Utrecht"]

[[schemes.where.labels]]
id = "england"
name = "England"
terms = ["Nottingham", "Oswestry"]

[[schemes.where.labels]]
id = "canada"
name = "Canada"
terms = ["Ottawa"]

[[schemes.where.labels]]
id = "usa"
name = "The United States"
terms = ["Boston"]

[[schemes.where.labels]]
id = "roland"
name = "The Roland-Morris questionnaire"
terms = ["Roland*"]
"""
