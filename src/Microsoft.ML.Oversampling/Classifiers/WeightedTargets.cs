using Microsoft.ML.Oversampling.Generators;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>
/// The target rows of mixed pairs, <c>T[b] = μ_b·w_a·e_a + (1 − μ_b)·w_p·e_p</c> (papers.md §4.11 item 8: the class
/// weights multiply, nothing is renormalised), built on the CPU (a batch is small) and uploaded.
/// </summary>
internal static class WeightedTargets
{
    /// <summary>The rows × <paramref name="classes"/> targets; <paramref name="weights"/> <c>null</c> means all ones.</summary>
    public static Tensor Build(int classes, ReadOnlySpan<long> anchors, ReadOnlySpan<long> partners, ReadOnlySpan<double> anchorWeight, float[]? weights, Device device)
    {
        int rows = anchors.Length;
        var values = new float[rows * classes];
        for (int b = 0; b < rows; b++)
        {
            int a = (int)anchors[b], p = (int)partners[b];
            double mu = anchorWeight[b];
            double wa = weights?[a] ?? 1, wp = weights?[p] ?? 1;
            // A same-class pair: both terms land in one cell, summed in double and rounded once.
            if (a == p)
            {
                values[(b * classes) + a] = (float)((mu * wa) + ((1 - mu) * wp));
            }
            else
            {
                values[(b * classes) + a] = (float)(mu * wa);
                values[(b * classes) + p] = (float)((1 - mu) * wp);
            }
        }

        return TensorRows.Upload(values, rows, classes, device);
    }

    /// <summary>The classes of a label tensor (int64, any device), on the CPU.</summary>
    public static long[] Classes(Tensor labels)
    {
        using Tensor host = labels.device_type == TorchSharp.DeviceType.CPU ? labels.contiguous() : labels.cpu().contiguous();
        return host.data<long>().ToArray();
    }
}
