using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// Deep SMOTE's training: a network learns, with MSE, to map two concatenated class rows to a random interpolation
/// between them. Each epoch draws fresh pairs and fresh u; training stops early on a fixed held-out set of pairs and
/// keeps the best weights.
/// </summary>
internal static class PairRegressionTraining
{
    public static void Train(Network network, DenseMatrix rows, DeepSmoteOptions options, PairSampler pairs, int noise, DeterministicRandom random, Device device)
    {
        int d = rows.Columns;
        int width = (2 * d) + noise;
        int perEpoch = (int)Math.Min(int.MaxValue / 4, Math.Max(options.MinPairsPerEpoch, (long)options.PairsPerRow * rows.Rows));
        int validationCount = Math.Max(1, (int)Math.Ceiling(perEpoch * options.ValidationFraction));

        var validationRandom = random.Fork();
        var (validationInput, validationTarget) = DrawPairs(rows, pairs, validationCount, noise, options.SymmetricPairs, validationRandom, enumerationStart: 0);
        var validation = new DenseMatrix(validationCount, width, validationInput);

        TorchThreads.Pin();
        using var trainer = new NetworkTrainer(network, options.LearningRate);
        int batch = Math.Min(options.BatchSize, perEpoch);
        double best = double.PositiveInfinity;
        Tensor? bestState = null;
        int sinceBest = 0;
        try
        {
            for (int epoch = 0; epoch < options.MaxEpochs && sinceBest < options.Patience; epoch++)
            {
                var (input, target) = DrawPairs(rows, pairs, perEpoch, noise, options.SymmetricPairs, random, (long)epoch * perEpoch);
                for (int start = 0; start < perEpoch; start += batch)
                {
                    int size = Math.Min(batch, perEpoch - start);
                    trainer.Step(() => nn.functional.mse_loss(
                        network.Module.forward(TensorRows.Upload(input.AsSpan(start * width, size * width), size, width, device)),
                        TensorRows.Upload(target.AsSpan(start * d, size * d), size, d, device)));
                }

                double loss = MeanSquaredError(NetworkInference.Predict(network.Module, validation, d, device), validationTarget);
                if (loss < best)
                {
                    best = loss;
                    bestState?.Dispose();
                    bestState = network.Parameters.Snapshot();
                    sinceBest = 0;
                }
                else
                {
                    sinceBest++;
                }
            }

            if (bestState is not null)
            {
                network.Parameters.Restore(bestState);
            }
        }
        finally
        {
            bestState?.Dispose();
        }
    }

    /// <summary>Draws <paramref name="count"/> pairs with their inputs and SMOTE targets (half swapped when symmetric).</summary>
    public static (float[] Input, float[] Target) DrawPairs(
        DenseMatrix rows, PairSampler pairs, int count, int noise, bool symmetric, DeterministicRandom random, long enumerationStart)
    {
        var first = new int[count];
        var second = new int[count];
        pairs.Draw(first, second, random, enumerationStart);
        if (symmetric)
        {
            for (int t = 0; t < count; t++)
            {
                if ((random.NextUInt64() & 1) != 0)
                {
                    (first[t], second[t]) = (second[t], first[t]);
                }
            }
        }

        var input = new float[count * ((2 * rows.Columns) + noise)];
        var target = new float[count * rows.Columns];
        PairBatch.Fill(rows, first, second, noise, random, input);
        PairBatch.Targets(rows, first, second, random, target);
        return (input, target);
    }

    private static double MeanSquaredError(DenseMatrix prediction, float[] target)
    {
        double total = 0;
        for (int i = 0; i < target.Length; i++)
        {
            double e = prediction.Values[i] - target[i];
            total += e * e;
        }

        return total / target.Length;
    }
}
