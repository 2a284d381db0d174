using Microsoft.ML.Oversampling.Cli.Data;

namespace Microsoft.ML.Oversampling.Cli.Training;

/// <summary>
/// The last step of every model the tool saves: <see cref="PredictedClassColumn"/>, the predicted class as the user's
/// own label value (ML.NET's <c>PredictedLabel</c> is a Boolean or a key), so a model zip carries its label values.
/// </summary>
internal static class ModelOutput
{
    /// <summary>The column holding the predicted label value as text.</summary>
    public const string PredictedClassColumn = "PredictedClass";

    /// <summary>The step that writes <see cref="PredictedClassColumn"/> from <c>PredictedLabel</c>.</summary>
    public static IEstimator<ITransformer> PredictedClass(MLContext ml, LabelClasses classes) =>
        classes.IsBinary
            ? ml.Transforms.Conversion.MapValue(PredictedClassColumn,
                [new KeyValuePair<bool, string>(false, classes.Values[0]), new KeyValuePair<bool, string>(true, classes.Values[1])], "PredictedLabel")
            : ml.Transforms.Conversion.MapKeyToValue(PredictedClassColumn, "PredictedLabel");
}
