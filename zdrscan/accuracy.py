"""Precision and recall of a scan against hand-written labels, per endpoint.

A finding matches a label on the same file, line and endpoint; features are then compared on the
matched pairs, so a right endpoint with a missed `store=True` still shows in the feature figures.
"""

from collections import Counter
from dataclasses import dataclass


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self):
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self):
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


@dataclass
class Accuracy:
    overall: Score
    by_endpoint: dict
    features: Score
    models: Score
    misses: list  # labels not found
    extras: list  # findings not labelled


def measure(findings, labels):
    """Accuracy of findings (dicts or Finding) against labels ({file, line, endpoint, features})."""
    found = {}
    for finding in findings:
        item = finding if isinstance(finding, dict) else finding.as_dict()
        found.setdefault((item["file"], item["line"], item["endpoint"]), item)
    expected = {(label["file"], label["line"], label["endpoint"]): label for label in labels}
    overall, features, models, by_endpoint = Score(), Score(), Score(), {}
    for key in found.keys() | expected.keys():
        score = by_endpoint.setdefault(key[2], Score())
        if key in found and key in expected:
            for target in (overall, score):
                target.true_positives += 1
            for field, target in (("features", features), ("models", models)):
                got, want = Counter(found[key][field]), Counter(expected[key].get(field, []))
                target.true_positives += sum((got & want).values())
                target.false_positives += sum((got - want).values())
                target.false_negatives += sum((want - got).values())
        elif key in found:
            for target in (overall, score):
                target.false_positives += 1
        else:
            for target in (overall, score):
                target.false_negatives += 1
    misses = [expected[key] for key in sorted(expected.keys() - found.keys())]
    extras = [found[key] for key in sorted(found.keys() - expected.keys())]
    return Accuracy(overall=overall, by_endpoint=dict(sorted(by_endpoint.items())), features=features,
                    models=models, misses=misses, extras=extras)


def table(accuracy):
    """Lines of a plain-text table: endpoint, precision, recall, counts."""
    rows = [f"{'endpoint':<28} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for endpoint, score in [*accuracy.by_endpoint.items(), ("overall", accuracy.overall),
                            ("features (on matched calls)", accuracy.features),
                            ("models (on matched calls)", accuracy.models)]:
        rows.append(f"{endpoint:<28} {score.precision:>9.2f} {score.recall:>7.2f} {score.true_positives:>4} "
                    f"{score.false_positives:>4} {score.false_negatives:>4}")
    return rows
