using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Tests.Classifiers;

/// <summary>Checks <see cref="LogitMargins"/> of a fitted multiclass model against its own ONNX scores.</summary>
internal static class LogitMarginChecks
{
    /// <summary>Each class's mean logit margin on <paramref name="data"/> (key <c>Label</c>, <c>Features</c>) equals the
    /// mean log-ratio of the model's probability of the class to its largest other probability (the softmax's logit
    /// differences), to 1e-3: the margins come from the model's own network, whatever its backbone.</summary>
    public static void AssertMatchScores(DeepMlpTransformer model, IDataView data)
    {
        float[][] features = [.. data.GetColumn<float[]>("Features")];
        int[] classes = [.. data.GetColumn<uint>("Label").Select(k => (int)k - 1)];
        int classCount = model.Model.ClassCount;
        var matrix = new DenseMatrix(features.Length, model.Model.FeatureCount, [.. features.SelectMany(f => f)]);
        double[] margins = LogitMargins.PerClassMean(model.Model, matrix, classes);
        Assert.Equal(classCount, margins.Length);
        float[][] scores = [.. model.Transform(data).GetColumn<float[]>("Score")];
        for (int c = 0; c < classCount; c++)
        {
            double logRatio = Enumerable.Range(0, classes.Length).Where(i => classes[i] == c)
                .Average(i => Math.Log(scores[i][c]) - Math.Log(scores[i].Where((_, j) => j != c).Max()));
            Assert.Equal(logRatio, margins[c], 1e-3);
        }
    }
}
