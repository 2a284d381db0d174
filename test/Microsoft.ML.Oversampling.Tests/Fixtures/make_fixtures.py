#!/usr/bin/python3
"""Generates the scikit-learn reference fixtures used by the tests. Run once, from this folder:

    /usr/bin/python3 make_fixtures.py

with Debian's python3-sklearn 1.2, python3-scipy 1.10 and python3-imblearn 0.10. The outputs are committed; the tests never call Python.
"""
import json
import os

import numpy as np
from imblearn.metrics import geometric_mean_score
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (accuracy_score, average_precision_score, balanced_accuracy_score, f1_score, log_loss,
                             matthews_corrcoef, precision_score, recall_score, roc_auc_score)

HERE = os.path.dirname(os.path.abspath(__file__))
EMBEDDED = os.path.join(HERE, "..", "..", "..", "src", "Microsoft.ML.Oversampling", "Data", "Embedded")


def metric_case(name, labels, scores, threshold=0.0):
    labels = np.asarray(labels, dtype=bool)
    scores = np.asarray(scores, dtype=np.float32)
    probabilities = (1.0 / (1.0 + np.exp(-scores.astype(np.float64)))).astype(np.float32)
    predicted = scores > threshold
    p64 = probabilities.astype(np.float64)
    return {
        "name": name,
        "labels": labels.astype(int).tolist(),
        "scores": [float(s) for s in scores],
        "expected": {
            "AreaUnderRocCurve": roc_auc_score(labels, scores),
            "AreaUnderPrecisionRecallCurve": average_precision_score(labels, scores),
            "Accuracy": accuracy_score(labels, predicted),
            "F1Score": f1_score(labels, predicted, zero_division=0),
            "PositivePrecision": precision_score(labels, predicted, zero_division=0),
            "PositiveRecall": recall_score(labels, predicted, zero_division=0),
            "NegativePrecision": precision_score(~labels, ~predicted, zero_division=0),
            "NegativeRecall": recall_score(~labels, ~predicted, zero_division=0),
            "GeometricMean": geometric_mean_score(labels, predicted),
            "BalancedAccuracy": balanced_accuracy_score(labels, predicted),
            "MatthewsCorrelation": matthews_corrcoef(labels, predicted),
            "LogLoss": log_loss(labels, np.clip(p64, 1e-15, 1 - 1e-15)),
        },
    }


def metrics_fixture():
    rng = np.random.default_rng(20261122)
    cases = []
    # Continuous scores, imbalanced, informative.
    y = rng.random(300) < 0.1
    cases.append(metric_case("continuous_imbalanced", y, rng.normal(size=300) + 1.5 * y - 1.0))
    # Heavily tied scores (rounded to one decimal): exercises tie handling in AUC and AP.
    y = rng.random(400) < 0.3
    cases.append(metric_case("many_ties", y, np.round(rng.normal(size=400) + y, 1)))
    # All scores equal: AUC 0.5, AP = prevalence, nothing predicted positive.
    y = rng.random(50) < 0.2
    y[0] = True
    cases.append(metric_case("constant_scores", y, np.full(50, -0.25)))
    # Perfect separation.
    y = np.array([False] * 30 + [True] * 10)
    cases.append(metric_case("perfect", y, np.where(y, 2.0, -2.0) + rng.normal(scale=0.1, size=40)))
    with open(os.path.join(HERE, "metrics_sklearn.json"), "w") as f:
        json.dump(cases, f, indent=1)


def logistic_fixture():
    cases = []
    for dataset, c in [("pima", 1.0), ("breast_cancer", 1.0), ("haberman", 0.1)]:
        data = np.loadtxt(os.path.join(EMBEDDED, dataset + ".csv"), delimiter=",", skiprows=1)
        x = data[:, :-1].astype(np.float32).astype(np.float64)  # the library reads float32
        y = data[:, -1] > 0.5
        model = LogisticRegression(C=c, tol=1e-12, max_iter=100000).fit(x, y)
        margins = np.where(y, 1.0, -1.0) * (x @ model.coef_[0] + model.intercept_[0])
        objective = np.sum(np.logaddexp(0, -margins)) + 0.5 / c * np.sum(model.coef_[0] ** 2)
        cases.append({
            "dataset": dataset,
            "l2": 1.0 / c,
            "weights": model.coef_[0].tolist(),
            "bias": float(model.intercept_[0]),
            "probabilities": model.predict_proba(x)[:, 1].tolist(),
            # sum of log-losses + (1/(2C))·|w|^2 at sklearn's solution: an upper bound on the true minimum (sklearn's
            # lbfgs stops short on badly scaled features such as breast_cancer's).
            "objective": objective,
            "n_iter": int(model.n_iter_[0]),
        })
    with open(os.path.join(HERE, "logistic_sklearn.json"), "w") as f:
        json.dump(cases, f, indent=1)


def wilcoxon_fixture():
    from scipy.stats import wilcoxon
    rng = np.random.default_rng(7)
    cases = []
    for name, x, y in [
        ("small_exact", rng.normal(size=10), rng.normal(size=10) + 0.5),
        ("exact_36", rng.normal(size=36), rng.normal(size=36) + 0.2),
        ("large_normal", rng.normal(size=80), rng.normal(size=80) + 0.1),
        ("ties", np.round(rng.normal(size=30), 1), np.round(rng.normal(size=30), 1)),
        ("ties_and_zeros", np.r_[np.round(rng.normal(size=27), 1), 1.0, 2.0, 3.0], np.r_[np.round(rng.normal(size=27), 1), 1.0, 2.0, 3.0]),
        ("all_one_side", np.arange(1, 9, dtype=float), np.zeros(8)),
    ]:
        d = x - y
        d = np.abs(d[d != 0])
        has_ties = len(np.unique(d)) < len(d)
        # With ties SciPy >= 1.11 switches to the normal approximation; 1.10's 'auto' still uses the exact table
        # (not valid with ties), so ask for the approximation explicitly.
        result = wilcoxon(x, y, mode="approx" if has_ties else "auto")
        cases.append({"name": name, "x": x.tolist(), "y": y.tolist(), "statistic": float(result.statistic), "pvalue": float(result.pvalue)})
    with open(os.path.join(HERE, "wilcoxon_scipy.json"), "w") as f:
        json.dump(cases, f, indent=1)


if __name__ == "__main__":
    metrics_fixture()
    logistic_fixture()
    wilcoxon_fixture()
