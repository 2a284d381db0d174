using System.Globalization;
using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Datasets;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Tests.MLNet;

/// <summary>SMOTE-NC in a pipeline takes its categorical features by the feature vector's slot names (from a CSV header).</summary>
public sealed class SmoteNcByNameTests
{
    [Fact]
    public void CategoricalSlotNamedInTheHeader_KeepsItsCategories()
    {
        var ml = new MLContext(seed: 1);
        string path = WriteCsvWithCategory(out int kindSlot, out string[] header);
        try
        {
            // TextLoader takes slot names from the header of its data sample.
            IDataView data = ml.Data.CreateTextLoader(
                [new TextLoader.Column("Features", DataKind.Single, 0, header.Length - 2), new TextLoader.Column("Label", DataKind.Boolean, header.Length - 1)],
                separatorChar: ',', hasHeader: true, dataSample: new MultiFileSource(path)).Load(path);
            var smotenc = ml.Transforms.Oversampling.SmoteNc(new SmoteNcOptions { CategoricalFeatureNames = ["Kind"], Seed = 1 });

            float[][] rows = ml.Data.Oversample(data, smotenc).GetColumn<float[]>("Features").ToArray();

            Assert.Equal(2 * (214 - 17), rows.Length);
            Assert.All(rows, r => Assert.Contains(r[kindSlot], new[] { 0f, 1f, 2f }));
            Assert.Contains(rows.Skip(214), r => r[0] != MathF.Round(r[0], 2)); // the continuous slots are interpolated
            var unknown = Assert.Throws<OptionException>(() => ml.Data.Oversample(data, ml.Transforms.Oversampling.SmoteNc(
                new SmoteNcOptions { CategoricalFeatureNames = ["Colour"], Seed = 1 })));
            Assert.Contains("Colour", unknown.Message);
            Assert.Contains("Kind", unknown.Message); // the known names are listed
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>glass2 with an extra categorical feature "Kind" in {0, 1, 2} inserted before the label.</summary>
    private static string WriteCsvWithCategory(out int kindSlot, out string[] header)
    {
        LabeledMatrix glass = EmbeddedDatasets.LoadMatrix("glass2");
        header = [.. glass.FeatureNames, "Kind", "label"];
        kindSlot = glass.FeatureNames.Count;
        var lines = new List<string> { string.Join(",", header) };
        for (int i = 0; i < glass.Rows; i++)
        {
            var cells = glass.Features.Row(i).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))
                .Append((i % 3).ToString(CultureInfo.InvariantCulture)).Append(glass.Labels[i] == 1 ? "true" : "false");
            lines.Add(string.Join(",", cells));
        }

        string path = Path.Combine(Path.GetTempPath(), $"smotenc-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, lines);
        return path;
    }
}
