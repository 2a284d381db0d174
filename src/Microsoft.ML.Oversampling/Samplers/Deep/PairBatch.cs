using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>Builds the network inputs and SMOTE targets of a batch of pairs.</summary>
internal static class PairBatch
{
    /// <summary>Writes the rows <c>[x_a ; x_b ; z]</c> (z standard Gaussian noise of length <paramref name="noise"/>).</summary>
    public static void Fill(DenseMatrix rows, ReadOnlySpan<int> first, ReadOnlySpan<int> second, int noise, DeterministicRandom random, Span<float> input)
    {
        int d = rows.Columns;
        int width = (2 * d) + noise;
        for (int t = 0; t < first.Length; t++)
        {
            Span<float> target = input.Slice(t * width, width);
            rows.Row(first[t]).CopyTo(target);
            rows.Row(second[t]).CopyTo(target[d..]);
            random.FillGaussian(target[(2 * d)..]);
        }
    }

    /// <summary>Writes the SMOTE targets <c>x_a + u·(x_b − x_a)</c>, u uniform in [0, 1) drawn per pair.</summary>
    public static void Targets(DenseMatrix rows, ReadOnlySpan<int> first, ReadOnlySpan<int> second, DeterministicRandom random, Span<float> targets)
    {
        int d = rows.Columns;
        for (int t = 0; t < first.Length; t++)
        {
            float u = random.NextSingle();
            ReadOnlySpan<float> a = rows.Row(first[t]);
            ReadOnlySpan<float> b = rows.Row(second[t]);
            Span<float> target = targets.Slice(t * d, d);
            for (int j = 0; j < d; j++)
            {
                target[j] = a[j] + (u * (b[j] - a[j]));
            }
        }
    }
}
