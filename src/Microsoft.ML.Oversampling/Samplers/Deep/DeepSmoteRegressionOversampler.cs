using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// Deep SMOTE of Mansourifar &amp; Shi (2020, arXiv:2003.09788): a regression network trained on SMOTE's inputs and
/// outputs (two class rows concatenated → a random interpolation between them), which then generates synthetic rows
/// from pairs of class rows. Not to be confused with DeepSMOTE of Dablain, Krawczyk &amp; Chawla (an autoencoder for
/// images), hence the class name.
/// </summary>
/// <remarks>
/// <para>With MSE and a u that is not an input, the network learns the conditional mean of the target, the pair's
/// midpoint: a trained Deep SMOTE generates close to <c>(x_a + x_b) / 2</c>. Its randomness at generation comes
/// only from the pairs (<see cref="DeepSmoteOptions.GenerationPairs"/>).</para>
/// <para>Rows are min–max scaled with ranges fitted on the data passed to the fit (the training split in a
/// pipeline); each class to grow gets its own network (one-vs-rest for multi-class labels).</para>
/// </remarks>
public sealed class DeepSmoteRegressionOversampler : GenerativeOversampler
{
    /// <summary>Creates the sampler.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public DeepSmoteRegressionOversampler(DeepSmoteOptions? options = null)
        : base(options ?? new DeepSmoteOptions())
    {
        DeepOptionChecks.DeepSmote(DeepOptions);
    }

    /// <inheritdoc />
    public override string Name => "deep-smote";

    private DeepSmoteOptions DeepOptions => (DeepSmoteOptions)Options;

    private protected override string MinimumClassRowsReason => "it learns from pairs of distinct rows";

    /// <inheritdoc />
    private protected override ClassGenerator Train(DenseMatrix scaledClassRows, MinMaxScaler scaler, DeterministicRandom random, Device device) =>
        TrainPairGenerator(DeepOptions, scaledClassRows, scaler, noise: 0, random, device).Generator;

    /// <summary>Trains a Deep SMOTE pair generator (also DA-SMOTE's pretraining); returns it with the training pair
    /// sampler, so further training reuses its neighbour lists.</summary>
    internal static (PairGenerator Generator, PairSampler TrainingPairs) TrainPairGenerator(DeepSmoteOptions options, DenseMatrix rows, MinMaxScaler scaler, int noise, DeterministicRandom random, Device device)
    {
        int d = rows.Columns;
        var spec = new NetworkSpec((2 * d) + noise, [.. options.HiddenSizes], d, HiddenActivation.Relu, OutputActivation.Linear, options.ResidualMidpoint);
        Network network = spec.Build(random.Fork(), device);
        PairSampler trainingPairs = new(options.TrainingPairs, rows, options.KNeighbors);
        PairRegressionTraining.Train(network, rows, options, trainingPairs, noise, random.Fork(), device);
        PairSampler generationPairs = options.GenerationPairs == options.TrainingPairs
            ? trainingPairs // stateless, so one sampler serves both
            : new PairSampler(options.GenerationPairs, rows, options.KNeighbors);
        return (new PairGenerator(scaler, rows, generationPairs, noise, spec, network), trainingPairs);
    }
}
