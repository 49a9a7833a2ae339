"""Review A's and the demo's shipped schemes read the standard expressions other return-to-work
reviews use (MeSH entry terms, ICD-10 chapter names, the roles' other titles, Scandinavian
words), as Review B's do (test_classify_vocabulary.py). Review A is measured on titles, so each
case is a title; each was read otherwise before these terms (Review A: mostly the mixed group,
its fallback for a review that names no group)."""

from __future__ import annotations

import pytest

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.records import Record

SR = ": a systematic review"


def labels(protocol: protocol_mod.Protocol, scheme: str, title: str) -> list[str]:
    return [s.label for s in classify.suggest(Record(title=title), protocol.scheme(scheme))]


@pytest.mark.parametrize(
    ("title", "group"),
    [
        ("Return to work after panic disorder" + SR, "mental"),
        ("Work participation in first-episode psychosis" + SR, "mental"),
        ("Sykefravær ved psykiske plager" + SR, "mental"),
        ("Arbetsåtergång vid utbrändhet" + SR, "mental"),
        ("Work interventions for lateral epicondylitis and tendinopathy" + SR, "musculoskeletal"),
        ("Return to work in workers with repetitive strain injury" + SR, "musculoskeletal"),
        ("Sickness absence for soft tissue disorders" + SR, "musculoskeletal"),
        ("Workers' compensation claims for sprains and back injuries" + SR, "musculoskeletal"),
        ("Vocational rehabilitation for people with MSDs" + SR, "musculoskeletal"),
        ("Employment support for people with physical or mental health conditions" + SR, "mixed"),
        ("Return to work with complex regional pain syndrome" + SR, "chronic-pain"),
        ("Work after treatment for melanoma or sarcoma" + SR, "cancer"),
        ("Return to work after subarachnoid haemorrhage" + SR, "brain-injury"),
        ("Return to work in postconcussional syndrome" + SR, "brain-injury"),
        ("Sick notes and return to work" + SR, "gp-employer"),
        ("The role of husläkare in sjukskrivning" + SR, "gp-employer"),
        ("Return-to-work programmes evaluated with the RE-AIM framework" + SR, "implementation"),
        ("Vocational rehabilitation and normalisation process theory" + SR, "implementation"),
    ],
)
def test_review_a_reads_the_standard_names(review_a, title, group):
    assert labels(review_a, "diagnosis-group", title) == [group]


def test_review_a_psychosocial_is_no_psychosis(review_a):
    # psychosis as plain words: the pattern psychos* would also find "psychosocial"
    title = "Psychosocial interventions for return to work" + SR
    assert labels(review_a, "diagnosis-group", title) == ["mixed"]  # the fallback: no group named
    assert labels(review_a, "diagnosis-group", "Work after psychosis" + SR) == ["mental"]


@pytest.mark.parametrize(
    ("scheme", "title", "label"),
    [
        ("health", "Return to work in veterans with PTSD", "mental"),
        ("health", "Employment of people with schizophrenia or bipolar disorder", "mental"),
        ("health", "Sick leave among workers with whiplash", "musculoskeletal"),
        ("health", "Work-related upper limb disorders among cashiers", "musculoskeletal"),
        ("health", "Return to work after TBI and concussion", "chronic-disease"),
        ("health", "Employment after breast carcinoma and lymphoma", "chronic-disease"),
        ("health", "Work participation with multimorbidity", "chronic-disease"),
        ("work", "Fit notes issued by general practitioners", "sick-leave"),
        ("work", "Sick-listing in Sweden: a register study", "sick-leave"),
        ("work", "Sykemelding og arbeidsavklaringspenger", "sick-leave"),
        ("work", "Individual placement and support for veterans", "rehabilitation"),
        ("work", "The supervisor's and line manager's part in return", "working-conditions"),
    ],
)
def test_demo_reads_the_standard_names(demo, scheme, title, label):
    assert labels(demo, scheme, title) == [label]
