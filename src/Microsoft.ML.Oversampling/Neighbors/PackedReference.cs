using System.Runtime.CompilerServices;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Neighbors;

/// <summary>
/// The reference rows laid out for the distance kernel: centred on their mean (which shrinks the magnitudes
/// and so the rounding error of the norms-plus-dot-product formulation), split into panels of
/// <see cref="PanelWidth"/> rows, each stored feature-major (<c>[feature][row]</c>) so the kernel loads
/// consecutive rows of one feature as a vector. Padding rows have an infinite norm and never match.
/// </summary>
internal sealed class PackedReference
{
    public const int PanelWidth = 256;

    public const int TileWidth = 64;

    /// <summary>The column means (rounded to float), subtracted from every reference and query row.</summary>
    private readonly float[] _centre;

    public PackedReference(DenseMatrix reference, int maxDegreeOfParallelism)
    {
        Rows = reference.Rows;
        Columns = reference.Columns;
        PanelCount = (Rows + PanelWidth - 1) / PanelWidth;
        _centre = ColumnMeans(reference);
        Panels = new float[(long)PanelCount * PanelWidth * Columns];
        Norms = new float[PanelCount * PanelWidth];
        var panelMaxNorm = new double[PanelCount];

        SmallWork.For(PanelCount, SmallWork.Threads((long)Rows * Columns * 8, maxDegreeOfParallelism), panel =>
            panelMaxNorm[panel] = PackPanel(reference, panel));

        MaxNorm = Math.Sqrt(SpanArithmetic.LargestNonNegative(panelMaxNorm));
    }

    /// <summary>Packs one panel; returns the largest squared norm in it.</summary>
    private double PackPanel(DenseMatrix reference, int panel)
    {
        int d = Columns;
        Span<float> target = Panels.AsSpan(panel * PanelWidth * d, PanelWidth * d);
        Span<float> centred = d <= 1024 ? stackalloc float[d] : new float[d];
        double maxNorm = 0;
        for (int r = 0; r < PanelWidth; r++)
        {
            int row = (panel * PanelWidth) + r;
            if (row >= Rows)
            {
                Norms[row] = float.PositiveInfinity;
                continue;
            }

            float norm = Centre(reference.Row(row), centred);
            Span<float> destination = target[TileOffset(r, d)..];
            for (int j = 0; j < d; j++)
            {
                destination[j * TileWidth] = centred[j];
            }

            Norms[row] = norm;
            maxNorm = Math.Max(maxNorm, norm);
        }

        return maxNorm;
    }

    /// <summary>
    /// Writes <paramref name="values"/> minus the centre into <paramref name="centred"/> and returns its squared norm
    /// (single precision; its rounding error is covered by the search's error bound). Queries and references are
    /// centred by this same routine.
    /// </summary>
    public float Centre(ReadOnlySpan<float> values, Span<float> centred)
    {
        return SpanArithmetic.SubtractSquaredNorm(values, _centre, centred);
    }

    public int Rows { get; }

    public int Columns { get; }

    public int PanelCount { get; }


    /// <summary>Centred values: panel-major, then tile-major, then feature-major.</summary>
    public float[] Panels { get; }

    /// <summary>Squared norm of each centred row (+∞ for padding).</summary>
    public float[] Norms { get; }

    /// <summary>The largest norm of a centred reference row (bounds the kernel's rounding error).</summary>
    public double MaxNorm { get; }

    /// <summary>Position, within a panel, of row <paramref name="row"/>'s first feature.</summary>
    public static int TileOffset(int row, int features) => ((row / TileWidth) * TileWidth * features) + (row % TileWidth);

    /// <summary>
    /// Column means of up to 4096 evenly spaced rows: any point near the data's middle serves as the centre (it only
    /// has to shrink magnitudes; exactness never depends on it), so a sample is enough.
    /// </summary>
    private static float[] ColumnMeans(DenseMatrix matrix)
    {
        var sum = new double[matrix.Columns];
        int step = Math.Max(1, matrix.Rows / 4096);
        int count = 0;
        for (int i = 0; i < matrix.Rows; i += step)
        {
            ReadOnlySpan<float> row = matrix.Row(i);
            for (int j = 0; j < row.Length; j++)
            {
                sum[j] += row[j];
            }

            count++;
        }

        var means = new float[sum.Length];
        for (int j = 0; j < sum.Length; j++)
        {
            means[j] = (float)(sum[j] / Math.Max(1, count));
        }

        return means;
    }
}
