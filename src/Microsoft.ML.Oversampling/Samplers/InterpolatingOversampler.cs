using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers.Deep;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// Base of the samplers whose synthetic rows are interpolations between a row and one of its neighbours (SMOTE,
/// Borderline-SMOTE, ADASYN), as imbalanced-learn's <c>BaseSMOTE</c>: each sampler only chooses the pairs and steps
/// (an interpolation plan, drawing all randomness); the rows are then computed in parallel straight into the
/// resampled output.
/// </summary>
public abstract class InterpolatingOversampler : Oversampler
{
    private protected InterpolatingOversampler(NeighborOversamplerOptions options)
        : base(options)
    {
    }

    private int Parallelism => ClassNeighbors.Parallelism((NeighborOversamplerOptions)Options);

    /// <inheritdoc />
    protected sealed override DenseMatrix Generate(SamplingProblem problem, int label, int count, DeterministicRandom random) =>
        Plan(problem, label, count, random).Generate(problem.Features, Parallelism);

    private protected sealed override (SyntheticRows Rows, ClassGenerator? Generator) GenerateClass(
        SamplingProblem problem, int label, int count, DeterministicRandom random) =>
        (Plan(problem, label, count, random).AsRows(problem.Features, Parallelism), null);

    /// <summary>Chooses the class's synthetic rows as interpolations (all randomness is drawn here).</summary>
    private protected abstract InterpolationPlan Plan(SamplingProblem problem, int label, int count, DeterministicRandom random);
}
