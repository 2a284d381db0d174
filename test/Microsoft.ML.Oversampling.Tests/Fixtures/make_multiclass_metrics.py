#!/usr/bin/python3
"""Generates metrics_multiclass_sklearn.json, scikit-learn's multiclass imbalance metrics for fixed label/prediction
sets. Run once, from this folder, with Debian's python3-sklearn 1.2:

    /usr/bin/python3 make_multiclass_metrics.py

G-mean is imbalanced-learn's geometric_mean_score with its default average='multiclass': the k-th root of the product
of the per-class recalls, taken here from scikit-learn's recall_score(average=None) (imbalanced-learn is not packaged).
"""
import json
import os

import numpy as np
from sklearn.metrics import balanced_accuracy_score, matthews_corrcoef, recall_score

HERE = os.path.dirname(os.path.abspath(__file__))


def case(name, classes, truth, predicted):
    recalls = recall_score(truth, predicted, labels=list(range(classes)), average=None, zero_division=0)
    return {
        "name": name,
        "classes": classes,
        "labels": [int(v) for v in truth],
        "predicted": [int(v) for v in predicted],
        "expected": {
            "GeometricMean": float(np.prod(recalls) ** (1.0 / classes)),
            "BalancedAccuracy": balanced_accuracy_score(truth, predicted),
            "MatthewsCorrelation": matthews_corrcoef(truth, predicted),
        },
    }


def main():
    rng = np.random.default_rng(20261202)
    cases = []
    # Three imbalanced classes, predictions right 70% of the time, otherwise uniform.
    y = rng.choice(3, size=500, p=[0.75, 0.2, 0.05])
    p = np.where(rng.random(500) < 0.7, y, rng.integers(0, 3, size=500))
    cases.append(case("three_imbalanced", 3, y, p))
    # Five classes with a confusion between neighbours.
    y = rng.choice(5, size=400, p=[0.4, 0.3, 0.15, 0.1, 0.05])
    p = np.clip(y + rng.choice([-1, 0, 0, 0, 1], size=400), 0, 4)
    cases.append(case("five_neighbours", 5, y, p))
    # One class never predicted: G-mean 0, balanced accuracy and MCC still defined.
    y = rng.choice(4, size=200, p=[0.5, 0.3, 0.15, 0.05])
    p = np.where(y == 3, 0, y)
    p = np.where(rng.random(200) < 0.9, p, rng.integers(0, 3, size=200))
    cases.append(case("class_never_predicted", 4, y, p))
    with open(os.path.join(HERE, "metrics_multiclass_sklearn.json"), "w") as f:
        json.dump(cases, f, indent=1)


if __name__ == "__main__":
    main()
