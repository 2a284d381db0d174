using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// SMOTE-NC (Chawla et al., 2002) for mixed continuous and categorical features, with imbalanced-learn's
/// semantics: neighbours are found with each categorical mismatch adding the median standard deviation of the
/// class's continuous features to the Euclidean distance (one-hot encoding with <c>median_std / √2</c> in place of
/// 1); continuous features are interpolated as in SMOTE; each categorical feature takes the most frequent value
/// among the base row's k neighbours, ties broken at random (from the seeded stream).
/// </summary>
/// <remarks>
/// The median standard deviation is that of the class being grown (population standard deviation, numpy's
/// default). imbalanced-learn 0.10 used the smallest class's and a one-hot value of <c>median_std / 2</c>, which
/// makes a mismatch add only <c>median_std / √2</c>; later releases and the original paper use a full
/// <c>median_std</c>, which is what this implementation does.
/// </remarks>
public sealed class SmoteNc : Oversampler
{
    private int[]? _resolved;

    /// <summary>Creates the sampler.</summary>
    public SmoteNc(SmoteNcOptions options)
        : base(options)
    {
        OptionChecks.Positive(options.KNeighbors, nameof(SmoteNcOptions.KNeighbors));
        if (options.FeatureNames is not null || options.CategoricalFeatureNames is not { Count: > 0 })
        {
            _resolved = CategoricalFeatureResolver.Resolve(options);
        }
    }

    /// <inheritdoc />
    public override string Name => "smotenc";

    private SmoteNcOptions NcOptions => (SmoteNcOptions)Options;

    /// <summary>Categorical features given by name are resolved against <paramref name="featureNames"/> (a copy of the
    /// options gets them), unless the options name the features themselves.</summary>
    internal override Oversampler ForFeatures(IReadOnlyList<string> featureNames)
    {
        if (NcOptions.FeatureNames is not null || NcOptions.CategoricalFeatureNames.Count == 0)
        {
            return this;
        }

        var options = (SmoteNcOptions)NcOptions.Clone();
        options.FeatureNames = featureNames;
        return new SmoteNc(options);
    }

    /// <summary>The categorical feature indices, ascending; names given without <see cref="SmoteNcOptions.FeatureNames"/>
    /// are resolved at the first resampling, so a pipeline can set the names after creating the sampler.</summary>
    private int[] Categorical => _resolved ??= CategoricalFeatureResolver.Resolve(NcOptions);

    /// <inheritdoc />
    protected override void Validate(SamplingProblem problem)
    {
        int d = problem.FeatureCount;
        if (NcOptions.FeatureNames is { } names)
        {
            OptionChecks.Require(names.Count == d, nameof(SmoteNcOptions.FeatureNames),
                $"FeatureNames has {names.Count} names but the data has {d} features.");
        }

        OptionChecks.Require(Categorical[^1] < d, nameof(SmoteNcOptions.CategoricalFeatures),
            $"Categorical feature index {Categorical[^1]} is out of range: the data has {d} features (indices 0 to {d - 1}).");
        OptionChecks.Require(Categorical.Length < d, nameof(SmoteNcOptions.CategoricalFeatures),
            $"All {d} features are categorical, but SMOTE-NC needs at least one continuous feature.");

        ClassNeighbors.RequireClassSize(problem, NcOptions.KNeighbors, nameof(SmoteNcOptions.KNeighbors));
    }

    /// <inheritdoc />
    protected override DenseMatrix Generate(SamplingProblem problem, int label, int count, DeterministicRandom random)
    {
        int k = NcOptions.KNeighbors;
        int[] classRows = problem.RowsOf(label).ToArray();
        DenseMatrix encoded = Encode(problem.Features, classRows, out _);
        NearestNeighborOptions search = ClassNeighbors.SearchOptions(NcOptions);
        int[] localNeighbors = new ExactNearestNeighbors(encoded, search).SearchSelf(k).Indices;
        int[] neighbors = localNeighbors.Select(i => classRows[i]).ToArray();

        var plan = new InterpolationPlan();
        plan.DrawUniform(classRows, neighbors, k, count, 1.0, random);
        DenseMatrix result = plan.Generate(problem.Features, ClassNeighbors.Parallelism(NcOptions));

        var tally = new Dictionary<float, int>();
        var tied = new List<float>();
        for (int i = 0; i < result.Rows; i++)
        {
            int basePosition = Array.BinarySearch(classRows, plan.BaseRows[i]);
            ReadOnlySpan<int> around = neighbors.AsSpan(basePosition * k, k);
            foreach (int feature in Categorical)
            {
                tally.Clear();
                foreach (int row in around)
                {
                    float value = problem.Features[row, feature];
                    tally[value] = tally.GetValueOrDefault(value) + 1;
                }

                int most = tally.Values.Max();
                tied.Clear();
                tied.AddRange(tally.Where(kv => kv.Value == most).Select(kv => kv.Key).Order());
                result[i, feature] = tied.Count == 1 ? tied[0] : tied[random.NextInt(tied.Count)];
            }
        }

        return result;
    }

    /// <summary>
    /// The distance space of the class's rows: continuous features as they are, each categorical feature one-hot
    /// encoded with <c>median_std / √2</c> for its value, so a mismatch adds <c>median_std</c> to the distance.
    /// </summary>
    internal DenseMatrix Encode(DenseMatrix features, int[] rows, out double medianStd)
    {
        int[] continuous = Enumerable.Range(0, features.Columns).Except(Categorical).ToArray();
        IReadOnlyList<double> std = ColumnStatistics.Compute(features, rows).StandardDeviation;
        double[] continuousStd = continuous.Select(j => std[j]).Order().ToArray();
        int middle = continuousStd.Length / 2;
        medianStd = continuousStd.Length % 2 == 1 ? continuousStd[middle] : (continuousStd[middle - 1] + continuousStd[middle]) / 2;
        float hot = (float)(medianStd / Math.Sqrt(2));

        var columnOf = new Dictionary<(int Feature, float Value), int>();
        int width = continuous.Length;
        foreach (int feature in Categorical)
        {
            foreach (float value in rows.Select(r => features[r, feature]).Distinct().Order())
            {
                columnOf[(feature, value)] = width++;
            }
        }

        var encoded = new DenseMatrix(rows.Length, width);
        for (int i = 0; i < rows.Length; i++)
        {
            for (int c = 0; c < continuous.Length; c++)
            {
                encoded[i, c] = features[rows[i], continuous[c]];
            }

            foreach (int feature in Categorical)
            {
                encoded[i, columnOf[(feature, features[rows[i], feature])]] = hot;
            }
        }

        return encoded;
    }
}
