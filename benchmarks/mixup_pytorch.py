"""PyTorch twin of `dotnet benchmarks/bin/Release/net10.0/Microsoft.ML.Oversampling.Benchmarks.dll mixup-family`.

The imbalanced-DL recipe (papers.md §4.7) on Fashion-MNIST-LT with the MLP 784-512-256-10: SGD lr 0.1, momentum 0.9,
weight decay 2e-4, batch 128, linear warm-up over 5 epochs, x0.01 after 80 % and x0.0001 after 90 % of the epochs, DRW
(class-balanced weights, beta 0.9999, sum = C) from epoch floor(0.8 E); Mixup / MAMix with one lambda ~ Beta(1, 1) per
batch. Pixels are (p/255 - 0.2860)/0.3530. The balanced 10k test set is evaluated after every epoch (last and best
accuracy printed). The long-tailed subset is drawn as imbalanced-DL draws it (numpy seed 0, per-class shuffle), so
it has the C# study's counts but not its rows. Run with OPENBLAS_NUM_THREADS=1 and --threads 1 (LibTorch's pin).
"""
import argparse
import gzip
import time

import numpy as np
import torch
import torch.nn.functional as F

DATA = "/usr/share/datasets/fashion-mnist"


def idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    rank = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


def load(prefix):
    x = idx(f"{DATA}/{prefix}-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32)
    y = idx(f"{DATA}/{prefix}-labels-idx1-ubyte.gz").astype(np.int64)
    return torch.from_numpy((x / 255 - 0.2860) / 0.3530), torch.from_numpy(y)


def long_tail(y, rho, step):
    classes, largest = 10, len(y) // 10
    if step:
        counts = [largest if c < classes // 2 else int(largest * (1 / rho)) for c in range(classes)]
    else:
        counts = [int(largest * (1 / rho) ** (c / (classes - 1.0))) for c in range(classes)]
    np.random.seed(0)
    keep = []
    for c in range(classes):
        rows = np.where(y.numpy() == c)[0]
        np.random.shuffle(rows)
        keep.extend(rows[:counts[c]])
    return torch.tensor(sorted(keep)), counts


def factor(epoch, epochs):
    e = epoch + 1
    if e <= 5:
        return e / 5
    if e > epochs * 9 // 10:
        return 1e-4
    return 0.01 if e > epochs * 8 // 10 else 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rho", type=float, default=100)
    parser.add_argument("--step", action="store_true")
    parser.add_argument("--method", default="erm", choices=["erm", "drw", "mixup-drw", "mamix-drw"])
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--save-subset", help="write the long-tailed subset's training rows (one pool index per line) for mixup-family --subset")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    x_pool, y_pool = load("train")
    x_test, y_test = load("t10k")
    rows, counts = long_tail(y_pool, args.rho, args.step)
    if args.save_subset:
        with open(args.save_subset, "w") as f:
            f.writelines(f"{r}\n" for r in rows.tolist())
    x, y = x_pool[rows], y_pool[rows]
    counts_t = torch.tensor(counts, dtype=torch.float64)
    beta = 0.9999
    w = (1 - beta) / (1 - beta ** counts_t)
    w = (w / w.sum() * 10).float()
    eta = counts_t.pow(-0.25)

    start = time.perf_counter()
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    model = torch.nn.Sequential(torch.nn.Linear(784, 512), torch.nn.ReLU(), torch.nn.Linear(512, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=2e-4)
    drw = args.method.endswith("drw")
    n, accuracy = len(y), []
    for epoch in range(args.epochs):
        for group in opt.param_groups:
            group["lr"] = 0.1 * factor(epoch, args.epochs)
        weights = w if drw and epoch >= args.epochs * 8 // 10 else None
        model.train()
        order = torch.randperm(n)
        for s in range(0, n, 128):
            b = order[s:s + 128]
            xb, yb = x[b], y[b]
            if args.method in ("mixup-drw", "mamix-drw"):
                lam = float(np.random.beta(1, 1))  # lambda = the partner's weight
                perm = torch.randperm(len(b))
                yp = yb[perm]
                mixed = (1 - lam) * xb + lam * xb[perm]
                if args.method == "mamix-drw":
                    m = (eta[yb] / (eta[yb] + eta[yp])).float()
                    mu = torch.where(lam < m, 1 - lam / (2 * m), (1 - lam) / (2 * (1 - m)))
                else:
                    mu = torch.full((len(b),), 1 - lam)
                out = model(mixed)
                loss = (mu * F.cross_entropy(out, yb, weight=weights, reduction="none")
                        + (1 - mu) * F.cross_entropy(out, yp, weight=weights, reduction="none")).mean()
            else:
                loss = F.cross_entropy(model(xb), yb, weight=weights, reduction="none").mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            accuracy.append((model(x_test).argmax(1) == y_test).float().mean().item())
    seconds = time.perf_counter() - start
    print(f"{'step' if args.step else 'exp'}-{args.rho:g},{args.method},{args.seed},last={100 * accuracy[-1]:.2f},best={100 * max(accuracy):.2f},"
          f"fit_seconds={seconds:.2f},counts={counts},torch {torch.__version__} threads {torch.get_num_threads()}")


if __name__ == "__main__":
    main()
