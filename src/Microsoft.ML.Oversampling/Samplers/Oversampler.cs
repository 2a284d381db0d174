using System.Runtime.CompilerServices;
using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers.Deep;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// Base class of every oversampler. It validates the input and resolves the sampling strategy once, then asks
/// the concrete sampler for each target class's synthetic rows, so a sampler implements only its generation
/// step (<see cref="Generate"/>), as in imbalanced-learn's <c>BaseOverSampler</c>.
/// </summary>
/// <remarks>
/// <para>Output layout: the original rows, unchanged and in order, then each target class's synthetic rows in
/// ascending label order.</para>
/// <para>Reproducibility: each class gets its own random stream derived from the seed and the class label, so
/// a class's synthetic rows do not depend on which other classes are resampled. A sampler that generates in
/// parallel must derive sub-streams per fixed-size block of work (never per thread), keeping the output
/// bit-identical whatever the thread count.</para>
/// </remarks>
public abstract class Oversampler
{
    /// <summary>Creates the sampler with its options.</summary>
    protected Oversampler(OversamplerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.Require(options.SamplingStrategy is not null, nameof(OversamplerOptions.SamplingStrategy),
            "SamplingStrategy must be set; use SamplingStrategy.Auto for imbalanced-learn's default.");
        if (options is NeighborOversamplerOptions { MaxDegreeOfParallelism: int threads })
        {
            OptionChecks.Positive(threads, nameof(NeighborOversamplerOptions.MaxDegreeOfParallelism));
        }
        Options = options;
    }

    /// <summary>The options the sampler was created with.</summary>
    public OversamplerOptions Options { get; }

    /// <summary>The sampler's short name, as used on the command line and in saved models (e.g. <c>smote</c>).</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Resamples <paramref name="features"/> and <paramref name="labels"/>: imbalanced-learn's <c>fit_resample</c>.
    /// </summary>
    /// <param name="features">Training rows × features; every value must be finite.</param>
    /// <param name="labels">The class of each row (any integers; at least two distinct values).</param>
    /// <param name="seed">Seed of the randomness (see the remarks on reproducibility).</param>
    /// <exception cref="ArgumentException">The data is empty, has non-finite values, a single class, a
    /// mismatched label count, or does not fit the sampling strategy; an <see cref="OptionException"/> when it does
    /// not fit the sampler's options (for example a class smaller than <c>KNeighbors</c> + 1).</exception>
    public ResampleResult FitResample(DenseMatrix features, IReadOnlyList<int> labels, int seed)
    {
        var (problem, blocks, generator) = GenerateAll(features, labels, seed);
        int total = features.Rows + SyntheticCount(blocks);
        float[] allFeatures = GC.AllocateUninitializedArray<float>(checked(total * features.Columns)); // fully overwritten below
        HugePages.Advise(allFeatures);
        var allLabels = new int[total];
        CopyOriginalRows(features.Values, allFeatures);
        problem.LabelArray.CopyTo(allLabels, 0);
        WriteBlocks(blocks, features.Columns, allFeatures, allLabels, features.Rows);
        return new ResampleResult(new DenseMatrix(total, features.Columns, allFeatures), allLabels, features.Rows, problem.Counts, generator);
    }

    /// <summary>
    /// Generates only the synthetic rows for <paramref name="features"/> and <paramref name="labels"/>, without copying
    /// the original rows: the form for callers that stream the originals from elsewhere (the ML.NET adapter does).
    /// Validation, randomness and rows are exactly those of <see cref="FitResample"/>: its output equals the input
    /// followed by these rows.
    /// </summary>
    /// <inheritdoc cref="FitResample" path="/param"/>
    /// <inheritdoc cref="FitResample" path="/exception"/>
    public SyntheticSamples FitGenerate(DenseMatrix features, IReadOnlyList<int> labels, int seed)
    {
        var (problem, blocks, generator) = GenerateAll(features, labels, seed);
        int total = SyntheticCount(blocks);
        float[] values = GC.AllocateUninitializedArray<float>(checked(total * features.Columns)); // fully overwritten below
        HugePages.Advise(values);
        var syntheticLabels = new int[total];
        WriteBlocks(blocks, features.Columns, values, syntheticLabels, 0);
        return new SyntheticSamples(new DenseMatrix(total, features.Columns, values), syntheticLabels, problem.Counts, generator);
    }

