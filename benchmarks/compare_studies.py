"""Compares one method of a study CSV with one method of another, paired by dataset (same seeds and folds).

Usage: compare_studies.py A.csv B.csv METHOD_A METHOD_B
Prints, per metric, on how many datasets A's mean is higher/lower than B's and the paired Wilcoxon signed-rank p-value,
then the same for the standard deviation across seeds (lower = more stable).
"""
import collections
import csv
import statistics
import sys

from scipy.stats import wilcoxon


def load(path):
    runs = collections.defaultdict(list)
    for row in csv.DictReader(open(path, newline="")):
        if not row["error"]:
            runs[(row["dataset"], row["method"])].append(row)
    return runs


def main(path_a, path_b, method_a, method_b):
    a, b = load(path_a), load(path_b)
    datasets = sorted({d for d, m in a if m == method_a} & {d for d, m in b if m == method_b})
    for metric in ["F1Score", "AreaUnderRocCurve", "PositivePrecision", "PositiveRecall"]:
        x = [statistics.mean(float(r[metric]) for r in a[(d, method_a)]) for d in datasets]
        y = [statistics.mean(float(r[metric]) for r in b[(d, method_b)]) for d in datasets]
        higher = sum(p > q for p, q in zip(x, y))
        lower = sum(p < q for p, q in zip(x, y))
        print(f"{metric}: {method_a} higher on {higher}, lower on {lower} of {len(datasets)}; p={wilcoxon(x, y).pvalue:.3g}")
    for metric in ["F1Score", "AreaUnderRocCurve"]:
        x = [statistics.stdev(float(r[metric]) for r in a[(d, method_a)]) for d in datasets]
        y = [statistics.stdev(float(r[metric]) for r in b[(d, method_b)]) for d in datasets]
        lower = sum(p < q for p, q in zip(x, y))
        higher = sum(p > q for p, q in zip(x, y))
        print(f"{metric} std: {method_a} lower on {lower}, higher on {higher} of {len(datasets)}; "
              f"p={wilcoxon(x, y).pvalue:.3g}; median {statistics.median(x):.4f} vs {statistics.median(y):.4f}")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
