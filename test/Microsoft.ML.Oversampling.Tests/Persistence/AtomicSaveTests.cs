using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Pipeline;

namespace Microsoft.ML.Oversampling.Tests.Persistence;

/// <summary>Saving replaces the target atomically and never leaves a half-written or temporary file.</summary>
public sealed class AtomicSaveTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("atomic-save-").FullName;

    /// <summary>A transformer that does not know how to save itself.</summary>
    private sealed class UnsaveableTransformer : ITransformer
    {
        public DataView Transform(DataView input) => input;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void FailingSave_LeavesTheExistingTargetUntouched_AndNoTemporaryFile()
    {
        var ctx = new OversamplingContext(seed: 1);
        string path = Path.Combine(_folder, "model.zip");
        File.WriteAllText(path, "previous model");
        DataView data = ctx.Data.LoadEmbedded("haberman");
        var model = ctx.Transforms.NormalizeMeanVariance().Fit(data);
        var chain = new TransformerChain<ITransformer>([model, new UnsaveableTransformer()]);

        var error = Assert.Throws<NotSupportedException>(() => ctx.Model.Save(chain, path));

        Assert.Contains("UnsaveableTransformer cannot be saved: it does not implement IPersistableComponent", error.Message);
        Assert.Equal("previous model", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void SuccessfulSave_ReplacesTheTarget_AndLeavesNoTemporaryFile()
    {
        var ctx = new OversamplingContext(seed: 2);
        string path = Path.Combine(_folder, "model.zip");
        File.WriteAllText(path, "previous model");
        DataView data = ctx.Data.LoadEmbedded("haberman");
        var model = ctx.Transforms.NormalizeMeanVariance().Append(ctx.BinaryClassification.Trainers.LogisticRegression()).Fit(data);

        ctx.Model.Save(model, path);

        Assert.Equal([path], Directory.GetFiles(_folder));
        ModelFiles.AssertSamePredictions(model, ctx.Model.Load(path), data);
    }

    [Fact]
    public void SaveIntoAMissingFolder_FailsWithoutCreatingIt()
    {
        var ctx = new OversamplingContext(seed: 3);
        string path = Path.Combine(_folder, "missing", "model.zip");
        var model = ctx.Transforms.NormalizeMeanVariance().Fit(ctx.Data.LoadEmbedded("haberman"));

        var error = Assert.Throws<DirectoryNotFoundException>(() => ctx.Model.Save(model, path));
        Assert.Contains($"folder '{Path.GetDirectoryName(path)}' does not exist", error.Message);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }
}