    /// <summary>Rows generated over all blocks.</summary>
    private static int SyntheticCount(List<ClassBlock> blocks)
    {
        int total = 0;
        foreach (ClassBlock block in blocks)
        {
            total = checked(total + block.Rows.Count);
        }

        return total;
    }

    /// <summary>Validates the input, resolves the strategy and generates every target class's rows, in ascending label order.</summary>
    private (SamplingProblem Problem, List<ClassBlock> Blocks, SyntheticDataGenerator? Generator) GenerateAll(
        DenseMatrix features, IReadOnlyList<int> labels, int seed)
    {
        SamplingProblem problem = CreateProblem(features, labels, Options.SamplingStrategy);
        Validate(problem);

        var blocks = new List<ClassBlock>();
        var generators = new Dictionary<int, ClassGenerator>();
        for (int i = 0; i < problem.Generation.Count; i++)
        {
            int label = problem.Generation.LabelAt(i);
            int count = problem.Generation.ValueAt(i);
            if (count == 0)
            {
                continue;
            }

            var (rows, generator) = GenerateClass(problem, label, count, ClassStream(seed, label));
            if (generator is not null)
            {
                generators[label] = generator;
            }

            if (rows.Columns != problem.FeatureCount)
            {
                throw new InvalidOperationException(
                    $"{GetType().Name} generated rows with {rows.Columns} features for data with {problem.FeatureCount}.");
            }

            blocks.Add(new ClassBlock(label, rows));
        }

        return (problem, blocks, generators.Count > 0 ? new SyntheticDataGenerator(generators) : null);
    }

    /// <summary>Writes the blocks' rows and labels one after the other, starting at row <paramref name="firstRow"/>.</summary>
    private static void WriteBlocks(List<ClassBlock> blocks, int columns, float[] values, int[] labels, int firstRow)
    {
        int row = firstRow;
        foreach (var (label, block) in blocks)
        {
            block.WriteTo(values, row * columns);
            labels.AsSpan(row, block.Count).Fill(label);
            row += block.Count;
        }
    }

    /// <summary>Copies the original rows into the output, in parallel chunks when they are large (a memory-bound copy
    /// of tens of megabytes is one of the larger costs of resampling big data).</summary>
    private void CopyOriginalRows(float[] source, float[] destination)
    {
        const int chunk = 1 << 20;
        int chunks = (source.Length + chunk - 1) / chunk;
        int threads = Options is NeighborOversamplerOptions neighborOptions ? ClassNeighbors.Parallelism(neighborOptions) : Parallelism.EffectiveDegree;
        SmallWork.For(chunks, chunks > 1 ? threads : 1, c =>
        {
            int start = c * chunk;
            source.AsSpan(start, Math.Min(chunk, source.Length - start)).CopyTo(destination.AsSpan(start));
        });
    }

    /// <summary>
    /// The sampler to use on data whose features have <paramref name="featureNames"/> (the ML.NET adapter passes the
    /// feature vector's slot names): itself, unless its options refer to features by name.
    /// </summary>
    internal virtual Oversampler ForFeatures(IReadOnlyList<string> featureNames) => this;

    /// <summary>The random stream of one class for a seed: independent of the other classes.</summary>
    internal static DeterministicRandom ClassStream(int seed, int label) =>
        DeterministicRandom.Derive(unchecked((ulong)(long)seed), unchecked((ulong)(uint)label));

    /// <summary>
    /// Generates one class's rows (or plans them, to be written into the output) and, for samplers that learn one,
    /// the class's trained generator.
    /// </summary>
    private protected virtual (SyntheticRows Rows, ClassGenerator? Generator) GenerateClass(
        SamplingProblem problem, int label, int count, DeterministicRandom random) =>
        (SyntheticRows.Of(Generate(problem, label, count, random)), null);

