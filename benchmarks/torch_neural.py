"""PyTorch twin of `dotnet run -c Release --project benchmarks -- neural` (the deep generators' TorchSharp layer).

Trains the Deep SMOTE-shaped network (input 2d = two rows side by side, two hidden ReLU layers of width h,
output d; Adam lr 1e-3; MSE to the interpolation u*a + (1-u)*b) on fresh random pairs each epoch, and ends
with `us_per_step=<number>`. Run with OPENBLAS_NUM_THREADS=1; --threads sets torch.set_num_threads (default 2).
"""
import argparse
import time

import torch


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--d", type=int, default=20)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--epochs", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    d, h, rows = args.d, args.hidden, args.rows
    data = torch.randn(rows, d)
    model = torch.nn.Sequential(
        torch.nn.Linear(2 * d, h), torch.nn.ReLU(),
        torch.nn.Linear(h, h), torch.nn.ReLU(),
        torch.nn.Linear(h, d))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.MSELoss()

    steps = 0
    start = 0.0
    loss = torch.zeros(())
    for epoch in range(args.warmup + args.epochs):
        if epoch == args.warmup:
            start = time.perf_counter()
            steps = 0
        first = torch.randint(rows, (rows,))
        second = torch.randint(rows, (rows,))
        mix = torch.rand(rows, 1)
        for offset in range(0, rows, args.batch):
            a = data[first[offset:offset + args.batch]]
            b = data[second[offset:offset + args.batch]]
            u = mix[offset:offset + args.batch]
            inputs = torch.cat([a, b], dim=1)
            target = u * a + (1 - u) * b
            prediction = model(inputs)
            loss = loss_fn(prediction, target)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            steps += 1

    seconds = time.perf_counter() - start
    print(f"d={d} hidden={h} batch={args.batch} rows={rows} epochs={args.epochs} steps={steps} "
          f"threads={torch.get_num_threads()} final_loss={loss.item():.6g}")
    print(f"us_per_step={seconds * 1e6 / steps:.1f}")


if __name__ == "__main__":
    main()
