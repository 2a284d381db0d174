using System.Runtime.CompilerServices;
using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// Base of the oversamplers that learn a generator per class (Deep SMOTE, DA-SMOTE, GAN). For each class to grow it
/// fits min–max scaling on the training rows, trains the class's generator on the scaled class rows, and generates
/// the rows the sampling strategy asks for. The trained generators come back in
/// <see cref="ResampleResult.Generator"/>, and are saved to files of their own (<see cref="SyntheticDataGenerator.Save(string)"/>).
/// Networks train with TorchSharp on the device <see cref="DeepOversamplerOptions"/> selects.
/// </summary>
/// <remarks>
/// Each class's random stream is split in two at the start: one stream trains, the other generates. So
/// <see cref="SyntheticDataGenerator.Generate(int, int, int)"/> with the fit's seed replays the fit's synthetic rows.
/// </remarks>
public abstract class GenerativeOversampler : Oversampler
{
    // The scaling is fitted on all training rows, the same for every class of one call: fitted once per problem.
    // Keyed weakly by the call's problem, so concurrent calls on one sampler stay independent and nothing is retained.
    private readonly ConditionalWeakTable<SamplingProblem, MinMaxScaler> _scalers = new();

    private protected GenerativeOversampler(DeepOversamplerOptions options)
        : base(options)
    {
    }

    /// <summary>Rows a class needs before this sampler can learn from it.</summary>
    private protected virtual int MinimumClassRows => 2;

    /// <summary>What the method learns from, for error messages (e.g. "pairs of distinct rows").</summary>
    private protected abstract string MinimumClassRowsReason { get; }

    /// <inheritdoc />
    protected override void Validate(SamplingProblem problem)
    {
        foreach (var (label, count) in problem.RowsToGenerate)
        {
            int size = problem.ClassCounts[label];
            if (count > 0 && size < MinimumClassRows)
            {
                throw new ArgumentException(
                    $"Class {label} has {size} row(s) but {GetType().Name} needs at least {MinimumClassRows} rows of every class it grows ({MinimumClassRowsReason}).");
            }
        }
    }

    /// <inheritdoc />
    protected sealed override DenseMatrix Generate(SamplingProblem problem, int label, int count, DeterministicRandom random) =>
        TrainAndGenerate(problem, label, count, random).Rows;

    private protected sealed override (SyntheticRows Rows, ClassGenerator? Generator) GenerateClass(
        SamplingProblem problem, int label, int count, DeterministicRandom random)
    {
        var (rows, generator) = TrainAndGenerate(problem, label, count, random);
        return (SyntheticRows.Of(rows), generator);
    }

    private (DenseMatrix Rows, ClassGenerator Generator) TrainAndGenerate(SamplingProblem problem, int label, int count, DeterministicRandom random)
    {
        var (training, generation) = Streams(random);
        MinMaxScaler scaler = _scalers.GetValue(problem, p => MinMaxScaler.Fit(p.Features));
        var options = (DeepOversamplerOptions)Options;
        Device device = TorchDevice.Select(options.GpuDeviceId, options.FallbackToCpu);
        ClassGenerator generator = Train(scaler.Transform(problem.FeaturesOf(label)), scaler, training, device);
        return (generator.Generate(count, generation), generator);
    }

    /// <summary>Trains the generator of one class from its scaled rows.</summary>
    private protected abstract ClassGenerator Train(DenseMatrix scaledClassRows, MinMaxScaler scaler, DeterministicRandom random, Device device);

    /// <summary>Splits a class's stream into its training and generation streams.</summary>
    internal static (DeterministicRandom Training, DeterministicRandom Generation) Streams(DeterministicRandom classStream) =>
        (classStream.Fork(), classStream.Fork());
}
