using System.Text;
using System.Text.Json.Nodes;
using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Pipeline;

namespace Microsoft.ML.Oversampling.Tests.Persistence;

/// <summary>Each kind of bad model file gets an <see cref="InvalidDataException"/> saying what is wrong.</summary>
public class BadModelFileTests
{
    private static readonly OversamplingContext s_ctx = new(seed: 11);
    private static readonly byte[] s_valid = CreateValidModel();

    private static byte[] CreateValidModel()
    {
        DataView data = s_ctx.Data.LoadEmbedded("haberman");
        var model = s_ctx.Transforms.NormalizeMeanVariance()
            .Append(s_ctx.Transforms.Oversampling.RandomOverSampler())
            .Append(s_ctx.BinaryClassification.Trainers.LogisticRegression())
            .Fit(data);
        return ModelFiles.SaveToBytes(s_ctx, model);
    }

    private static string LoadError(byte[] bytes) =>
        Assert.Throws<InvalidDataException>(() => ModelFiles.LoadFromBytes(s_ctx, bytes)).Message;

    private static byte[] WithManifest(Action<JsonObject> edit)
    {
        var entries = ModelFiles.ReadEntries(s_valid);
        var manifest = JsonNode.Parse(entries["manifest.json"])!.AsObject();
        edit(manifest);
        entries["manifest.json"] = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        return ModelFiles.WriteEntries(entries);
    }

    private static byte[] WithEntry(string name, Func<byte[], byte[]> edit)
    {
        var entries = ModelFiles.ReadEntries(s_valid);
        entries[name] = edit(entries[name]);
        return ModelFiles.WriteEntries(entries);
    }

    [Fact]
    public void RandomBytes_AreNotAZip()
    {
        var bytes = new byte[500];
        new Random(1).NextBytes(bytes);
        Assert.Contains("is not a model file: it is not a zip archive", LoadError(bytes));
        Assert.Contains("not a zip archive", LoadError([]));
    }

    [Fact]
    public void ZipWithoutManifest_IsReported()
    {
        var entries = ModelFiles.ReadEntries(s_valid);
        entries.Remove("manifest.json");
        Assert.Contains("the zip has no manifest.json entry", LoadError(ModelFiles.WriteEntries(entries)));
    }

    [Fact]
    public void ManifestThatIsNotJson_IsReported()
    {
        var entries = ModelFiles.ReadEntries(s_valid);
        entries["manifest.json"] = "{ not json"u8.ToArray();
        Assert.Contains("manifest.json of 'stream' is not valid JSON", LoadError(ModelFiles.WriteEntries(entries)));
    }

    [Fact]
    public void UnknownComponentType_IsNamed()
    {
        string message = LoadError(WithManifest(m => m["components"]![3]!["type"] = "GradientBoostedTrees"));
        Assert.Contains("model component 3 has unknown type 'GradientBoostedTrees'", message);
        Assert.Contains("Known types: ", message);
        Assert.Contains("LinearBinaryModel", message);
    }

    [Fact]
    public void NewerFormatVersion_AsksToUpgrade()
    {
        Assert.Contains("model format 999 is newer than this library's 1; upgrade Microsoft.ML.Oversampling",
            LoadError(WithManifest(m => m["formatVersion"] = 999)));
        Assert.Contains("has no formatVersion", LoadError(WithManifest(m => m.Remove("formatVersion"))));
    }

    [Fact]
    public void TruncatedEntry_IsNamed()
    {
        const string entry = "components/004-LinearBinaryModel.bin";
        string message = LoadError(WithEntry(entry, b => b[..(b.Length - 10)]));
        Assert.Contains($"Model entry '{entry}' is truncated", message);

        Assert.Contains($"Model entry '{entry}' is truncated", LoadError(WithEntry(entry, b => b[..3])));
    }

    [Fact]
    public void FlippedByteInAnArrayPayload_FailsTheChecksum_NamingEntryAndArray()
    {
        const string entry = "components/001-NormalizeMeanVariance.bin";
        string message = LoadError(WithEntry(entry, b =>
        {
            b[^6] ^= 0x10; // inside the last array's payload, before its 4-byte checksum
            return b;
        }));
        Assert.Contains($"Model entry '{entry}' failed its checksum in array 'scale'", message);
        Assert.Contains("the file is corrupt", message);
    }

    [Fact]
    public void MissingEntry_IsNamed()
    {
        var entries = ModelFiles.ReadEntries(s_valid);
        entries.Remove("components/004-LinearBinaryModel.bin");
        Assert.Contains("Model entry 'components/004-LinearBinaryModel.bin' of component 4 (LinearBinaryModel) is missing",
            LoadError(ModelFiles.WriteEntries(entries)));
    }

    [Fact]
    public void BadComponentSettings_NameTheComponent()
    {
        Assert.Contains("Model component 2 (Oversampler): setting 'method' is missing",
            LoadError(WithManifest(m => m["components"]![2]!["options"]!.AsObject().Remove("method"))));
        Assert.Contains("Model component 2 (Oversampler): Unknown method 'nope'",
            LoadError(WithManifest(m => m["components"]![2]!["options"]!["method"] = "nope")));
        Assert.Contains("lists child 1, which is not a later component",
            LoadError(WithManifest(m => m["components"]![3]!["children"] = new JsonArray(1))));
    }

    [Fact]
    public void MissingFile_IsFileNotFound()
    {
        string path = Path.Combine(Path.GetTempPath(), $"no-such-model-{Guid.NewGuid():N}.zip");
        Assert.Contains(path, Assert.Throws<FileNotFoundException>(() => s_ctx.Model.Load(path)).Message);
    }
}
