#!/usr/bin/env bash
# Side-by-side run of the neural engine against PyTorch (training loop) and numpy/OpenBLAS (SGEMM), one after the
# other on the same machine, printing each result and the ratios (ours ÷ theirs, higher is better).
#   benchmarks/neural_side_by_side.sh            # from the repository root
# Needs /usr/bin/python3 with torch and numpy. PyTorch runs with OPENBLAS_NUM_THREADS=1 and torch.set_num_threads(2);
# both SGEMMs use 2 threads. Benchmarks run one at a time: never start two heavy runs together on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-/usr/bin/python3}
dotnet build benchmarks -c Release -v quiet -nologo >/dev/null
ours() { dotnet run -c Release --no-build --project benchmarks -- "$@" | tee /dev/stderr | tail -n 1 | cut -d= -f2; }
torch() { OPENBLAS_NUM_THREADS=1 "$PYTHON" benchmarks/torch_neural.py --threads 2 "$@" | tee /dev/stderr | tail -n 1 | cut -d= -f2; }

declare -a rows
run_neural() {
  local d=$1 h=$2 b=$3 n=$4 e=$5
  local args=(--d "$d" --hidden "$h" --batch "$b" --rows "$n" --epochs "$e")
  local mine theirs
  mine=$(ours neural "${args[@]}")
  theirs=$(torch "${args[@]}")
  rows+=("$(printf 'neural d=%s h=%s b=%s | ours %s us/step | PyTorch %s us/step | speed-up %.2fx' \
    "$d" "$h" "$b" "$mine" "$theirs" "$(echo "$theirs / $mine" | bc -l)")")
}

run_neural 20 128 64 500 200
run_neural 50 256 256 2048 25

mine=$(ours gemm --n 1024)
theirs=$(OPENBLAS_NUM_THREADS=2 "$PYTHON" benchmarks/numpy_gemm.py --n 1024 | tee /dev/stderr | tail -n 1 | cut -d= -f2)
rows+=("$(printf 'sgemm n=1024 | ours %s GFLOP/s | numpy/OpenBLAS %s GFLOP/s | ratio %.2f' "$mine" "$theirs" "$(echo "$mine / $theirs" | bc -l)")")

echo
printf '%s\n' "${rows[@]}"
