#!/usr/bin/env bash
# Side-by-side training-step run of the deep generators' TorchSharp layer against PyTorch 1.13 on the same networks
# (Deep SMOTE-shaped: input 2d, two hidden ReLU layers of width h, output d, Adam lr 1e-3, MSE), printing each
# result and the ratio of steps per second (ours ÷ PyTorch, higher is better for us).
#   benchmarks/neural_side_by_side.sh [rounds]     # from anywhere; default 3 rounds
# Each pair runs alternately (ours, theirs, ours, theirs, ...) for the given number of rounds and the best result of
# each side is kept, so a burst of load from other processes does not decide the comparison.
# Ours: TorchSharp 0.107 (LibTorch 2.10) at the library's pinned 1 intra-op thread, with the library's fused Adam
# (and, for reference, TorchSharp's torch.optim.Adam). PyTorch: /usr/bin/python3 (Debian's python3-torch 1.13) with
# OPENBLAS_NUM_THREADS=1, at torch.set_num_threads 1 and 2, the faster kept. One benchmark runs at a time.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-/usr/bin/python3}
ROUNDS=${1:-3}
dotnet build benchmarks -c Release -v quiet -nologo >/dev/null
BENCH=benchmarks/bin/Release/net10.0/Microsoft.ML.Oversampling.Benchmarks.dll
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

value() { tail -n 1 | cut -d= -f2; }
ours() { dotnet "$BENCH" neural "$@" | tee /dev/stderr | value; }
torch() { OPENBLAS_NUM_THREADS=1 "$PYTHON" benchmarks/torch_neural.py "$@" | tee /dev/stderr | value; }
best() { printf '%s\n' "$@" | sort -g | head -n 1; }        # lowest time

declare -a table
neural() {
  local args=(--d "$1" --hidden "$2" --batch "$3" --rows "$4" --epochs "$5")
  local -a fused=() stock=() theirs=()
  for _ in $(seq "$ROUNDS"); do
    fused+=("$(ours "${args[@]}" --optimizer fused)")
    theirs+=("$(torch "${args[@]}" --threads 1)")
    stock+=("$(ours "${args[@]}" --optimizer torch)")
    theirs+=("$(torch "${args[@]}" --threads 2)")
  done
  local f s t
  f=$(best "${fused[@]}"); s=$(best "${stock[@]}"); t=$(best "${theirs[@]}")
  table+=("$(printf '| d=%s h=%s batch=%s | %s | %s | %s | %.2fx | %.2fx |' "$1" "$2" "$3" "$f" "$s" "$t" "$(echo "$t / $f" | bc -l)" "$(echo "$t / $s" | bc -l)")")
}

neural 20 128 64 500 100
neural 50 256 256 2048 10
neural 20 128 1024 4096 20

echo
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores); best of $ROUNDS alternating rounds; µs per step"
echo
echo "| network | TorchSharp, fused Adam | TorchSharp, torch.optim.Adam | PyTorch 1.13 (best of 1, 2 threads) | ratio, fused | ratio, torch.optim |"
echo "|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${table[@]}"
