#!/usr/bin/python3
"""Generates svm_support.json: scikit-learn SVC(gamma="scale") support vectors and decision values on embedded
binary data sets (features rounded to float32 first, as the library reads them), for the SVM-SMOTE solver tests.

Run once with Debian's python3-sklearn 1.2:  /usr/bin/python3 make_svm_support.py
The output is committed; the tests never call Python.
"""
import json
import os

import numpy as np
from sklearn.svm import SVC

HERE = os.path.dirname(os.path.abspath(__file__))
EMBEDDED = os.path.join(HERE, "..", "..", "..", "src", "Microsoft.ML.Oversampling", "Data", "Embedded")

cases = []
for name in ["ecoli3", "glass2", "haberman", "new-thyroid1", "yeast4"]:
    data = np.loadtxt(os.path.join(EMBEDDED, name + ".csv"), delimiter=",", skiprows=1)
    X = data[:, :-1].astype(np.float32).astype(np.float64)
    y = data[:, -1].astype(int)
    svc = SVC(gamma="scale").fit(X, y)
    cases.append({
        "name": name,
        "gamma": float(svc._gamma),
        "support": [int(i) for i in svc.support_],
        "decision": [float(v) for v in svc.decision_function(X)],
        "labels": [int(v) for v in y],
    })

with open(os.path.join(HERE, "svm_support.json"), "w") as f:
    json.dump(cases, f)
print("wrote", len(cases), "cases")
