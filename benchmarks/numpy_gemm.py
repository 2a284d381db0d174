"""numpy/OpenBLAS twin of `dotnet run -c Release --project benchmarks -- gemm`.

Times an n x n x n float32 product (best of --repeats runs after 3 warm-ups) and ends with `gflops=<number>`.
The thread count is OpenBLAS's (set OPENBLAS_NUM_THREADS before starting Python).
"""
import argparse
import time

import numpy as np


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1024)
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args()

    n = args.n
    rng = np.random.default_rng(1)
    a = rng.random((n, n), dtype=np.float32)
    b = rng.random((n, n), dtype=np.float32)
    c = np.empty((n, n), dtype=np.float32)
    for _ in range(3):
        np.matmul(a, b, out=c)
    best = float("inf")
    for _ in range(args.repeats):
        start = time.perf_counter()
        np.matmul(a, b, out=c)
        best = min(best, time.perf_counter() - start)
    print(f"n={n} best_ms={best * 1e3:.3f}")
    print(f"gflops={2.0 * n ** 3 / best / 1e9:.1f}")


if __name__ == "__main__":
    main()
