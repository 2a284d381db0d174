using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>
/// The deep classifier's training loop on the Generators layer (<see cref="NetworkTrainer"/>: fused Adam on flat
/// parameters, one dispose scope per step): each epoch shuffles the rows with the fit's seeded stream and runs
/// mini-batches through an <see cref="ITrainingBatchHook"/>; the loss is the weighted-target cross-entropy the hook
/// defines. With a validation set it keeps the best epoch's weights and stops after <c>patience</c> epochs without one.
/// </summary>
internal static class ClassifierTraining
{
    /// <summary>Trains <paramref name="network"/> in place.</summary>
    public static TrainingHistory Train(
        FlatModule network, ClassRows train, ClassRows? validation, int classes, DeepMlpOptions options,
        ITrainingBatchHook hook, DeterministicRandom random, Device device)
    {
        int n = train.Features.Rows, d = train.Features.Columns;
        bool binary = classes == 2;
        int[] counts = new int[classes];
        foreach (int c in train.Classes)
        {
            counts[c]++;
        }

        TorchThreads.Pin();
        var trainable = hook as ITrainableBatchHook;
        trainable?.Begin(train, classes, random, device);
        FusedAdam[] hookOptimizers = trainable is null ? [] : [.. trainable.Parameters.Select(p => new FusedAdam(p, trainable.LearningRate))];
        using var trainer = options.Optimizer == DeepOptimizer.Sgd
            ? new NetworkTrainer(new Network(network, network.Flat), new FusedSgd(network.Flat, options.LearningRate, options.Momentum, options.WeightDecay))
            : new NetworkTrainer(new Network(network, network.Flat), options.LearningRate, weightDecay: options.WeightDecay);
        using Tensor x = TensorRows.Upload(train.Features.Values, n, d, device);
        using Tensor y = tensor(train.Classes.Select(c => (long)c).ToArray(), device: device);
        using Tensor oneHot = OneHot(y, classes);
        var order = Enumerable.Range(0, n).ToArray();
        int epochRows = hook.RowsPerEpoch(counts);
        var orderLong = new long[epochRows];
        int batch = Math.Min(options.BatchSize, n);
        var trainingLoss = new List<double>();
        var validationLoss = new List<double>();
        double best = double.PositiveInfinity;
        int bestEpoch = -1, sinceBest = 0, step = 0;
        Tensor? bestState = null;
        try
        {
            for (int epoch = 0; epoch < options.MaxEpoch && sinceBest < options.EarlyStoppingPatience; epoch++)
            {
                // One shuffle per pass over the rows; an epoch longer than one pass cycles through fresh shuffles.
                for (int pass = 0; pass * n < epochRows; pass++)
                {
                    random.Shuffle(order.AsSpan());
                    for (int i = 0, at = pass * n; i < n && at < epochRows; i++, at++)
                    {
                        orderLong[at] = order[i];
                    }
                }

                trainer.Optimizer.LearningRate = options.LearningRate * LearningRateSchedule.Factor(options.LearningRateSchedule, epoch, options.MaxEpoch);
                using Tensor permutation = tensor(orderLong, device: device);
                network.train();
                double total = 0;
                for (int start = 0; start < epochRows; start += batch)
                {
                    int size = Math.Min(batch, epochRows - start);
                    var context = new TrainingBatch(epoch, step++, counts, random);
                    trainer.Step(() =>
                    {
                        ZeroGradients(trainable);
                        Tensor rows = permutation.narrow(0, start, size);
                        var (inputs, targets) = hook.Prepare(x.index_select(0, rows), y.index_select(0, rows), oneHot.index_select(0, rows), context);
                        Tensor loss = Loss(network.forward(inputs), targets, binary);
                        total += loss.item<float>() * (double)size;
                        return trainable?.Penalty() is { } penalty ? loss.Plus(penalty) : loss;
                    }, trainable is null ? null : trainable.Backward);
                    foreach (FusedAdam optimizer in hookOptimizers)
                    {
                        optimizer.Step();
                    }
                }

                network.eval();
                trainingLoss.Add(total / epochRows);
                options.AfterEpoch?.Invoke(epoch, network);
                if (validation is not null)
                {
                    double loss = MeanLoss(network, validation, classes, device);
                    validationLoss.Add(loss);
                    if (loss < best)
                    {
                        best = loss;
                        bestEpoch = epoch;
                        bestState?.Dispose();
                        bestState = network.Flat.Snapshot();
                        sinceBest = 0;
                    }
                    else
                    {
                        sinceBest++;
                    }
                }
            }

            if (bestState is not null)
            {
                network.Flat.Restore(bestState);
            }
        }
        finally
        {
            bestState?.Dispose();
            network.eval();
            foreach (FusedAdam optimizer in hookOptimizers)
            {
                optimizer.Dispose();
            }
        }

        return new TrainingHistory(trainingLoss, validationLoss, validation is null ? trainingLoss.Count - 1 : bestEpoch);
    }

    /// <summary>
    /// <c>mean_b(−Σ_c T[b, c]·log p_c)</c>, with p the softmax of the logits, or for one logit z (binary) p₁ = σ(z):
    /// then −(T₁·log σ(z) + T₀·log σ(−z)) = (T₀ + T₁)·softplus(z) − T₁·z, the stable binary cross-entropy with
    /// logits in five operations.
    /// </summary>
    public static Tensor Loss(Tensor logits, Tensor targets, bool binary)
    {
        if (binary)
        {
            using Tensor weight = targets.sum(1, keepdim: true);
            using Tensor positive = targets.narrow(1, 1, 1);
            using Tensor softplus = logits.Softplus();
            using Tensor weighted = softplus.mul(weight);
            using Tensor linear = logits.mul(positive);
            using Tensor perRow = weighted.Minus(linear);
            return perRow.mean();
        }

        using Tensor logProbabilities = logits.log_softmax(1);
        using Tensor product = targets.mul(logProbabilities);
        using Tensor sum = product.sum(1);
        using Tensor mean = sum.mean();
        return mean.neg();
    }

    /// <summary>Zeroes a trainable hook's gradients before a step's backward pass.</summary>
    private static void ZeroGradients(ITrainableBatchHook? hook)
    {
        foreach (FlatParameters parameters in hook?.Parameters ?? [])
        {
            parameters.ZeroGradients();
        }
    }

    private static Tensor OneHot(Tensor classes, int count)
    {
        using Tensor hot = nn.functional.one_hot(classes, count);
        return hot.to_type(ScalarType.Float32);
    }

    /// <summary>Mean unweighted cross-entropy over <paramref name="rows"/>, in blocks, without gradients.</summary>
    private static double MeanLoss(FlatModule network, ClassRows rows, int classes, Device device)
    {
        const int block = 4096;
        int n = rows.Features.Rows, d = rows.Features.Columns;
        double total = 0;
        using var noGrad = no_grad();
        for (int start = 0; start < n; start += block)
        {
            int size = Math.Min(block, n - start);
            using var scope = NewDisposeScope();
            Tensor x = TensorRows.Upload(rows.Features.Values.AsSpan(start * d, size * d), size, d, device);
            Tensor y = tensor(rows.Classes.AsSpan(start, size).ToArray().Select(c => (long)c).ToArray(), device: device);
            total += Loss(network.forward(x), OneHot(y, classes), classes == 2).item<float>() * (double)size;
        }

        return total / n;
    }
}
