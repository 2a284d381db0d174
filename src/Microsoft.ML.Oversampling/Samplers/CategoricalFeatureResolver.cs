namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>Turns <see cref="SmoteNcOptions"/>' categorical features, given by index and by name, into sorted indices.</summary>
internal static class CategoricalFeatureResolver
{
    public static int[] Resolve(SmoteNcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<int> indices = options.CategoricalFeatures
            ?? throw new OptionException(nameof(SmoteNcOptions.CategoricalFeatures), "CategoricalFeatures must not be null; leave it empty to give the features by name.");
        IReadOnlyList<string> names = options.CategoricalFeatureNames
            ?? throw new OptionException(nameof(SmoteNcOptions.CategoricalFeatureNames), "CategoricalFeatureNames must not be null; leave it empty to give the features by index.");
        OptionChecks.Require(
            indices.All(i => i >= 0) && indices.Distinct().Count() == indices.Count,
            nameof(SmoteNcOptions.CategoricalFeatures),
            $"CategoricalFeatures must be distinct feature indices of 0 or more, but it is {string.Join(", ", indices)}.");

        var resolved = new SortedSet<int>(indices);
        if (names.Count > 0)
        {
            IReadOnlyList<string>? featureNames = options.FeatureNames;
            OptionChecks.Require(featureNames is not null, nameof(SmoteNcOptions.FeatureNames),
                $"CategoricalFeatureNames ({string.Join(", ", names)}) needs FeatureNames, the name of each feature in column order, to resolve against.");
            foreach (string name in names)
            {
                int index = IndexOf(featureNames!, name);
                OptionChecks.Require(index >= 0, nameof(SmoteNcOptions.CategoricalFeatureNames),
                    $"CategoricalFeatureNames has '{name}', which is not a feature name; the features are {string.Join(", ", featureNames!)}.");
                resolved.Add(index);
            }
        }

        OptionChecks.Require(resolved.Count > 0, nameof(SmoteNcOptions.CategoricalFeatures),
            "SMOTE-NC needs at least one categorical feature in CategoricalFeatures or CategoricalFeatureNames; for continuous-only data use SMOTE.");
        return [.. resolved];
    }

    private static int IndexOf(IReadOnlyList<string> featureNames, string name)
    {
        for (int i = 0; i < featureNames.Count; i++)
        {
            if (string.Equals(featureNames[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
