using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// SMOTE (Chawla et al., 2002) with imbalanced-learn's semantics: each new row lies on the segment between a row
/// of the class and one of its k nearest same-class neighbours, <c>x + u · (neighbour − x)</c> with u uniform in
/// [0, 1). The (row, neighbour) pairs are drawn uniformly with replacement among all of the class's pairs.
/// </summary>
public sealed class Smote : InterpolatingOversampler
{
    /// <summary>Creates the sampler.</summary>
    public Smote(SmoteOptions? options = null)
        : base(options ?? new SmoteOptions())
    {
        OptionChecks.Positive(SmoteOptions.KNeighbors, nameof(SmoteOptions.KNeighbors));
    }

    /// <inheritdoc />
    public override string Name => "smote";

    private SmoteOptions SmoteOptions => (SmoteOptions)Options;

    /// <inheritdoc />
    protected override void Validate(SamplingProblem problem) =>
        ClassNeighbors.RequireClassSize(problem, SmoteOptions.KNeighbors, nameof(SmoteOptions.KNeighbors));

    /// <inheritdoc />
    private protected override InterpolationPlan Plan(SamplingProblem problem, int label, int count, DeterministicRandom random)
    {
        int k = SmoteOptions.KNeighbors;
        int[] neighbors = ClassNeighbors.WithinClass(problem, label, k, null, ClassNeighbors.SearchOptions(SmoteOptions));
        var plan = new InterpolationPlan();
        plan.DrawUniform(problem.RowsOf(label), neighbors, k, count, 1.0, random);
        return plan;
    }
}
