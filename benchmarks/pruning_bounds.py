"""How much exact pruning could save on the resample benchmark's 1M x 30 blobs (the best case: each query is given
its true (m+1)-th neighbour distance as the bound from the start).

Prints, for minority queries against all rows:
  - the share of rows a triangle-inequality bound through one centre keeps (|‖q−c‖ − ‖r−c‖|² < bound);
  - for p leading principal components, the share of rows whose partial squared distance over those p rotated
    dimensions stays below the bound, and the arithmetic relative to brute force if survivors finish the rest.

    /usr/bin/python3 benchmarks/pruning_bounds.py [--rows 1000000] [--features 30] [--queries 60]
"""
import argparse

import numpy as np


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--features", type=int, default=30)
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--m", type=int, default=10)
    args = parser.parse_args()
    n, d = args.rows, args.features

    # The same kind of data as ResampleCommand.GaussianBlobs: unit blobs with centres 2 apart, 5% minority.
    rng = np.random.default_rng(0)
    y = (rng.random(n) < 0.05).astype(int)
    X = (rng.standard_normal((n, d)) + y[:, None] * 2 / np.sqrt(d)).astype(np.float32)
    mean = X.mean(0)
    _, vectors = np.linalg.eigh(np.cov((X[::10] - mean).T))
    rotated = (X - mean) @ vectors[:, ::-1]
    radius = np.linalg.norm(X - mean, axis=1)

    dims = [p for p in (2, 4, 6, 8, 10, 12, 16, 20) if p < d]
    kept = {p: [] for p in dims}
    annulus = []
    for q in np.flatnonzero(y == 1)[: args.queries]:
        parts = (rotated - rotated[q]) ** 2
        total = parts.sum(1)
        total[q] = np.inf
        bound = np.partition(total, args.m)[args.m]
        cumulative = np.cumsum(parts, axis=1)
        for p in dims:
            kept[p].append((cumulative[:, p - 1] < bound).mean())
        annulus.append(((radius - radius[q]) ** 2 < bound).mean())

    print(f"{n} rows x {d} features, {args.queries} minority queries, bound = true {args.m + 1}-th neighbour distance")
    print(f"triangle inequality through the mean: keeps {np.mean(annulus):.3f} of the rows")
    for p in dims:
        share = np.mean(kept[p])
        print(f"first {p:2d} principal dimensions: keeps {share:.3f}; arithmetic vs brute force {p / d + share * (d - p) / d:.2f}")


if __name__ == "__main__":
    main()
