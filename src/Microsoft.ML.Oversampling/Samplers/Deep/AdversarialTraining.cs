using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>The settings of an adversarial training run (shared by DA-SMOTE and the GAN baseline).</summary>
internal sealed record AdversarialSettings(int[] DiscriminatorHiddenSizes, int Iterations, double LearningRate, double Beta1, int BatchSize);

/// <summary>
/// Trains a generator against a discriminator of real class rows versus generated ones, with the non-saturating loss
/// (Goodfellow et al. 2014): alternately one discriminator step on <c>−log D(x) − log(1 − D(G(p)))</c> and one
/// generator step on <c>−w_adv·log D(G(p)) + λ·‖G(p) − t(p)‖²</c>, both on one batch G(p). The discriminator outputs
/// logits; the sigmoid is folded into a numerically stable cross-entropy. Both networks train with the one step design
/// of <see cref="NetworkTrainer"/>.
/// </summary>
internal static class AdversarialTraining
{
    /// <summary>A batch of generator inputs, and its regression targets when the generator has a regression term.</summary>
    public delegate (float[] Input, float[]? Target) BatchSource(int size, DeterministicRandom random);

    public static void Train(
        Network generator, int generatorInputs, DenseMatrix realRows, AdversarialSettings settings, BatchSource draw,
        double adversarialWeight, double regressionWeight, DeterministicRandom random, Device device)
    {
        if (adversarialWeight == 0 && regressionWeight == 0)
        {
            return;
        }

        int d = realRows.Columns;
        var discriminatorSpec = new NetworkSpec(d, settings.DiscriminatorHiddenSizes, 1, HiddenActivation.LeakyRelu, OutputActivation.Linear);
        using Network discriminator = discriminatorSpec.Build(random.Fork(), device);
        TorchThreads.Pin();
        using var generatorTrainer = new NetworkTrainer(generator, settings.LearningRate, settings.Beta1);
        using var discriminatorTrainer = new NetworkTrainer(discriminator, settings.LearningRate, settings.Beta1);
        int batch = Math.Min(settings.BatchSize, realRows.Rows);
        var realValues = new float[batch * d];
        using Tensor real1 = ones([batch, 1], device: device);

        // The discriminator sees the real and the generated batch stacked in one forward pass, against targets
        // [1…1; 0…0]; twice the mean cross-entropy of the 2·batch rows is −mean log D(x) − mean log(1 − D(G(p))).
        using Tensor fake0 = zeros([batch, 1], device: device);
        using Tensor stackedTargets = cat([real1, fake0], 0);

        // Scalars held alive across the native calls (see FusedAdam's remarks).
        using Scalar two = 2.0.ToScalar(), one = 1.0.ToScalar(), adversarial = adversarialWeight.ToScalar(), regressionScale = regressionWeight.ToScalar();

        for (int iteration = 0; iteration < settings.Iterations; iteration++)
        {
            using var scope = NewDisposeScope();
            for (int i = 0; i < batch; i++)
            {
                realRows.Row(random.NextInt(realRows.Rows)).CopyTo(realValues.AsSpan(i * d, d));
            }

            // One generator forward pass per iteration: the discriminator learns from G(p) detached, then the generator
            // from the same G(p) through the updated discriminator (the design of PyTorch's DCGAN example).
            var (input, target) = draw(batch, random);
            Tensor generated = generator.Module.forward(TensorRows.Upload(input, batch, generatorInputs, device));
            discriminatorTrainer.Step(() =>
            {
                Tensor both = cat([TensorRows.Upload(realValues, batch, d, device), generated.detach()], 0);
                return nn.functional.binary_cross_entropy_with_logits(discriminator.Module.forward(both), stackedTargets).mul(two);
            });

            // The generator's loss needs gradients through the discriminator's input only, not for its weights.
            discriminator.Parameters.RequireGradients(false);
            generatorTrainer.Step(() =>
            {
                Tensor? loss = null;
                if (adversarialWeight != 0)
                {
                    loss = nn.functional.binary_cross_entropy_with_logits(discriminator.Module.forward(generated), real1).mul(adversarial);
                }

                if (regressionWeight != 0 && target is not null)
                {
                    Tensor regression = nn.functional.mse_loss(generated, TensorRows.Upload(target, batch, d, device)).mul(regressionScale);
                    loss = loss is null ? regression : loss.add(regression, one);
                }

                return loss ?? throw new InvalidOperationException("The generator has no loss term.");
            });
            discriminator.Parameters.RequireGradients(true);
        }
    }
}
