using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// The synthetic rows of a SMOTE-family sampler before they are computed: for each new row, a base row, a
/// target row (one of the base row's neighbours) and a step, giving <c>base + step · (target − base)</c>.
/// Rows are indices into the problem's feature matrix. All randomness is drawn while building the plan, on one
/// stream, so computing the rows in parallel cannot change them.
/// </summary>
internal sealed class InterpolationPlan
{
    private readonly List<int> _bases = [];
    private readonly List<int> _targets = [];
    private readonly List<double> _steps = [];

    public int Count => _bases.Count;

    public IReadOnlyList<int> BaseRows => _bases;

    public IReadOnlyList<int> TargetRows => _targets;

    public IReadOnlyList<double> Steps => _steps;

    /// <summary>Makes room for <paramref name="additional"/> more rows.</summary>
    public void Reserve(int additional)
    {
        _bases.EnsureCapacity(_bases.Count + additional);
        _targets.EnsureCapacity(_targets.Count + additional);
        _steps.EnsureCapacity(_steps.Count + additional);
    }

    public void Add(int baseRow, int targetRow, double step)
    {
        _bases.Add(baseRow);
        _targets.Add(targetRow);
        _steps.Add(step);
    }

    /// <summary>
    /// imbalanced-learn's <c>_make_samples</c>: draws <paramref name="count"/> slots uniformly with replacement
    /// among all (base row, neighbour) slots, each with step <c>stepScale · U[0, 1)</c>.
    /// </summary>
    /// <param name="baseRows">The candidate base rows.</param>
    /// <param name="neighbors">The <paramref name="k"/> neighbour rows of each base row, base-major.</param>
    /// <param name="k">Neighbours per base row.</param>
    /// <param name="count">Slots to draw.</param>
    /// <param name="stepScale">1 for a full step, 0.5 for Borderline-2's steps toward other classes.</param>
    /// <param name="random">The class's random stream.</param>
    public void DrawUniform(ReadOnlySpan<int> baseRows, ReadOnlySpan<int> neighbors, int k, int count, double stepScale, DeterministicRandom random)
    {
        int slots = checked(baseRows.Length * k);
        Reserve(count);
        for (int i = 0; i < count; i++)
        {
            int slot = random.NextInt(slots);
            Add(baseRows[slot / k], neighbors[slot], stepScale * random.NextDouble());
        }
    }

    /// <summary>Computes the rows (in double precision, rounded once to float) into a new matrix.</summary>
    public DenseMatrix Generate(DenseMatrix features, int maxDegreeOfParallelism)
    {
        var values = GC.AllocateUninitializedArray<float>(Count * features.Columns); // every row is written
        WriteRows(features, values, 0, maxDegreeOfParallelism);
        return new DenseMatrix(Count, features.Columns, values);
    }

    /// <summary>The rows, to be computed straight into the resampled output.</summary>
    public SyntheticRows AsRows(DenseMatrix features, int maxDegreeOfParallelism) => new PlannedRows(this, features, maxDegreeOfParallelism);

    /// <summary>Computes the rows into <paramref name="destination"/> from <paramref name="offset"/>, in parallel over fixed blocks.</summary>
    private void WriteRows(DenseMatrix features, float[] destination, int offset, int maxDegreeOfParallelism)
    {
        const int rowsPerBlock = 1024;
        int blocks = (Count + rowsPerBlock - 1) / rowsPerBlock;
        int threads = SmallWork.Threads(4L * Count * features.Columns, maxDegreeOfParallelism);
        SmallWork.For(blocks, threads, block =>
            GenerateRows(features, block * rowsPerBlock, Math.Min(Count, (block + 1) * rowsPerBlock), destination, offset));
    }

    private void GenerateRows(DenseMatrix features, int start, int end, float[] destination, int offset)
    {
        ReadOnlySpan<int> bases = CollectionsMarshal.AsSpan(_bases);
        ReadOnlySpan<int> targets = CollectionsMarshal.AsSpan(_targets);
        ReadOnlySpan<double> steps = CollectionsMarshal.AsSpan(_steps);
        int d = features.Columns;
        for (int i = start; i < end; i++)
        {
            Interpolate(features.Row(bases[i]), features.Row(targets[i]), steps[i], destination.AsSpan(offset + (i * d), d));
        }
    }

    /// <summary><c>output = from + step · (to − from)</c> per feature, computed in double and rounded to float.</summary>
    internal static void Interpolate(ReadOnlySpan<float> from, ReadOnlySpan<float> to, double step, Span<float> output)
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var stepVector = Vector256.Create(step);
            for (; j <= from.Length - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                var (fromLow, fromHigh) = Vector256.Widen(Vector256.Create(from.Slice(j, Vector256<float>.Count)));
                var (toLow, toHigh) = Vector256.Widen(Vector256.Create(to.Slice(j, Vector256<float>.Count)));
                Vector256<double> low = fromLow + (stepVector * (toLow - fromLow));
                Vector256<double> high = fromHigh + (stepVector * (toHigh - fromHigh));
                Vector256.Narrow(low, high).CopyTo(output.Slice(j, Vector256<float>.Count));
            }
        }

        for (; j < from.Length; j++)
        {
            output[j] = (float)(from[j] + (step * ((double)to[j] - from[j])));
        }
    }

    private sealed class PlannedRows(InterpolationPlan plan, DenseMatrix features, int maxDegreeOfParallelism) : SyntheticRows
    {
        public override int Count => plan.Count;

        public override int Columns => features.Columns;

        public override void WriteTo(float[] destination, int offset) => plan.WriteRows(features, destination, offset, maxDegreeOfParallelism);
    }
}
