namespace Microsoft.ML.Oversampling.Data;

/// <summary>How <see cref="CsvLoader"/> reads a delimited text file into a <see cref="DataView"/>.</summary>
public sealed class CsvLoadOptions
{
    /// <summary>The column holding the class label. Required unless <see cref="RequireLabel"/> is false.</summary>
    public string LabelColumnName { get; set; } = "label";

    /// <summary>
    /// Whether the file must have the <see cref="LabelColumnName"/> column and it is loaded as the label. Default
    /// <c>true</c>. Set <c>false</c> to load data for scoring: the label column may then be absent; when present it is
    /// kept as a text column under its own name (never a feature, never validated), so it can be echoed beside
    /// predictions.
    /// </summary>
    public bool RequireLabel { get; set; } = true;

    /// <summary>The field separator. Default <c>','</c>.</summary>
    public char Separator { get; set; } = ',';

    /// <summary>Whether the first line holds column names. Default <c>true</c>; without a header, columns are
    /// named <c>Column0</c>, <c>Column1</c>, ...</summary>
    public bool HasHeader { get; set; } = true;

    /// <summary>
    /// The columns assembled, in order, into the <see cref="FeaturesColumnName"/> vector. Default <c>null</c>:
    /// every column other than the label whose first data cell is numeric. A listed column with a non-numeric
    /// cell is an error naming the line and column.
    /// </summary>
    public IReadOnlyList<string>? FeatureColumnNames { get; set; }

    /// <summary>
    /// For labels with two distinct text values (such as <c>yes</c>/<c>no</c>), the value that means the positive
    /// class. Labels <c>0/1</c> and <c>true/false</c> need no setting. Default <c>null</c>.
    /// </summary>
    public string? PositiveLabel { get; set; }

    /// <summary>Name given to the assembled feature vector. Default <c>"Features"</c>.</summary>
    public string FeaturesColumnName { get; set; } = "Features";

    /// <summary>Name given to the label column in the loaded table. Default <c>"Label"</c> (ML.NET's convention).
    /// Binary labels load as a boolean column; integer labels with more than two classes as an integer column.</summary>
    public string LabelOutputName { get; set; } = "Label";

    /// <summary>Whether empty, NaN or infinite feature cells are accepted (as NaN / ±infinity). Default <c>false</c>:
    /// they are an error naming the line and column, since no sampler or trainer accepts them.</summary>
    public bool AllowNonFiniteFeatures { get; set; }
}
