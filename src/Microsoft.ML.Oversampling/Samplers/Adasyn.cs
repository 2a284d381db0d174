using System.Runtime.CompilerServices;
using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// ADASYN (He et al., 2008) with imbalanced-learn's semantics: each row of the class generates a number of rows
/// proportional to the share of other-class rows among its n nearest rows of the whole data, by SMOTE
/// interpolation toward a random one of its n nearest same-class neighbours.
/// </summary>
/// <remarks>
/// Row i generates <c>rint(n · r_i / Σ r)</c> rows, r_i being its count of other-class neighbours and rint
/// rounding halves to even, so the total can differ slightly from the requested n (as in imbalanced-learn; the
/// quotient is computed exactly in integers here, where imbalanced-learn rounds a floating-point quotient).
/// When no row of the class has another-class neighbour the weights are undefined and
/// <see cref="InvalidOperationException"/> is thrown (imbalanced-learn's <c>RuntimeError</c>).
/// </remarks>
public sealed class Adasyn : InterpolatingOversampler
{
    /// <summary>Creates the sampler.</summary>
    public Adasyn(AdasynOptions? options = null)
        : base(options ?? new AdasynOptions())
    {
        OptionChecks.Positive(AdasynOptions.NNeighbors, nameof(AdasynOptions.NNeighbors));
    }

    /// <inheritdoc />
    public override string Name => "adasyn";

    private AdasynOptions AdasynOptions => (AdasynOptions)Options;

    /// <inheritdoc />
    protected override void Validate(SamplingProblem problem) =>
        ClassNeighbors.RequireClassSize(problem, AdasynOptions.NNeighbors, nameof(AdasynOptions.NNeighbors));

    /// <inheritdoc />
    private protected override InterpolationPlan Plan(SamplingProblem problem, int label, int count, DeterministicRandom random)
    {
        NearestNeighborOptions search = ClassNeighbors.SearchOptions(AdasynOptions);
        int k = AdasynOptions.NNeighbors;
        int[] perRow = RowsPerSeed(problem, label, count, k, search);
        int[] sameClass = ClassNeighbors.WithinClass(problem, label, k, null, search);
        ReadOnlySpan<int> classRows = problem.RowsOf(label);
        var plan = new InterpolationPlan();
        plan.Reserve(perRow.Sum());
        for (int i = 0; i < perRow.Length; i++)
        {
            for (int s = 0; s < perRow[i]; s++)
            {
                plan.Add(classRows[i], sameClass[(i * k) + random.NextInt(k)], random.NextDouble());
            }
        }

        return plan;
    }

    /// <summary>How many rows each row of the class generates (see the remarks).</summary>
    internal static int[] RowsPerSeed(SamplingProblem problem, int label, int count, int k, NearestNeighborOptions search)
    {
        int[] others = ClassNeighbors.CountOtherClass(problem, label, ClassNeighbors.AmongAllRows(problem, label, k, search));
        long total = 0;
        foreach (int other in others)
        {
            total += other;
        }

        if (total == 0)
        {
            throw new InvalidOperationException(
                $"ADASYN cannot weight class {label}: none of its rows has a row of another class among its {k} nearest neighbours, so every weight would be 0/0; use SMOTE for this data.");
        }

        var perRow = new int[others.Length];
        long generated = 0;
        for (int i = 0; i < others.Length; i++)
        {
            perRow[i] = (int)RoundHalfToEven((long)others[i] * count, total);
            generated += perRow[i];
        }

        if (generated == 0)
        {
            throw new ArgumentException(
                $"ADASYN would generate no row for class {label}: {count} requested rows spread over weights that all round to 0; request more rows.");
        }

        return perRow;
    }

    /// <summary>numerator / denominator rounded to the nearest integer, halves to even (numpy's <c>rint</c>).</summary>
    private static long RoundHalfToEven(long numerator, long denominator)
    {
        long quotient = Math.DivRem(numerator, denominator, out long remainder);
        long twice = 2 * remainder;
        return twice > denominator || (twice == denominator && quotient % 2 == 1) ? quotient + 1 : quotient;
    }
}
