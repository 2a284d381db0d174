namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// What a trained generator's values mean: the names of its features and the label values of the classes it grows,
/// each <c>null</c> or empty when unknown. The ML.NET adapter records the feature vector's slot names; the command line
/// adds the label values of the CSV file.
/// </summary>
/// <param name="FeatureNames">One name per feature, or <c>null</c>.</param>
/// <param name="ClassNames">The label value of each class by its number, possibly empty.</param>
public sealed record GeneratorColumns(IReadOnlyList<string>? FeatureNames, IReadOnlyDictionary<int, string> ClassNames)
{
    /// <summary>Nothing known.</summary>
    public static GeneratorColumns None { get; } = new(null, new Dictionary<int, string>());

    /// <summary>The label value of class <paramref name="label"/>, or its number when unknown.</summary>
    public string ClassName(int label) => ClassNames.TryGetValue(label, out string? name) ? name : label.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The name of feature <paramref name="index"/>, or <c>f{index}</c> when unknown.</summary>
    public string FeatureName(int index) => FeatureNames is { } names ? names[index] : $"f{index}";
}
