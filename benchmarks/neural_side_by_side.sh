#!/usr/bin/env bash
# Side-by-side run of the neural engine against PyTorch (training loop) and numpy/OpenBLAS (SGEMM) on this machine,
# printing each result and the ratios (ours ÷ theirs, higher is better for us).
#   benchmarks/neural_side_by_side.sh [rounds]     # from anywhere; default 3 rounds
# Each pair runs alternately (ours, theirs, ours, theirs, ...) for the given number of rounds and the best result of
# each side is kept, so a burst of load from other processes does not decide the comparison.
# Needs /usr/bin/python3 with torch and numpy. PyTorch runs with OPENBLAS_NUM_THREADS=1 and torch.set_num_threads(2);
# ours uses 2 threads too; both SGEMMs use 2 threads. Benchmarks run one at a time (never two heavy runs on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-/usr/bin/python3}
ROUNDS=${1:-3}
dotnet build benchmarks -c Release -v quiet -nologo >/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

value() { tail -n 1 | cut -d= -f2; }
ours() { dotnet run -c Release --no-build --project benchmarks -- "$@" --threads 2 | tee /dev/stderr | value; }
torch() { OPENBLAS_NUM_THREADS=1 "$PYTHON" benchmarks/torch_neural.py --threads 2 "$@" | tee /dev/stderr | value; }
numpy() { OPENBLAS_NUM_THREADS=2 "$PYTHON" benchmarks/numpy_gemm.py "$@" | tee /dev/stderr | value; }
best() { printf '%s\n' "$@" | sort -g | head -n 1; }        # lowest time
most() { printf '%s\n' "$@" | sort -g | tail -n 1; }        # highest rate

declare -a table
neural() {
  local args=(--d "$1" --hidden "$2" --batch "$3" --rows "$4" --epochs "$5")
  local -a mine=() theirs=()
  for _ in $(seq "$ROUNDS"); do
    mine+=("$(ours neural "${args[@]}")")
    theirs+=("$(torch "${args[@]}")")
  done
  local m t
  m=$(best "${mine[@]}"); t=$(best "${theirs[@]}")
  table+=("$(printf '| neural d=%s h=%s batch=%s rows=%s | %s us/step | %s us/step | %.2fx steps/s |' "$1" "$2" "$3" "$4" "$m" "$t" "$(echo "$t / $m" | bc -l)")")
}

neural 20 128 64 500 200
neural 50 256 256 2048 25

declare -a mine=() theirs=()
for _ in $(seq "$ROUNDS"); do
  mine+=("$(ours gemm --n 1024)")
  theirs+=("$(numpy --n 1024)")
done
m=$(most "${mine[@]}"); t=$(most "${theirs[@]}")
table+=("$(printf '| sgemm 1024x1024x1024 | %s GFLOP/s | %s GFLOP/s | %.2f of OpenBLAS |' "$m" "$t" "$(echo "$m / $t" | bc -l)")")

echo
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores); best of $ROUNDS alternating rounds"
echo
echo "| benchmark | ours | PyTorch / numpy | ratio |"
echo "|---|---|---|---|"
printf '%s\n' "${table[@]}"
