namespace Microsoft.ML.Oversampling.Trainers;

/// <summary>Options shared by every binary trainer.</summary>
public abstract class TrainerOptions
{
    /// <summary>The float-vector feature column. Default <c>"Features"</c>.</summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary>The label column (boolean, or integer 0/1). Default <c>"Label"</c>.</summary>
    public string LabelColumnName { get; set; } = "Label";
}
