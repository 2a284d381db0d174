"""PyTorch twin of `dotnet run -c Release --project benchmarks -- deep-mlp`.

Trains the same MLP (d -> 64 ReLU -> 1 logit, PyTorch's default nn.Linear initialisation, Adam lr 1e-3,
binary cross-entropy with logits, batch 128, reshuffled every epoch) on an embedded dataset, min-max scaled,
and prints `fit_seconds=` and `ms_per_epoch=`. Run with OPENBLAS_NUM_THREADS=1; torch.set_num_threads(1) unless told.
"""
import argparse
import csv
import time

import torch


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default="yeast4")
    parser.add_argument("--epochs", type=int, default=200)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    path = f"src/Microsoft.ML.Oversampling/Datasets/Embedded/{args.dataset}.csv"
    with open(path) as f:
        rows = list(csv.reader(f))[1:]
    x = torch.tensor([[float(v) for v in r[:-1]] for r in rows])
    y = torch.tensor([[float(r[-1] == "1")] for r in rows])
    lo, hi = x.min(0).values, x.max(0).values
    x = torch.where(hi > lo, (x - lo) / (hi - lo).clamp_min(1e-30), torch.zeros_like(x))

    start = time.perf_counter()
    model = torch.nn.Sequential(torch.nn.Linear(x.shape[1], args.hidden), torch.nn.ReLU(), torch.nn.Linear(args.hidden, 1))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    n = x.shape[0]
    for _ in range(args.epochs):
        order = torch.randperm(n)
        for s in range(0, n, args.batch):
            rows_ = order[s:s + args.batch]
            optimizer.zero_grad()
            loss = loss_fn(model(x[rows_]), y[rows_])
            loss.backward()
            optimizer.step()
    seconds = time.perf_counter() - start
    print(f"fit_seconds={seconds:.2f} ms_per_epoch={1000 * seconds / args.epochs:.2f} final_batch_loss={loss.item():.5f}")


if __name__ == "__main__":
    main()
