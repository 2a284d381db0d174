using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Onnx;
using Microsoft.ML.Oversampling.Tests.MLNet;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Tests.Classifiers;

/// <summary>The small CNN backbone of the DeepMlp trainers: its forward pass, its ONNX export against LibTorch, its
/// ML.NET zip, seeded bits with every imbalance strategy, and the image-shape checks.</summary>
[Collection(ParallelismCollection.Name)] // one test sets the process-wide thread counts
public sealed class SmallCnnTests
{
    private const double UnitRoundoff = 1.0 / (1 << 24); // float32: u = 2^-24

    /// <summary>8 × 8 grey-scale: pools to 4 × 4, then 2 × 2.</summary>
    private static readonly ImageShape Square = new(1, 8, 8);

    /// <summary>Two channels, odd sides: pools to 3 × 4, then 1 × 2 (the floor mode drops the odd edges).</summary>
    private static readonly ImageShape Odd = new(2, 7, 9);

    private static DeepMlpOptions Cnn(ImageShape shape, int seed, int epochs = 3, DeepImbalanceStrategy strategy = DeepImbalanceStrategy.Erm, bool drw = false) => new()
    {
        Backbone = DeepBackbone.SmallCnn,
        ImageShape = shape,
        MaxEpoch = epochs,
        BatchSize = 32,
        LearningRate = 3e-3,
        Seed = seed,
        Imbalance = new DeepImbalanceOptions { Strategy = strategy, DeferredReweighting = drw },
    };

    [Fact]
    public void Forward_ReadsFlatRows_AndGivesOneLogitPerOutput_WithAllParametersInTheFlatBuffer()
    {
        using var generator = new Generator(1, CPU);
        using var multiclass = new SmallCnn(Odd, 3, generator, CPU);
        using var binary = new SmallCnn(Square, 1, generator, CPU);
        using var fashion = new SmallCnn(new ImageShape(1, 28, 28), 10, generator, CPU);
        using Tensor x = randn([5, 126], generator: generator);
        using Tensor y = multiclass.forward(x);
        Assert.Equal([5L, 3L], y.shape);
        using Tensor z = randn([4, 64], generator: generator);
        using Tensor logit = binary.forward(z);
        Assert.Equal([4L, 1L], logit.shape);

        // conv 2→16 and 16→32 (3 × 3), then 32·1·2 = 64 → 128 → 3; every parameter is a view of the flat buffer.
        long expected = (16 * 2 * 9) + 16 + (32 * 16 * 9) + 32 + (64 * 128) + 128 + (128 * 3) + 3;
        Assert.Equal(expected, multiclass.Flat.Count);
        Assert.Equal(8, multiclass.parameters().Count());
        Assert.Equal(expected, multiclass.parameters().Sum(p => p.numel()));
        Assert.Equal(206_922, fashion.Flat.Count); // the figure of DeepBackbone.SmallCnn's documentation
        using (no_grad())
        {
            multiclass.Flat.Values.zero_();
        }

        using Tensor zeros = multiclass.forward(x);
        Assert.Equal(0, zeros.abs().max().item<float>());

        // A row's logits do not depend on the other rows of its batch (up to the rounding of a kernel chosen by batch size).
        using Tensor alone = binary.forward(z.narrow(0, 2, 1));
        Assert.Equal(logit[2, 0].item<float>(), alone[0, 0].item<float>(), 1e-5);
    }

    [Fact]
    public void BinaryOnnxScores_AgreeWithLibTorch_WithinTheFloat32DotProductBound()
    {
        var ml = new MLContext(seed: 1);
        BinaryRow[] rows = CnnTestImages.Binary(Odd, 60, 30, seed: 1);
        IDataView data = MLNetTestData.Load(ml, rows, 126);
        using DeepMlpTransformer model = ml.BinaryClassification.Trainers.DeepMlp(Cnn(Odd, seed: 4)).Fit(data);
        Assert.Equal(DeepBackbone.SmallCnn, model.Model.Backbone);
        Assert.Equal(Odd, model.Model.ImageShape);
        Assert.Equal(126, model.Model.FeatureCount);
        IDataView scored = model.Transform(data);
        float[] onnx = [.. scored.GetColumn<float>("Score")];
        float[] probability = [.. scored.GetColumn<float>("Probability")];
        bool[] predicted = [.. scored.GetColumn<bool>("PredictedLabel")];

        var features = new DenseMatrix(rows.Length, 126, [.. rows.SelectMany(r => r.Features)]);
        var (torch, magnitude) = LibTorchLogits(model.Model, features, 1);
        double gamma = Gamma(model.Model);
        for (int i = 0; i < rows.Length; i++)
        {
            double bound = 2 * gamma * magnitude[i];
            Assert.True(Math.Abs(onnx[i] - torch[i]) <= bound, $"row {i}: ONNX {onnx[i]:R}, LibTorch {torch[i]:R}, bound {bound:E2}");
            Assert.Equal((float)(1 / (1 + Math.Exp(-onnx[i]))), probability[i]);
            Assert.Equal(onnx[i] > 0, predicted[i]);
        }

        Assert.True(ml.BinaryClassification.Evaluate(scored).AreaUnderRocCurve > 0.95);
    }

