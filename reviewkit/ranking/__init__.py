"""Screening prioritisation: a reviewer's queue ordered by a model of their own votes.

Imports nothing, so that the screen's process can import :mod:`reviewkit.ranking.queue`
without numpy and scipy (the engine imports them, in a process of its own).

* :mod:`~reviewkit.ranking.ranker`: the ranker (features, model, readiness, background
  retraining); its docstring describes the model;
* :mod:`~reviewkit.ranking.features`, :mod:`~reviewkit.ranking.model`,
  :mod:`~reviewkit.ranking.token_cache`, :mod:`~reviewkit.ranking.cold_start`: its parts (TF-IDF,
  the classifier, the tokens kept between runs, the protocol's order before the first model);
* :mod:`~reviewkit.ranking.queue`: one reviewer's queue ranked from their votes only, and
  :mod:`~reviewkit.ranking.engine`: its engine (texts, features, retraining), its states
  published in order (:mod:`~reviewkit.ranking.state_publisher`), run in a process of its own
  (:mod:`~reviewkit.ranking.engine_process`);
* :mod:`~reviewkit.ranking.ready_rule`: when a model, not the seeded or the protocol's order,
  orders the queue (5 includes and 5 excludes); it imports nothing, for the screen's process;
* :mod:`~reviewkit.ranking.stopping`: how many includes remain, and when to stop;
* :mod:`~reviewkit.ranking.simulate`: ``reviewkit simulate`` (``python -m
  reviewkit.ranking.simulate``), a labelled set replayed in ranked order, and
  :mod:`~reviewkit.ranking.labelled_sets`: what it reads (CSV, TSV, Excel, ASReview's RIS).
"""
