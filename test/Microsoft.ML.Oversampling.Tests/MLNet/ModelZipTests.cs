using System.Globalization;

using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Tests.Support;

namespace Microsoft.ML.Oversampling.Tests.MLNet;

/// <summary>Pipelines with sampler steps save to ML.NET's own model zip, which loads anywhere ML.NET does.</summary>
public sealed class ModelZipTests
{
    [Fact]
    public void SavedModel_LoadsInAnAppWithoutThisLibrary_AndPredictsIdentically()
    {
        var ml = new MLContext(seed: 1);
        BinaryRow[] rows = MLNetTestData.Rows("yeast4");
        IDataView data = MLNetTestData.Load(ml, rows, 8);
        ITransformer model = MLNetTestData.FitSmoteFastTree(ml, data);
        string directory = Directory.CreateTempSubdirectory("oversampling-zip-").FullName;
        try
        {
            string zip = Path.Combine(directory, "model.zip");
            string features = Path.Combine(directory, "features.csv");
            ml.Model.Save(model, data.Schema, zip);
            File.WriteAllLines(features, rows.Select(r => string.Join(",", r.Features.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));

            string[] theirs = RunProbe(zip, features);
            string[] ours = model.Transform(data).GetColumn<float>("Score").Select(s => s.ToString("R", CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(ours, theirs);

            // And the in-process reload, through plain ML.NET.
            ITransformer loaded = ml.Model.Load(zip, out _);
            Assert.Equal(ours, loaded.Transform(data).GetColumn<float>("Score").Select(s => s.ToString("R", CultureInfo.InvariantCulture)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void TheProbeReallyHasNoCopyOfThisLibrary()
    {
        string probeDirectory = Path.GetDirectoryName(ProbePath())!;
        Assert.True(File.Exists(Path.Combine(probeDirectory, "Microsoft.ML.Data.dll")));
        Assert.False(File.Exists(Path.Combine(probeDirectory, "Microsoft.ML.Oversampling.dll")));
    }

    private static string ProbePath() => BuiltApp.Path("ModelLoadProbe");

    private static string[] RunProbe(string zip, string features) => BuiltApp.Run("ModelLoadProbe", Path.GetDirectoryName(zip)!, zip, features);
}
