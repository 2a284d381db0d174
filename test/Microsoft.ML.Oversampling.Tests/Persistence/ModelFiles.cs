using System.IO.Compression;
using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Persistence;
using Microsoft.ML.Oversampling.Pipeline;

namespace Microsoft.ML.Oversampling.Tests.Persistence;

/// <summary>Helpers of the persistence tests: saving to bytes, rewriting zips, comparing predictions bit for bit.</summary>
internal static class ModelFiles
{
    public static byte[] SaveToBytes(OversamplingContext ctx, ITransformer model, ModelInputSchema? schema = null)
    {
        using var stream = new MemoryStream();
        ctx.Model.Save(model, schema, stream);
        return stream.ToArray();
    }

    public static ITransformer LoadFromBytes(OversamplingContext ctx, byte[] bytes) => ctx.Model.Load(new MemoryStream(bytes));

    public static ITransformer RoundTrip(OversamplingContext ctx, ITransformer model) => LoadFromBytes(ctx, SaveToBytes(ctx, model));

    /// <summary>The zip's entries as name → bytes.</summary>
    public static Dictionary<string, byte[]> ReadEntries(byte[] zipBytes)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
    }

    /// <summary>A new zip with the given entries.</summary>
    public static byte[] WriteEntries(IEnumerable<KeyValuePair<string, byte[]>> entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(data);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Asserts that two models give bit-identical Score, Probability and PredictedLabel columns.</summary>
    public static void AssertSamePredictions(ITransformer expected, ITransformer actual, DataView data)
    {
        DataView a = expected.Transform(data), b = actual.Transform(data);
        Assert.Equal(Bits(a, "Score"), Bits(b, "Score"));
        Assert.Equal(Bits(a, "Probability"), Bits(b, "Probability"));
        Assert.Equal(a.GetColumn<bool>("PredictedLabel").Values.ToArray(), b.GetColumn<bool>("PredictedLabel").Values.ToArray());
    }

    private static int[] Bits(DataView data, string column) =>
        data.GetColumn<float>(column).Values.ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();
}
