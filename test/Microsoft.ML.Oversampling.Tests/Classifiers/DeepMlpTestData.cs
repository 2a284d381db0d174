using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Tests.Classifiers;

/// <summary>A row with a class name, made a key label by <c>MapValueToKey</c> for the multiclass trainer.</summary>
public sealed class ClassRow
{
    public string Class { get; set; } = "";

    [VectorType(2)]
    public float[] Features { get; set; } = [];
}

/// <summary>A class name, for <c>MapValueToKey</c>'s key data.</summary>
public sealed class ClassName
{
    public string Class { get; set; } = "";
}

/// <summary>Gaussian blobs with known Bayes accuracy, as data views.</summary>
internal static class DeepMlpTestData
{
    /// <summary>Two classes N(±μ, I) in 2-D with ‖μ‖ = <paramref name="halfDistance"/>: the Bayes rule is the sign of
    /// μ·x and its accuracy is Φ(‖μ‖).</summary>
    public static IDataView Binary(MLContext ml, int rows, double halfDistance, int seed)
    {
        var random = new DeterministicRandom(seed);
        double m = halfDistance / Math.Sqrt(2);
        var data = new List<MLNet.BinaryRow>();
        for (int i = 0; i < rows; i++)
        {
            bool positive = (i & 1) == 1;
            double sign = positive ? 1 : -1;
            data.Add(new MLNet.BinaryRow
            {
                Label = positive,
                Features = [(float)((sign * m) + random.NextGaussian()), (float)((sign * m) + random.NextGaussian())],
                Id = i,
            });
        }

        return MLNet.MLNetTestData.Load(ml, data, 2);
    }

    /// <summary>Three classes N(c_k, I) at the corners of an equilateral triangle of side <paramref name="side"/>.</summary>
    public static IDataView ThreeClasses(MLContext ml, int rows, double side, int seed)
    {
        var random = new DeterministicRandom(seed);
        (double X, double Y)[] centres = [(0, 0), (side, 0), (side / 2, side * Math.Sqrt(3) / 2)];
        string[] names = ["circle", "square", "triangle"];
        var data = new List<ClassRow>();
        for (int i = 0; i < rows; i++)
        {
            int k = i % 3;
            data.Add(new ClassRow
            {
                Class = names[k],
                Features = [(float)(centres[k].X + random.NextGaussian()), (float)(centres[k].Y + random.NextGaussian())],
            });
        }

        IDataView view = ml.Data.LoadFromEnumerable(data);
        return ml.Transforms.Conversion.MapValueToKey("Label", "Class", keyData: ml.Data.LoadFromEnumerable(names.Select(n => new ClassName { Class = n })))
            .Fit(view).Transform(view);
    }

    /// <summary>Φ, the standard normal distribution function (Abramowitz–Stegun 7.1.26 erf, error below 1.5e-7).</summary>
    public static double NormalCdf(double x)
    {
        double z = Math.Abs(x) / Math.Sqrt(2);
        double t = 1 / (1 + (0.3275911 * z));
        double erf = 1 - ((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
