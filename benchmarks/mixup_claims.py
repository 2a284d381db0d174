"""Tests the claims of papers.md §4.12 on the mixup-family study CSV (written by the `mixup-family` benchmark command).

Usage: mixup_claims.py benchmarks/results/mixup-family.csv
Prints Markdown: per setting, the paired differences (same seeds) of the claims' method pairs with a paired t
interval, and the Spearman correlation of per-class logit margins with the class counts for ERM, DRW and Mixup-DRW.
"""
import collections
import csv
import statistics
import sys

from scipy.stats import spearmanr, t


def load(path):
    runs = collections.defaultdict(dict)
    for row in csv.DictReader(open(path, newline="")):
        runs[(row["setting"], row["method"])][int(row["seed"])] = row
    return runs


def paired(runs, setting, a, b, column):
    """Mean and 95% t half-width of a − b over the seeds both have."""
    seeds = sorted(set(runs[(setting, a)]) & set(runs[(setting, b)]))
    diffs = [float(runs[(setting, a)][s][column]) - float(runs[(setting, b)][s][column]) for s in seeds]
    if len(diffs) < 2:
        return None
    half = t.ppf(0.975, len(diffs) - 1) * statistics.stdev(diffs) / len(diffs) ** 0.5
    return statistics.mean(diffs), half, len(diffs)


def cell(result):
    if result is None:
        return "–"
    mean, half, n = result
    verdict = "holds" if mean - half > 0 else ("reversed" if mean + half < 0 else "within noise")
    return f"{mean:+.2f} ± {half:.2f} ({verdict})"


def margin_correlation(runs, setting, method):
    """Mean over seeds of Spearman's ρ between a class's training count and its mean logit margin."""
    rhos = []
    for row in runs[(setting, method)].values():
        counts = [float(v) for v in row["counts"].split()]
        margins = [float(v) for v in row["class_margin"].split()]
        rhos.append(spearmanr(counts, margins).statistic)
    return statistics.mean(rhos) if rhos else float("nan")


def main(path):
    runs = load(path)
    settings = sorted({s for s, _ in runs}, key=lambda s: (s.split("-")[0], int(s.split("-")[1])))
    pairs = [
        ("mamix-drw", "mixup-drw", "MAMix ≥ Mixup"),
        ("mixup-drw", "drw", "Mixup-DRW > DRW"),
        ("mamix-drw", "drw", "MAMix-DRW > DRW"),
        ("soft-smote-drw", "smote-drw", "soft SMOTE > SMOTE"),
        ("smote-drw", "drw", "SMOTE-DRW > DRW"),
        ("drw", "erm", "DRW > ERM"),
    ]
    print("Paired differences over seeds, last-epoch accuracy, points (mean ± 95% t half-width; verdict):\n")
    print("| setting | " + " | ".join(p[2] for p in pairs) + " |")
    print("|---|" + "---|" * len(pairs))
    for setting in settings:
        print(f"| {setting} | " + " | ".join(cell(paired(runs, setting, a, b, "last_acc")) for a, b, _ in pairs) + " |")

    print("\nThe same for tail accuracy (the 3 smallest classes):\n")
    print("| setting | " + " | ".join(p[2] for p in pairs) + " |")
    print("|---|" + "---|" * len(pairs))
    for setting in settings:
        print(f"| {setting} | " + " | ".join(cell(paired(runs, setting, a, b, "tail_acc")) for a, b, _ in pairs) + " |")

    methods = ["erm", "drw", "mixup-drw", "mamix-drw", "soft-smote-drw"]
    print("\nSpearman correlation of per-class mean logit margin with the class's training count (mean over seeds;"
          " negative = minority classes get the larger margins):\n")
    print("| setting | " + " | ".join(methods) + " |")
    print("|---|" + "---|" * len(methods))
    for setting in settings:
        print(f"| {setting} | " + " | ".join(f"{margin_correlation(runs, setting, m):+.2f}" for m in methods) + " |")


if __name__ == "__main__":
    main(sys.argv[1])
