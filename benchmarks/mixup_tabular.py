"""Issue 14's tabular comparison: the Mixup-family strategies inside the study MLP against SMOTE + FastTree.

Usage: mixup_tabular.py benchmarks/results/autosmote.csv benchmarks/results/mixup-tabular.csv
Both CSVs are written by the `autosmote-study` benchmark command (same splits, scaling and MLP for a given dataset and
seed). Only the (dataset, seed) pairs present for every method are used. Prints Markdown: per method the mean macro F1
and balanced accuracy, the average rank on macro F1 over datasets (per-dataset means over the seeds), and the paired
Wilcoxon signed-rank p-value over datasets against FastTree + SMOTE and against MLP + SMOTE.
"""
import collections
import csv
import statistics
import sys

from scipy.stats import rankdata, wilcoxon

BASELINES = ["none", "smote", "fasttree-smote"]


def main(study_path, mixup_path):
    rows = [r for r in csv.DictReader(open(study_path)) if r["method"] in BASELINES]
    rows += list(csv.DictReader(open(mixup_path)))
    methods = BASELINES + sorted({r["method"] for r in rows} - set(BASELINES))
    cells = collections.defaultdict(dict)
    for r in rows:
        cells[(r["dataset"], int(r["seed"]))][r["method"]] = r
    complete = sorted(k for k, v in cells.items() if all(m in v for m in methods))
    datasets = sorted({d for d, _ in complete})
    seeds = sorted({s for _, s in complete})

    def mean(method, dataset, column):
        return statistics.mean(float(cells[(dataset, s)][method][column]) for s in seeds if (dataset, s) in complete)

    f1 = {m: [mean(m, d, "f1") for d in datasets] for m in methods}
    ranks = collections.defaultdict(list)
    for i in range(len(datasets)):
        for m, r in zip(methods, rankdata([-f1[m][i] for m in methods])):
            ranks[m].append(r)

    print(f"{len(datasets)} datasets ({', '.join(datasets)}), seeds {seeds[0]}–{seeds[-1]}, {len(complete)} complete (dataset, seed) cells.\n")
    print("| method | mean macro F1 | mean balanced accuracy | average rank (macro F1) | Wilcoxon p vs FastTree + SMOTE | vs MLP + SMOTE | mean fit s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for m in sorted(methods, key=lambda m: statistics.mean(ranks[m])):
        bacc = statistics.mean(mean(m, d, "balanced_accuracy") for d in datasets)
        fit = statistics.mean(mean(m, d, "fit_seconds") for d in datasets)
        p_tree = "–" if m == "fasttree-smote" else f"{wilcoxon(f1[m], f1['fasttree-smote']).pvalue:.3g}"
        p_smote = "–" if m == "smote" else f"{wilcoxon(f1[m], f1['smote']).pvalue:.3g}"
        print(f"| {m} | {statistics.mean(f1[m]):.3f} | {bacc:.3f} | {statistics.mean(ranks[m]):.2f} | {p_tree} | {p_smote} | {fit:.2f} |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
