using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.ML.Oversampling.Datasets;
using Microsoft.ML.Oversampling.Tests.Support;

namespace Microsoft.ML.Oversampling.Tests.MLNet;

/// <summary>The README's C# example is examples/QuickStart/Program.cs verbatim, and it builds and runs.</summary>
public sealed partial class ReadmeExampleTests
{
    [Fact]
    public void ReadmeShowsTheQuickStartProgramVerbatim()
    {
        string root = BuiltApp.Path("RepositoryRoot");
        string readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        string program = File.ReadAllText(Path.Combine(root, "examples", "QuickStart", "Program.cs")).ReplaceLineEndings("\n");
        Assert.Contains("```csharp\n" + program + "```", readme);
    }

    [Fact]
    public void QuickStartRunsOnYeast4_AndTheReloadedModelScoresAsTheOriginal()
    {
        string directory = Directory.CreateTempSubdirectory("oversampling-quickstart-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "yeast4.csv"), EmbeddedDatasets.ReadCsv("yeast4"));
            string[] output = BuiltApp.Run("QuickStart", directory);

            double auc = double.Parse(AucPattern().Match(output[0]).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(auc, 0.75, 1.0);
            Assert.Equal($"reloaded: AUC {auc.ToString("F3", CultureInfo.InvariantCulture)}", output[1]);
            Assert.Contains("CalibratedModelParameters", output[2]); // FastTree's own calibrated model type
            // 75% of yeast4's 1433 majority rows land in the training split; Borderline-SMOTE grows the minority to match.
            Match counts = CountsPattern().Match(output[3]);
            Assert.True(counts.Success, output[3]);
            Assert.Equal(counts.Groups[1].Value, counts.Groups[2].Value);
            Assert.InRange(int.Parse(counts.Groups[1].Value, CultureInfo.InvariantCulture), 1000, 1150);
            Assert.Matches(@"^5-fold CV x 2: F1 0\.\d{4} ± 0\.\d{4}, G-mean 0\.\d{4} ± 0\.\d{4}$", output[4]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [GeneratedRegex(@"AUC (\d\.\d{3})")]
    private static partial Regex AucPattern();

    [GeneratedRegex(@"(\d+) majority and (\d+) minority rows")]
    private static partial Regex CountsPattern();
}