    /// <summary>
    /// Checks sampler-specific preconditions once before any generation (for example that every target class
    /// has more rows than the number of neighbours). Throw <see cref="OptionException"/> (or, for a fault of the data
    /// alone, <see cref="ArgumentException"/> without a parameter name) with a one-sentence message that names the
    /// option, the class and the counts.
    /// </summary>
    protected virtual void Validate(SamplingProblem problem)
    {
    }

    /// <summary>
    /// Generates synthetic rows for one class. Normally exactly <paramref name="count"/> rows; a sampler whose
    /// method defines the count differently (ADASYN rounds per-row counts) documents it.
    /// </summary>
    /// <param name="problem">The validated input.</param>
    /// <param name="label">The class to grow.</param>
    /// <param name="count">Rows requested by the sampling strategy (at least 1).</param>
    /// <param name="random">This class's random stream.</param>
    protected abstract DenseMatrix Generate(SamplingProblem problem, int label, int count, DeterministicRandom random);

    /// <summary>Validates input and builds the problem; shared by every sampler (and by tests).</summary>
    internal static SamplingProblem CreateProblem(DenseMatrix features, IReadOnlyList<int> labels, SamplingStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        TrainingDataValidator.Validate(features, labels.Count, "oversamplers");

        int[] labelArray = [.. labels];
        ClassMap<int[]> rowsByClass = RowsByClass(labelArray);
        if (rowsByClass.Count < 2)
        {
            throw new ArgumentException(
                $"The label needs at least 2 classes to oversample, but all {labels.Count} rows are class {rowsByClass.LabelAt(0)}.");
        }

        ClassMap<int> toGenerate = strategy.ResolveCounts(rowsByClass.Select((_, rows) => rows.Length));
        return new SamplingProblem(features, labelArray, rowsByClass, toGenerate);
    }

    /// <summary>Sorts the labels ascending, carrying <paramref name="order"/> along (insertion sort: there are few classes).</summary>
    private static void SortByLabel(int[] labels, int[] order)
    {
        if (labels.Length > 64)
        {
            Array.Sort(labels, order);
            return;
        }

        for (int i = 1; i < labels.Length; i++)
        {
            int label = labels[i], position = order[i], j = i - 1;
            for (; j >= 0 && labels[j] > label; j--)
            {
                labels[j + 1] = labels[j];
                order[j + 1] = order[j];
            }

            labels[j + 1] = label;
            order[j + 1] = position;
        }
    }

    /// <summary>One class's synthetic rows.</summary>
    private readonly record struct ClassBlock(int Label, SyntheticRows Rows);

    /// <summary>The row indices of each class, ascending, in one counting pass and one filling pass.</summary>
    private static ClassMap<int[]> RowsByClass(int[] labels)
    {
        var positions = new Dictionary<int, int>();
        var sizes = new List<int>();
        int last = 0, lastPosition = -1;
        var classOfRow = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            // Labels often come in runs (sorted or grouped data): the last one is remembered to skip its lookup.
            if (lastPosition < 0 || labels[i] != last)
            {
                last = labels[i];
                if (!positions.TryGetValue(last, out lastPosition))
                {
                    lastPosition = sizes.Count;
                    positions[last] = lastPosition;
                    sizes.Add(0);
                }
            }

            classOfRow[i] = lastPosition;
            sizes[lastPosition]++;
        }

        // Positions in label order.
        var classLabels = new int[sizes.Count];
        var order = new int[sizes.Count];
        foreach (var (label, position) in positions)
        {
            classLabels[position] = label;
            order[position] = position;
        }

        SortByLabel(classLabels, order);
        var rank = new int[sizes.Count];
        var rows = new int[sizes.Count][];
        for (int r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
            rows[r] = new int[sizes[order[r]]];
        }

        var filled = new int[sizes.Count];
        for (int i = 0; i < labels.Length; i++)
        {
            int r = rank[classOfRow[i]];
            rows[r][filled[r]++] = i;
        }

        return new ClassMap<int[]>(classLabels, rows);
    }
}
