#!/usr/bin/env bash
# Side-by-side benchmark of the classic oversamplers against imbalanced-learn 0.10 (Debian python3-imblearn).
# Usage: benchmarks/run_resample_benchmark.sh [extra options of the `resample` command]
# Default grid: n = 10k, 100k x d = 10, 30, 100, 5% minority, plus the larger real data sets; add
# "--large 1000000" to include 1M rows at d = 30 (imbalanced-learn needs ~2 min per method there).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project benchmarks -- resample "$@"
