using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling;

/// <summary>
/// Per-class logit margins of a deep classifier (papers.md §4.11 item 2, [PROP] reading of the paper's "uneven
/// margins"): for a row x of class y, <c>γ(x, y) = z_y(x) − max_{j≠y} z_j(x)</c> on the logits z (for the binary
/// network's single logit z, the two-class logits (0, z): γ = z for class 1, −z for class 0), averaged per class. Report
/// them against the training counts: Mixup is said to leave larger margins to the minority classes.
/// </summary>
public static class LogitMargins
{
    /// <summary>The mean margin of each class (NaN for a class without rows) of <paramref name="model"/> on the rows of
    /// <paramref name="features"/> (the model's input, already normalised) with 0-based <paramref name="classes"/>.</summary>
    public static double[] PerClassMean(DeepMlpModel model, DenseMatrix features, IReadOnlyList<int> classes)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(classes);
        if (features.Columns != model.FeatureCount || features.Rows != classes.Count)
        {
            throw new ArgumentException($"The rows are {features.Rows} × {features.Columns} with {classes.Count} classes; the model reads {model.FeatureCount} features per row.", nameof(features));
        }

        using FlatModule network = DeepMlpNetwork.FromModel(model, CPU);
        return PerClassMean(network, features, classes, model.ClassCount);
    }

    /// <summary>The same for a LibTorch network with <paramref name="classCount"/> classes.</summary>
    internal static double[] PerClassMean(nn.Module<Tensor, Tensor> network, DenseMatrix features, IReadOnlyList<int> classes, int classCount)
    {
        int outputs = DeepMlpNetwork.Outputs(classCount);
        DenseMatrix logits = NetworkInference.Predict(network, features, outputs, CPU);
        var sums = new double[classCount];
        var counts = new int[classCount];
        for (int i = 0; i < features.Rows; i++)
        {
            int y = classes[i];
            ReadOnlySpan<float> z = logits.Values.AsSpan(i * outputs, outputs);
            double margin;
            if (outputs == 1)
            {
                margin = y == 1 ? z[0] : -z[0];
            }
            else
            {
                double other = double.NegativeInfinity;
                for (int j = 0; j < outputs; j++)
                {
                    if (j != y)
                    {
                        other = Math.Max(other, z[j]);
                    }
                }

                margin = z[y] - other;
            }

            sums[y] += margin;
            counts[y]++;
        }

        return [.. sums.Select((s, c) => counts[c] == 0 ? double.NaN : s / counts[c])];
    }
}
