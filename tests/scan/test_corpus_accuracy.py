"""The labelled corpus (tests/data/scan_corpus/labels.json): the accuracy goals of issue 17."""

import json
from pathlib import Path

from zdrscan import scan_path
from zdrscan.accuracy import measure

CORPUS = Path(__file__).resolve().parents[1] / "data" / "scan_corpus"


def corpus_accuracy():
    return measure(scan_path(CORPUS).findings, json.loads((CORPUS / "labels.json").read_text()))


def test_overall_precision_and_recall_meet_the_goals():
    accuracy = corpus_accuracy()
    assert accuracy.overall.precision >= 0.95, accuracy.extras
    assert accuracy.overall.recall >= 0.90, accuracy.misses


def test_no_endpoint_falls_below_point_eight():
    weak = {endpoint: (round(score.precision, 2), round(score.recall, 2))
            for endpoint, score in corpus_accuracy().by_endpoint.items()
            if score.precision < 0.8 or score.recall < 0.8}
    assert weak == {}


def test_the_corpus_covers_every_endpoint_the_sdks_reach():
    labelled = {label["endpoint"] for label in json.loads((CORPUS / "labels.json").read_text())}
    assert labelled >= {"/v1/chat/completions", "/v1/responses", "/v1/conversations", "/v1/conversations/items",
                        "/v1/assistants", "/v1/threads", "/v1/threads/messages", "/v1/threads/runs",
                        "/v1/threads/runs/steps", "/v1/vector_stores", "/v1/images/generations", "/v1/images/edits",
                        "/v1/embeddings", "/v1/audio/transcriptions", "/v1/audio/translations", "/v1/audio/speech",
                        "/v1/files", "/v1/fine_tuning/jobs", "/v1/evals", "/v1/batches", "/v1/moderations",
                        "/v1/completions", "/v1/realtime", "/v1/videos"}


def test_features_and_models_on_the_matched_calls_are_right():
    accuracy = corpus_accuracy()
    assert accuracy.features.precision >= 0.95 and accuracy.features.recall >= 0.95
    assert accuracy.models.precision >= 0.95 and accuracy.models.recall >= 0.95
