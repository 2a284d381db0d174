using System.Globalization;
using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Tests.Support;

namespace Microsoft.ML.Oversampling.Tests.Classifiers;

/// <summary>Saves a fitted deep classifier (or a pipeline ending in one) to ML.NET's zip, loads it back, and asserts
/// that the loaded chain predicts identically: the shared check of every backbone and imbalance strategy.</summary>
internal static class DeepModelRoundTrip
{
    /// <summary>Multiclass: the loaded chain's <c>Score</c> vectors are bit-identical, and its <c>PredictedLabel</c> keys
    /// and their type are the same.</summary>
    /// <returns><paramref name="model"/>'s scoring of <paramref name="data"/>, for further checks.</returns>
    public static IDataView AssertMulticlass(MLContext ml, ITransformer model, IDataView data)
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        using var loaded = (TransformerChain<ITransformer>)ml.Model.Load(stream, out _);
        IDataView ours = model.Transform(data), theirs = loaded.Transform(data);
        Assert.Equal(
            ours.GetColumn<float[]>("Score").SelectMany(s => s).Select(BitConverter.SingleToInt32Bits),
            theirs.GetColumn<float[]>("Score").SelectMany(s => s).Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(ours.GetColumn<uint>("PredictedLabel"), theirs.GetColumn<uint>("PredictedLabel"));
        Assert.Equal(ours.Schema["PredictedLabel"].Type, theirs.Schema["PredictedLabel"].Type);
        return ours;
    }

    /// <summary>Binary: the zip, loaded by <c>test/ModelLoadProbe</c> (plain ML.NET packages, no reference to this
    /// library) on the raw <paramref name="features"/> of <paramref name="data"/>'s rows and by <c>mlContext.Model.Load</c>
    /// in process, gives the same <c>Score</c> bits; in process also the same <c>Probability</c> and <c>PredictedLabel</c>.</summary>
    public static void AssertBinary(MLContext ml, ITransformer model, IDataView data, IEnumerable<float[]> features)
    {
        string directory = Directory.CreateTempSubdirectory("deep-model-zip-").FullName;
        try
        {
            string zip = Path.Combine(directory, "model.zip");
            string featureFile = Path.Combine(directory, "features.csv");
            ml.Model.Save(model, data.Schema, zip);
            File.WriteAllLines(featureFile, features.Select(r => string.Join(",", r.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));

            IDataView ours = model.Transform(data);
            string[] scores = Formatted(ours.GetColumn<float>("Score"));
            Assert.Equal(scores, BuiltApp.Run("ModelLoadProbe", directory, zip, featureFile));

            ITransformer loaded = ml.Model.Load(zip, out _);
            IDataView theirs = loaded.Transform(data);
            Assert.Equal(scores, Formatted(theirs.GetColumn<float>("Score")));
            Assert.Equal(Formatted(ours.GetColumn<float>("Probability")), Formatted(theirs.GetColumn<float>("Probability")));
            Assert.Equal(ours.GetColumn<bool>("PredictedLabel"), theirs.GetColumn<bool>("PredictedLabel"));
            (loaded as IDisposable)?.Dispose();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string[] Formatted(IEnumerable<float> values) => [.. values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))];
}
