using Microsoft.ML.Oversampling.AutoSmote;
using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling;

/// <summary>
/// Trained AutoSMOTE criteria as an ordinary oversampler (papers.md §3.3, "Inference" [PROP]), to feed any other
/// trainer, e.g. <c>mlContext.Transforms.Oversampling.Create(model.ToSampler())</c> before FastTree. The criterion
/// network runs without Gumbel noise (each head's argmax) on each row (self variant) or on the trained cohort centroid
/// nearest to it (cohort variant); the rows it lets participate are drawn uniformly with replacement, and each sample
/// takes its unit's k-NN and aggregation choices with its own neighbours (exact search on the data given) and draws.
/// </summary>
/// <remarks>
/// <para>Labels are those of the ML.NET adapter: for a binary fit false/true are 0/1, for a multiclass fit key k is
/// class k − 1. Only classes the criteria were trained to grow can be grown.</para>
/// <para>When the criteria let no row of a class participate, the ⌈r*·m⌉ rows with the largest participation margin
/// (ℓ₁ − ℓ₀) are used instead [PROP], r* being <see cref="AutoSmoteOptions.TargetParticipationRate"/>.</para>
/// </remarks>
public sealed class LearnedCriteriaOversampler : Oversampler
{
    private const int Block = 4096;
    private readonly AutoSmoteCriteria _criteria;

    internal LearnedCriteriaOversampler(AutoSmoteCriteria criteria, LearnedCriteriaOversamplerOptions options)
        : base(options) => _criteria = criteria;

    /// <inheritdoc />
    public override string Name => "autosmote";

    /// <inheritdoc />
    protected override void Validate(SamplingProblem problem)
    {
        int k = _criteria.Options.MaxNeighbors;
        OptionChecks.Require(problem.FeatureCount == _criteria.FeatureCount, nameof(OversamplerOptions.FeatureColumnName),
            $"The data has {problem.FeatureCount} features; the AutoSMOTE criteria were trained on {_criteria.FeatureCount}.");
        foreach (var (label, count) in problem.RowsToGenerate)
        {
            if (count == 0)
            {
                continue;
            }

            Position(label);
            int rows = problem.ClassCounts[label];
            OptionChecks.Require(rows > k, nameof(AutoSmoteOptions.MaxNeighbors),
                $"Class {label} has {rows} rows; the AutoSMOTE criteria use MaxNeighbors = {k} same-class neighbours, so a grown class needs at least {k + 1}.");
        }
    }

    /// <inheritdoc />
    protected override DenseMatrix Generate(SamplingProblem problem, int label, int count, DeterministicRandom random)
    {
        AutoSmoteOptions options = _criteria.Options;
        int position = Position(label), k = options.MaxNeighbors, d = problem.FeatureCount;
        Func<int, DenseMatrix, (int[], DenseMatrix)>? cohorts = _criteria.Centroids is null
            ? null
            : (_, rows) => (NearestCentroid(rows, _criteria.Centroids[position]), _criteria.Centroids[position]);
        SeedTable table = SeedTable.Build(problem.Features, [new GrownClass(position, problem.RowsOf(label).ToArray())],
            _criteria.GrownClasses.Length, k, cohorts, ClassNeighbors.SearchOptions((NeighborOversamplerOptions)Options));

        TorchThreads.Pin();
        Device device = CPU;
        var output = new DenseMatrix(count, d);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using MultilayerPerceptron? network = _criteria.Network is null ? null : DeepMlpNetwork.FromLayers(_criteria.Network, device);
        using MultilayerPerceptron? mixer = _criteria.Mixer is null ? null : DeepMlpNetwork.FromLayers(_criteria.Mixer, device);
        Tensor unitInputs = TensorRows.Upload(table.UnitInputs.Values, table.UnitInputs.Rows, table.UnitInputs.Columns, device);
        int units = table.UnitInputs.Rows, aCount = options.Aggregations.Count, width = CriterionNetwork.Outputs(k, aCount);
        var unitNeighbor = new int[units];
        var unitAggregation = new int[units];
        var participates = new bool[units];
        var margin = new float[units];
        if (network is null)
        {
            Array.Fill(participates, true); // frozen: every row, k = K_max (option 0 of its block), interpolate
        }
        else
        {
            var logits = new float[units * width];
            TensorRows.Download(network.forward(unitInputs), logits);
            GumbelSoftmax choices = GumbelSoftmax.Argmax(logits, CriterionNetwork.Heads(k, aCount));
            for (int u = 0; u < units; u++)
            {
                participates[u] = choices.Choice(u, 0) == 1;
                unitNeighbor[u] = choices.Choice(u, 1);
                unitAggregation[u] = choices.Choice(u, 2);
                margin[u] = logits[(u * width) + 1] - logits[u * width];
            }
        }

        int[] pool = [.. Enumerable.Range(0, table.Count).Where(s => participates[table.Unit[s]])];
        if (pool.Length == 0)
        {
            int fallback = (int)Math.Ceiling(options.TargetParticipationRate * table.Count);
            pool = [.. Enumerable.Range(0, table.Count).OrderByDescending(s => margin[table.Unit[s]]).ThenBy(s => s).Take(fallback)];
        }

        SyntheticDraws draws = SyntheticDraws.Draw(count, r => pool[r.NextInt(pool.Length)], k, options.NeighborCriterion, random);
        var block = new CandidateBlock();
        for (int start = 0; start < count; start += Block)
        {
            int size = Math.Min(Block, count - start);
            using var blockScope = NewDisposeScope();
            int[] neighbor = [.. draws.Seeds[start..(start + size)].Select(s => unitNeighbor[table.Unit[s]])];
            int[] aggregation = [.. draws.Seeds[start..(start + size)].Select(s => unitAggregation[table.Unit[s]])];
            SyntheticCandidates.Compute(block, problem.Features, table, draws, start, size, neighbor, aggregation, options.ActiveAggregations, options.NeighborCriterion, network is null);
            float[] mix = [];
            if (block.Learned)
            {
                mix = new float[size * block.Options];
                TensorRows.Download(mixer!.forward(TensorRows.Upload(block.MixerInputs, mix.Length, 2 * d, device)).sigmoid(), mix);
            }

            SyntheticCandidates.Synthesize(block, mix, output.Values.AsSpan(start * d, size * d));
        }

        return output;
    }

    /// <summary>The label's position among the classes the criteria grow.</summary>
    private int Position(int label)
    {
        int position = Array.IndexOf(_criteria.GrownClasses, _criteria.ClassOf(label));
        return position >= 0
            ? position
            : throw new ArgumentException(
                $"Class {label} was not grown when the AutoSMOTE criteria were trained (they grow class{(_criteria.GrownClasses.Length == 1 ? "" : "es")} {string.Join(", ", _criteria.GrownClasses.Select(_criteria.LabelOf))}), so they have no decisions for it.");
    }

    /// <summary>The nearest centroid of each row (squared Euclidean distance, ties to the lower index).</summary>
    private static int[] NearestCentroid(DenseMatrix rows, DenseMatrix centroids)
    {
        var nearest = new int[rows.Rows];
        for (int i = 0; i < rows.Rows; i++)
        {
            double best = double.PositiveInfinity;
            for (int g = 0; g < centroids.Rows; g++)
            {
                double distance = Neighbors.ExactNearestNeighbors.SquaredDistance(rows.Row(i), centroids.Row(g));
                if (distance < best)
                {
                    best = distance;
                    nearest[i] = g;
                }
            }
        }

        return nearest;
    }
}
