"""Times imbalanced-learn's fit_resample on one CSV (header; float features; integer label last).

Prints one line per method: METHOD SECONDS ROWS_OUT, SECONDS being the best of --repeats runs after --warmup
untimed ones. Used by the `resample` benchmark command (ResampleCommand.cs); runnable alone:

    /usr/bin/python3 benchmarks/imblearn_resample.py --csv data.csv --methods smote,borderline,adasyn --repeats 3

With --output OUT.csv it is instead the end-to-end counterpart of `oversample resample` (the `e2e` benchmark
command times the whole process): read the CSV with pandas, one fit_resample of the one method, write the resampled
rows with pandas (same header, label last), nothing timed inside.
"""
import argparse
import time

import numpy as np
from imblearn.over_sampling import ADASYN, SMOTE, BorderlineSMOTE

SAMPLERS = {
    "smote": lambda seed: SMOTE(random_state=seed),
    "borderline": lambda seed: BorderlineSMOTE(kind="borderline-1", random_state=seed),
    "borderline2": lambda seed: BorderlineSMOTE(kind="borderline-2", random_state=seed),
    "adasyn": lambda seed: ADASYN(random_state=seed),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", required=True)
    parser.add_argument("--methods", default="smote,borderline,adasyn")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--warmup", type=int, default=0)
    parser.add_argument("--output")
    parser.add_argument("--label", default="label")
    args = parser.parse_args()
    if args.output:
        end_to_end(args)
        return

    data = np.loadtxt(args.csv, delimiter=",", skiprows=1, dtype=np.float64)
    X = np.ascontiguousarray(data[:, :-1], dtype=np.float32)
    y = data[:, -1].astype(np.int64)
    for method in args.methods.split(","):
        for _ in range(args.warmup):
            SAMPLERS[method](args.seed).fit_resample(X, y)
        best, rows = float("inf"), 0
        for _ in range(args.repeats):
            sampler = SAMPLERS[method](args.seed)
            start = time.perf_counter()
            X_res, _ = sampler.fit_resample(X, y)
            best = min(best, time.perf_counter() - start)
            rows = X_res.shape[0]
        print(f"{method} {best:.6f} {rows}", flush=True)


def end_to_end(args):
    import pandas as pd

    frame = pd.read_csv(args.csv)
    features = [c for c in frame.columns if c != args.label]
    X = frame[features].to_numpy(dtype=np.float32)
    y = frame[args.label].to_numpy()
    X_res, y_res = SAMPLERS[args.methods](args.seed).fit_resample(X, y)
    out = pd.DataFrame(X_res, columns=features)
    out[args.label] = y_res
    out.to_csv(args.output, index=False)
    print(f"{args.methods} rows_out={X_res.shape[0]}", flush=True)


if __name__ == "__main__":
    main()
