using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// Borderline-SMOTE (Han, Wang and Mao, 2005) with imbalanced-learn 0.10's semantics. Only rows "in danger" seed
/// new rows: rows of the class for which at least half, but not all, of their m nearest rows (among all rows,
/// itself excluded) belong to other classes. Kind 1 interpolates toward same-class neighbours; kind 2 also
/// steps part-way toward other-class neighbours.
/// </summary>
/// <remarks>
/// <para>When a class has no row in danger, no row is generated for it (imbalanced-learn does the same), so the
/// class can end up below the requested count.</para>
/// <para>Kind 2 splits the request with a fraction f ~ Beta(10, 10), exactly as imbalanced-learn:
/// <c>floor(f · (n + 1))</c> rows toward the k nearest same-class neighbours with steps in [0, 1), and
/// <c>floor((1 − f) · n)</c> rows toward the k nearest other-class rows with steps in [0, 0.5). The total is
/// therefore n or n − 1, as in imbalanced-learn. Unlike imbalanced-learn 0.10, which indexes the other-class rows
/// with the positions of the same-class neighbours (so its "other-class neighbour" is an arbitrary other-class
/// row), the targets here are the true nearest other-class rows, as the method describes.</para>
/// </remarks>
public sealed class BorderlineSmote : InterpolatingOversampler
{
    /// <summary>Creates the sampler.</summary>
    public BorderlineSmote(BorderlineSmoteOptions? options = null)
        : base(options ?? new BorderlineSmoteOptions())
    {
        OptionChecks.Positive(BorderlineOptions.KNeighbors, nameof(BorderlineOptions.KNeighbors));
        OptionChecks.Positive(BorderlineOptions.MNeighbors, nameof(BorderlineOptions.MNeighbors));
        OptionChecks.Defined(BorderlineOptions.Kind, nameof(BorderlineSmoteOptions.Kind));
    }

    /// <inheritdoc />
    public override string Name => BorderlineOptions.Kind == BorderlineKind.Borderline1 ? "borderline" : "borderline2";

    private BorderlineSmoteOptions BorderlineOptions => (BorderlineSmoteOptions)Options;

    /// <inheritdoc />
    protected override void Validate(SamplingProblem problem)
    {
        int k = BorderlineOptions.KNeighbors;
        ClassNeighbors.RequireRowsForNeighbors(problem, BorderlineOptions.MNeighbors, nameof(BorderlineSmoteOptions.MNeighbors));
        ClassNeighbors.RequireClassSize(problem, k, nameof(BorderlineOptions.KNeighbors));
        if (BorderlineOptions.Kind == BorderlineKind.Borderline2)
        {
            for (int i = 0; i < problem.Generation.Count; i++)
            {
                int label = problem.Generation.LabelAt(i);
                int others = problem.LabelArray.Length - problem.Counts[label];
                if (problem.Generation.ValueAt(i) > 0 && others < k)
                {
                    throw new OptionException(
                        nameof(BorderlineSmoteOptions.KNeighbors),
                        $"Borderline-2 with KNeighbors = {k} needs at least {k} rows of classes other than {label}, but there are only {others}.");
                }
            }
        }
    }

    /// <inheritdoc />
    private protected override InterpolationPlan Plan(SamplingProblem problem, int label, int count, DeterministicRandom random)
    {
        NearestNeighborOptions search = ClassNeighbors.SearchOptions(BorderlineOptions);
        int k = BorderlineOptions.KNeighbors;
        int[] danger = DangerPositions(problem, label, BorderlineOptions.MNeighbors, search);
        var plan = new InterpolationPlan();
        if (danger.Length == 0)
        {
            return plan;
        }

        ReadOnlySpan<int> classRows = problem.RowsOf(label);
        var seeds = new int[danger.Length];
        for (int i = 0; i < danger.Length; i++)
        {
            seeds[i] = classRows[danger[i]];
        }

        int[] sameClass = ClassNeighbors.WithinClass(problem, label, k, danger, search);
        if (BorderlineOptions.Kind == BorderlineKind.Borderline1)
        {
            plan.DrawUniform(seeds, sameClass, k, count, 1.0, random);
        }
        else
        {
            double fraction = BetaDistribution.Sample(random, 10, 10);
            plan.DrawUniform(seeds, sameClass, k, (int)(fraction * (count + 1)), 1.0, random);
            int[] otherClass = ClassNeighbors.InOtherClasses(problem, label, seeds, k, search);
            plan.DrawUniform(seeds, otherClass, k, (int)((1 - fraction) * count), 0.5, random);
        }

        return plan;
    }

    /// <summary>
    /// Positions (within the class's rows) of the rows in danger: <c>m/2 ≤ other-class neighbours &lt; m</c> among
    /// the m nearest rows of the whole data.
    /// </summary>
    internal static int[] DangerPositions(SamplingProblem problem, int label, int m, NearestNeighborOptions search)
    {
        int[] others = ClassNeighbors.CountOtherClass(problem, label, ClassNeighbors.AmongAllRows(problem, label, m, search));
        var danger = new List<int>();
        for (int i = 0; i < others.Length; i++)
        {
            if (2 * others[i] >= m && others[i] < m)
            {
                danger.Add(i);
            }
        }

        return danger.ToArray();
    }
}
