namespace Microsoft.ML.Oversampling.Data;

/// <summary>Facts about one dataset embedded in the library.</summary>
/// <param name="Name">The name to load it by.</param>
/// <param name="Rows">Row count.</param>
/// <param name="Features">Feature count.</param>
/// <param name="MinorityRows">Rows of the minority (positive) class.</param>
/// <param name="Source">Where it comes from (see Data/Embedded/ATTRIBUTION.md for citations).</param>
public sealed record EmbeddedDatasetInfo(string Name, int Rows, int Features, int MinorityRows, string Source)
{
    /// <summary>The imbalance ratio: majority rows per minority row.</summary>
    public double ImbalanceRatio => (Rows - MinorityRows) / (double)MinorityRows;
}

/// <summary>
/// Small real imbalanced datasets shipped inside the library (KEEL/UCI and scikit-learn's copies; see
/// <c>Data/Embedded/ATTRIBUTION.md</c>), so examples and the command line's default run need no file.
/// Each loads with a boolean <c>Label</c> (true = minority) and a <c>Features</c> vector.
/// </summary>
public static class EmbeddedDatasets
{
    /// <summary>The dataset used when a command is given no input.</summary>
    public const string DefaultName = "yeast4";

    private static readonly EmbeddedDatasetInfo[] s_all =
    [
        new("haberman", 306, 3, 81, "KEEL / UCI Haberman's Survival"),
        new("pima", 768, 8, 268, "KEEL / UCI Pima Indians Diabetes"),
        new("wisconsin", 683, 9, 239, "KEEL / UCI Breast Cancer Wisconsin (original)"),
        new("breast_cancer", 569, 30, 212, "UCI Breast Cancer Wisconsin (Diagnostic), scikit-learn's copy"),
        new("new-thyroid1", 215, 5, 35, "KEEL / UCI Thyroid"),
        new("ecoli3", 336, 7, 35, "KEEL / UCI Ecoli"),
        new("yeast3", 1484, 8, 163, "KEEL / UCI Yeast"),
        new("glass2", 214, 9, 17, "KEEL / UCI Glass Identification"),
        new("yeast4", 1484, 8, 51, "KEEL / UCI Yeast"),
    ];

    /// <summary>All embedded datasets.</summary>
    public static IReadOnlyList<EmbeddedDatasetInfo> All => s_all;

    /// <summary>Loads an embedded dataset by name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No dataset has that name; the message lists the names.</exception>
    public static DataView Load(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        EmbeddedDatasetInfo info = s_all.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No embedded dataset '{name}'. Available: {string.Join(", ", s_all.Select(d => d.Name))}.", nameof(name));
        using Stream stream = typeof(EmbeddedDatasets).Assembly.GetManifestResourceStream($"Microsoft.ML.Oversampling.Datasets.{info.Name}.csv")
            ?? throw new InvalidOperationException($"The embedded resource of dataset '{info.Name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return CsvLoader.Load(reader, new CsvLoadOptions { LabelColumnName = "label" }, $"embedded:{info.Name}");
    }
}