    [Fact]
    public void MulticlassOnnxProbabilities_AgreeWithTheSoftmaxOfLibTorchsLogits()
    {
        var ml = new MLContext(seed: 1);
        int[] counts = [60, 40, 20];
        IDataView data = CnnTestImages.Multiclass(ml, Square, counts, seed: 2);
        using DeepMlpTransformer model = ml.MulticlassClassification.Trainers.DeepMlp(Cnn(Square, seed: 5, epochs: 15)).Fit(data);
        IDataView scored = model.Transform(data);
        float[][] onnx = [.. scored.GetColumn<float[]>("Score")];
        uint[] predicted = [.. scored.GetColumn<uint>("PredictedLabel")];
        float[][] pixels = [.. data.GetColumn<float[]>("Features")];
        var (torch, magnitude) = LibTorchLogits(model.Model, new DenseMatrix(pixels.Length, 64, [.. pixels.SelectMany(p => p)]), 3);
        double gamma = Gamma(model.Model);
        for (int i = 0; i < pixels.Length; i++)
        {
            // Each logit differs between the engines by at most Δ = 2γ·m (the largest over the row's outputs); the
            // softmax moves by at most p_k·(e^{2Δ} − 1) ≈ 2Δ·p_k under that, and ONNX Runtime's float32 softmax adds
            // its own rounding: exp, a K-term sum and a division, a few units of u relative (K + 8 allowed).
            double delta = 2 * gamma * Enumerable.Range(0, 3).Max(k => magnitude[(i * 3) + k]);
            double[] z = [.. Enumerable.Range(0, 3).Select(k => (double)torch[(i * 3) + k])];
            double[] p = [.. z.Select(v => Math.Exp(v - z.Max()))];
            double sum = p.Sum();
            for (int k = 0; k < 3; k++)
            {
                double exact = p[k] / sum;
                double bound = exact * ((2.01 * delta) + ((3 + 8) * UnitRoundoff));
                Assert.True(Math.Abs(onnx[i][k] - exact) <= bound, $"row {i}, class {k}: ONNX {onnx[i][k]:R}, LibTorch softmax {exact:R}, bound {bound:E2}");
            }

            Assert.Equal((uint)(Array.IndexOf(onnx[i], onnx[i].Max()) + 1), predicted[i]);
        }

        Assert.True(ml.MulticlassClassification.Evaluate(scored).MacroAccuracy > 0.9);
    }

    [Fact]
    public void Models_SaveToAnMLNetZip_AndLoadBack_PredictingIdentically()
    {
        var ml = new MLContext(seed: 1);
        IDataView images = CnnTestImages.Multiclass(ml, Odd, [50, 30, 15], seed: 3);
        using (DeepMlpTransformer model = ml.MulticlassClassification.Trainers.DeepMlp(Cnn(Odd, seed: 2, strategy: DeepImbalanceStrategy.MarginAwareMixup, drw: true)).Fit(images))
        {
            DeepModelRoundTrip.AssertMulticlass(ml, model, images);
        }

        // Binary, in a pipeline, through the probe app that references plain ML.NET packages only.
        BinaryRow[] rows = CnnTestImages.Binary(Square, 40, 20, seed: 4);
        IDataView data = MLNetTestData.Load(ml, rows, 64);
        using var pipeline = ml.Transforms.CopyColumns("Pixels", "Features")
            .Append(ml.BinaryClassification.Trainers.DeepMlp(Cnn(Square, seed: 6)))
            .Fit(data);
        DeepModelRoundTrip.AssertBinary(ml, pipeline, data, rows.Select(r => r.Features));
    }

    public static TheoryData<DeepImbalanceStrategy, bool> Strategies => new()
    {
        { DeepImbalanceStrategy.Erm, true },
        { DeepImbalanceStrategy.Smote, true },
        { DeepImbalanceStrategy.SoftSmote, true },
        { DeepImbalanceStrategy.Mixup, true },
        { DeepImbalanceStrategy.Remix, false },
        { DeepImbalanceStrategy.MarginAwareMixup, true },
    };

