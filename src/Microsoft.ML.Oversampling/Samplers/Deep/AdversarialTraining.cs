using Microsoft.ML.Oversampling.Neural;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>The settings of an adversarial training run (shared by DA-SMOTE and the GAN baseline).</summary>
internal sealed record AdversarialSettings(int[] DiscriminatorHiddenSizes, int Iterations, double LearningRate, double Beta1, int BatchSize);

/// <summary>
/// Trains a generator against a discriminator of real class rows versus generated ones, with the non-saturating loss
/// (Goodfellow et al. 2014): alternately one discriminator step on <c>−log D(x) − log(1 − D(G(p)))</c> and one
/// generator step on <c>−w_adv·log D(G(p)) + λ·‖G(p) − t(p)‖²</c>. The discriminator outputs logits; the sigmoid is
/// folded into a numerically stable cross-entropy.
/// </summary>
internal static class AdversarialTraining
{
    /// <summary>A batch of generator inputs, and its regression targets when the generator has a regression term.</summary>
    public delegate (float[] Input, float[]? Target) BatchSource(int size, DeterministicRandom random);

    public static void Train(
        Module<Tensor, Tensor> generator, int generatorInputs, DenseMatrix realRows, AdversarialSettings settings, BatchSource draw,
        double adversarialWeight, double regressionWeight, DeterministicRandom random)
    {
        int d = realRows.Columns;
        var discriminator = MultilayerPerceptron.Create(
            d, settings.DiscriminatorHiddenSizes, 1, HiddenActivation.LeakyRelu, OutputActivation.Linear, random.Fork());
        float lr = (float)settings.LearningRate, beta1 = (float)settings.Beta1;
        var generatorOptimizer = new Adam(generator.Parameters(), lr, beta1);
        var discriminatorOptimizer = new Adam(discriminator.Parameters(), lr, beta1);
        int batch = Math.Min(settings.BatchSize, realRows.Rows);
        var real = new int[batch];
        var realValues = new float[batch * d];

        for (int iteration = 0; iteration < settings.Iterations; iteration++)
        {
            using var scope = Tensor.NewDisposeScope();
            var ones = Tensor.Full(1f, batch, 1);
            var zeros = Tensor.Zeros(batch, 1);

            for (int i = 0; i < batch; i++)
            {
                real[i] = random.NextInt(realRows.Rows);
                realRows.Row(real[i]).CopyTo(realValues.AsSpan(i * d, d));
            }

            var (fakeInput, _) = draw(batch, random);
            Tensor fake;
            using (Autograd.NoGrad())
            {
                fake = generator.Forward(Tensor.FromArray(fakeInput, batch, generatorInputs));
            }

            var discriminatorLoss = Functional.BinaryCrossEntropyWithLogits(discriminator.Forward(Tensor.FromArray(realValues, batch, d)), ones)
                + Functional.BinaryCrossEntropyWithLogits(discriminator.Forward(fake), zeros);
            discriminatorOptimizer.ZeroGrad();
            discriminatorLoss.Backward();
            discriminatorOptimizer.Step();

            var (input, target) = draw(batch, random);
            var generated = generator.Forward(Tensor.FromArray(input, batch, generatorInputs));
            Tensor? generatorLoss = null;
            if (adversarialWeight != 0)
            {
                generatorLoss = Functional.BinaryCrossEntropyWithLogits(discriminator.Forward(generated), ones) * (float)adversarialWeight;
            }

            if (regressionWeight != 0 && target is not null)
            {
                var regression = Functional.MseLoss(generated, Tensor.FromArray(target, batch, d)) * (float)regressionWeight;
                generatorLoss = generatorLoss is null ? regression : generatorLoss + regression;
            }

            if (generatorLoss is null)
            {
                continue;
            }

            generatorOptimizer.ZeroGrad();
            generatorLoss.Backward();
            generatorOptimizer.Step();
        }
    }
}
