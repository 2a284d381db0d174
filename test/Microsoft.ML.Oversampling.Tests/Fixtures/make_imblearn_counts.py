"""Generates imblearn_counts.csv / imblearn_counts.json: class counts after imbalanced-learn 0.10's fit_resample
for every sampler and sampling-strategy form, on two small data sets (binary and 3-class).

imbalanced-learn 0.10 rejects the "minority" string for over-samplers (its parameter constraints omit it),
so that form is covered by rule-derived tests instead.

Run once with Debian's python3-imblearn:  /usr/bin/python3 make_imblearn_counts.py
"""
import json

import imblearn
import numpy as np
from imblearn.over_sampling import ADASYN, SMOTE, BorderlineSMOTE, RandomOverSampler

rng = np.random.default_rng(20260601)
sizes = {0: 160, 1: 45, 2: 30}
centres = {0: 0.0, 1: 1.2, 2: -1.0}
rows, labels = [], []
for label, size in sizes.items():
    rows.append(rng.normal(centres[label], 1.0, size=(size, 4)))
    labels += [label] * size
X = np.vstack(rows).astype(np.float32)
y = np.array(labels)
order = rng.permutation(len(y))
X, y = X[order], y[order]

with open("imblearn_counts.csv", "w") as f:
    f.write("f0,f1,f2,f3,label\n")
    for features, label in zip(X, y):
        f.write(",".join(repr(float(v)) for v in features) + f",{label}\n")

samplers = {
    "random": lambda s: RandomOverSampler(sampling_strategy=s, random_state=0),
    "smote": lambda s: SMOTE(sampling_strategy=s, random_state=0),
    "borderline": lambda s: BorderlineSMOTE(sampling_strategy=s, random_state=0),
    "adasyn": lambda s: ADASYN(sampling_strategy=s, random_state=0),
}
datasets = {"multiclass": (X, y), "binary": (X[y != 2], y[y != 2])}
strategies = {
    "multiclass": ["auto", "not majority", "not minority", "all", "1:100,2:90"],
    "binary": ["auto", "not minority", "all", "0.5", "0.75", "1:120"],
}


def parse(text):
    if ":" in text:
        return {int(a): int(b) for a, b in (pair.split(":") for pair in text.split(","))}
    try:
        return float(text)
    except ValueError:
        return text


result = {"imblearn": imblearn.__version__, "cases": []}
for name, (data, target) in datasets.items():
    for strategy in strategies[name]:
        for sampler, make in samplers.items():
            _, y_res = make(parse(strategy)).fit_resample(data, target)
            values, counts = np.unique(y_res, return_counts=True)
            result["cases"].append({
                "dataset": name, "strategy": strategy, "sampler": sampler,
                "counts": {str(int(v)): int(c) for v, c in zip(values, counts)},
            })

with open("imblearn_counts.json", "w") as f:
    json.dump(result, f, indent=1)