    [Theory]
    [MemberData(nameof(Strategies))]
    public void SameSeed_GivesTheSameBitsForAnyThreadCount_WithEveryStrategy(DeepImbalanceStrategy strategy, bool drw)
    {
        var ml = new MLContext(seed: 1);
        IDataView data = CnnTestImages.Multiclass(ml, Square, [40, 20, 10], seed: 7);
        byte[] Fit(int seed)
        {
            using DeepMlpTransformer model = ml.MulticlassClassification.Trainers.DeepMlp(Cnn(Square, seed, strategy: strategy, drw: drw)).Fit(data);
            Assert.All(model.Model.TrainingLoss, loss => Assert.True(double.IsFinite(loss) && loss > 0));
            return model.Model.ToOnnx();
        }

        int previous = Parallelism.MaxDegreeOfParallelism;
        int previousTorch = torch.get_num_threads();
        try
        {
            Parallelism.MaxDegreeOfParallelism = 1;
            torch.set_num_threads(1);
            byte[] single = Fit(3);
            Parallelism.MaxDegreeOfParallelism = 2;
            torch.set_num_threads(2);
            byte[] dual = Fit(3);
            Assert.Equal(single, dual);
            Assert.NotEqual(single, Fit(4));
        }
        finally
        {
            Parallelism.MaxDegreeOfParallelism = previous;
            torch.set_num_threads(previousTorch);
        }
    }

    [Fact]
    public void Margins_OfACnnModel_ComeFromItsOwnNetwork()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = CnnTestImages.Multiclass(ml, Square, [60, 40, 20], seed: 8);
        using DeepMlpTransformer model = ml.MulticlassClassification.Trainers.DeepMlp(Cnn(Square, seed: 2, epochs: 10)).Fit(data);
        LogitMarginChecks.AssertMatchScores(model, data);
    }

    [Fact]
    public void WrongFeatureLength_OrImageShape_IsRefused_NamingTheNumbers()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = CnnTestImages.Multiclass(ml, Square, [10, 10], seed: 9);
        var options = Cnn(Square, seed: 1);
        options.ImageShape = new ImageShape(1, 28, 28);
        var error = Assert.Throws<ArgumentException>(() => ml.MulticlassClassification.Trainers.DeepMlp(options).Fit(data));
        Assert.Contains("64 values per row", error.Message);
        Assert.Contains("1 × 28 × 28 needs 784", error.Message);

        options.ImageShape = new ImageShape(1, 3, 21);
        Assert.Equal("ImageShape", Assert.Throws<ArgumentOutOfRangeException>(() => ml.MulticlassClassification.Trainers.DeepMlp(options)).ParamName);
        options.ImageShape = new ImageShape(0, 8, 8);
        Assert.Equal("ImageShape", Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.DeepMlp(options)).ParamName);
        options.Backbone = (DeepBackbone)7;
        Assert.Equal("Backbone", Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.DeepMlp(options)).ParamName);

        // The MLP ignores the shape: the same options with the MLP backbone fit the 64 features.
        options.Backbone = DeepBackbone.Mlp;
        options.ImageShape = new ImageShape(1, 28, 28);
        using DeepMlpTransformer mlp = ml.MulticlassClassification.Trainers.DeepMlp(options).Fit(data);
        Assert.Equal(DeepBackbone.Mlp, mlp.Model.Backbone);
        Assert.Null(mlp.Model.ImageShape);
    }

    /// <summary>LibTorch's logits of the model's network for <paramref name="features"/>, and m: the same forward pass
    /// on absolute values (|W| ∗ |a| + |b| per layer; ReLU and max-pooling do not increase them).</summary>
    private static (float[] Logits, float[] Magnitude) LibTorchLogits(DeepMlpModel model, DenseMatrix features, int outputs)
    {
        ConvolutionStack convolutions = model.Convolutions!;
        var absolute = new ConvolutionStack(convolutions.Shape, [.. convolutions.Layers.Select(l => l with { Weight = Abs(l.Weight), Bias = Abs(l.Bias) })]);
        DenseLayer[] dense = [.. model.Layers.Select(l => l with { Weight = Abs(l.Weight), Bias = Abs(l.Bias) })];
        var absoluteFeatures = new DenseMatrix(features.Rows, features.Columns, Abs(features.Values));
        using FlatModule network = DeepMlpNetwork.FromModel(model, CPU);
        using SmallCnn magnitudes = SmallCnn.FromLayers(absolute, dense, CPU);
        return (NetworkInference.Predict(network, features, outputs, CPU).Values, NetworkInference.Predict(magnitudes, absoluteFeatures, outputs, CPU).Values);
    }

    /// <summary>γ = (Σ fan-in + layers)·u: the dot-product rounding bound summed over the layers (a convolution's
    /// output is a dot product of C_in·k² terms plus the bias), relative to m.</summary>
    private static double Gamma(DeepMlpModel model) =>
        (model.Convolutions!.Layers.Sum(l => (l.InChannels * l.Kernel * l.Kernel) + 1) + model.Layers.Sum(l => l.Inputs + 1)) * UnitRoundoff;

    private static float[] Abs(float[] values) => [.. values.Select(Math.Abs)];
}
