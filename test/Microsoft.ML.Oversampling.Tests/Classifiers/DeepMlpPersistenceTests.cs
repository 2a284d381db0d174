using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Tests.MLNet;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Tests.Classifiers;

/// <summary>The deep classifier scores through ONNX Runtime, agrees with LibTorch, and saves to a plain ML.NET zip.</summary>
public sealed class DeepMlpPersistenceTests
{
    private const double UnitRoundoff = 1.0 / (1 << 24); // float32: u = 2^-24

    [Fact]
    public void OnnxScores_AgreeWithLibTorch_WithinTheFloat32DotProductBound()
    {
        var ml = new MLContext(seed: 1);
        BinaryRow[] rows = MLNetTestData.Rows("yeast4");
        IDataView data = MLNetTestData.Load(ml, rows, 8);
        using DeepMlpTransformer model = ml.BinaryClassification.Trainers.DeepMlp(
            new DeepMlpOptions { MaxEpoch = 3, HiddenLayerSizes = [32, 16], Seed = 4 }).Fit(data);
        IDataView scored = model.Transform(data);
        float[] onnx = [.. scored.GetColumn<float>("Score")];
        float[] probability = [.. scored.GetColumn<float>("Probability")];
        bool[] predicted = [.. scored.GetColumn<bool>("PredictedLabel")];

        var features = new DenseMatrix(rows.Length, 8, [.. rows.SelectMany(r => r.Features)]);
        float[] torch;
        using (MultilayerPerceptron network = DeepMlpNetwork.FromLayers(model.Model.Layers, CPU))
        {
            torch = NetworkInference.Predict(network, features, 1, CPU).Values;
        }

        for (int i = 0; i < rows.Length; i++)
        {
            // Each engine's float32 forward pass is within γ·m of the exact value, where m is the same pass on absolute
            // values (|W|·|a| + |b| per layer; ReLU does not increase magnitudes) and γ = (Σ fan-in + layers)·u, the
            // dot-product rounding bound summed over layers. Two engines that sum in different orders differ by at most 2γ·m.
            double bound = 2 * MagnitudeBound(model.Model.Layers, rows[i].Features);
            Assert.True(Math.Abs(onnx[i] - torch[i]) <= bound, $"row {i}: ONNX {onnx[i]:R}, LibTorch {torch[i]:R}, bound {bound:E2}");
            Assert.Equal((float)(1 / (1 + Math.Exp(-onnx[i]))), probability[i]);
            Assert.Equal(onnx[i] > 0, predicted[i]);
        }
    }

    [Fact]
    public void BinaryModel_SavesToAZip_ThatLoadsWithoutThisLibrary_AndPredictsIdentically()
    {
        var ml = new MLContext(seed: 1);
        BinaryRow[] rows = MLNetTestData.Rows("yeast4");
        IDataView data = MLNetTestData.Load(ml, rows, 8);
        ITransformer model = ml.Transforms.NormalizeMinMax("Features")
            .Append(ml.BinaryClassification.Trainers.DeepMlp(maxEpoch: 3, seed: 2))
            .Fit(data);
        DeepModelRoundTrip.AssertBinary(ml, model, data, rows.Select(r => r.Features));
    }

    [Fact]
    public void Dispose_DeletesTheOnnxFile_AndTheModelStillSavesUntilThen()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = DeepMlpTestData.Binary(ml, 100, 1, seed: 1);
        byte[] onnx = ml.BinaryClassification.Trainers.DeepMlp(maxEpoch: 1, seed: 9).Fit(data).Model.ToOnnx();
        string[] before = TemporaryCopies(onnx); // that fit's file, and any left by an earlier run
        DeepMlpTransformer model = ml.BinaryClassification.Trainers.DeepMlp(maxEpoch: 1, seed: 9).Fit(data);
        Assert.Equal(onnx, model.Model.ToOnnx());
        string[] copies = [.. TemporaryCopies(onnx).Except(before)];
        Assert.Single(copies); // one file per fit: ours, and no copy by ML.NET
        using (var zip = new MemoryStream())
        {
            ml.Model.Save(model, data.Schema, zip);
            Assert.True(zip.Length > onnx.Length);
        }

        model.Dispose();
        Assert.All(copies, path => Assert.False(File.Exists(path), path));

        // Disposing a fitted pipeline disposes the transformer in it.
        DateTime start = DateTime.UtcNow.AddSeconds(-1);
        var pipeline = ml.Transforms.NormalizeMinMax("Features").Append(ml.BinaryClassification.Trainers.DeepMlp(maxEpoch: 1, seed: 9)).Fit(data);
        byte[] pipelineOnnx = pipeline.LastTransformer.Model.ToOnnx();
        string[] pipelineBefore = [.. TemporaryCopies(pipelineOnnx).Where(path => File.GetLastWriteTimeUtc(path) >= start)];
        Assert.NotEmpty(pipelineBefore);
        pipeline.Dispose();
        Assert.All(pipelineBefore, path => Assert.False(File.Exists(path), path));
    }

    /// <summary>Files in the temporary folder (where ML.NET would put a copy) and in ours holding exactly
    /// <paramref name="onnx"/> (seed 9 makes them this test's).</summary>
    private static string[] TemporaryCopies(byte[] onnx) =>
        [.. new DirectoryInfo(Path.GetTempPath()).EnumerateFiles()
            .Concat(new DirectoryInfo(Path.Combine(Path.GetTempPath(), "Microsoft.ML.Oversampling")).EnumerateFiles()).Where(f => f.Length == onnx.Length && File.ReadAllBytes(f.FullName).AsSpan().SequenceEqual(onnx)).Select(f => f.FullName)];

    [Fact]
    public void MulticlassModel_SavesAndLoads_WithIdenticalScoresAndKeys()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = DeepMlpTestData.ThreeClasses(ml, 300, 3, seed: 1);
        using DeepMlpTransformer model = ml.MulticlassClassification.Trainers.DeepMlp(maxEpoch: 3, seed: 2).Fit(data);
        DeepModelRoundTrip.AssertMulticlass(ml, model, data);
    }

    /// <summary>γ·m: the float32 forward-error bound of one engine for one row.</summary>
    private static double MagnitudeBound(IReadOnlyList<Onnx.DenseLayer> layers, float[] input)
    {
        double[] magnitude = [.. input.Select(v => (double)Math.Abs(v))];
        int operations = 0;
        foreach (Onnx.DenseLayer layer in layers)
        {
            var next = new double[layer.Outputs];
            for (int o = 0; o < layer.Outputs; o++)
            {
                double sum = Math.Abs(layer.Bias[o]);
                for (int i = 0; i < layer.Inputs; i++)
                {
                    sum += Math.Abs(layer.Weight[(o * layer.Inputs) + i]) * magnitude[i];
                }

                next[o] = sum;
            }

            magnitude = next;
            operations += layer.Inputs + 1;
        }

        return operations * UnitRoundoff * magnitude[0];
    }
}
