using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Neighbors;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>
/// SMOTE and soft SMOTE inside the training loop (papers.md §4.3, [PROP] stream form; see <see cref="DeepImbalanceOptions"/>):
/// each row of a batch is, with probability q = N_syn/(n + N_syn), replaced by a synthetic point
/// <c>(1 − u)·xᵢ + u·xⱼ</c>, u ~ U(0, 1), whose class c is drawn ∝ n_max − n_c, anchor i uniformly from class c and partner
/// j uniformly from i's k nearest rows: of class c (SMOTE, target <c>w_c·e_c</c>) or of any class (soft SMOTE, target
/// <c>(1 − u)·w_c·e_c + u·w_{y_j}·e_{y_j}</c>). In expectation every batch is then class-balanced. The neighbours are
/// found once, when the hook is built, by the library's exact k-NN search in the input space.
/// </summary>
internal sealed class SyntheticMinorityHook : ITrainingBatchHook, IDisposable
{
    private readonly Tensor _features;
    private readonly int[] _classes;
    private readonly int[][] _rowsOf;
    private readonly int[][] _neighbors;
    private readonly int[] _neighborCount;
    private readonly long[] _cumulativeDeficit;
    private readonly double _replacement;
    private readonly bool _soft;
    private readonly DeferredReweighting? _reweighting;

    /// <summary>Searches the neighbours of <paramref name="train"/>'s rows in the classes below the largest and uploads the rows.</summary>
    public SyntheticMinorityHook(ClassRows train, int classes, int k, bool soft, DeferredReweighting? reweighting, Device device)
    {
        _soft = soft;
        _reweighting = reweighting;
        _classes = train.Classes;
        int[] counts = train.Counts(classes);
        int largest = counts.Max();
        _rowsOf = new int[classes][];
        _neighbors = new int[classes][];
        _neighborCount = new int[classes];
        _cumulativeDeficit = new long[classes];
        long deficit = 0;
        ExactNearestNeighbors? all = soft ? new ExactNearestNeighbors(train.Features) : null;
        for (int c = 0; c < classes; c++)
        {
            _rowsOf[c] = [.. Enumerable.Range(0, train.Classes.Length).Where(i => train.Classes[i] == c)];
            deficit += largest - counts[c];
            _cumulativeDeficit[c] = deficit;
            if (counts[c] == largest || counts[c] == 0)
            {
                continue;
            }

            int[] rows = _rowsOf[c];
            if (soft)
            {
                _neighborCount[c] = Math.Min(k, train.Classes.Length - 1);
                _neighbors[c] = all!.SearchRows(rows, _neighborCount[c]).Indices;
            }
            else if (rows.Length == 1)
            {
                // One row: its only same-class partner is itself (the synthetic point is a copy).
                _neighborCount[c] = 1;
                _neighbors[c] = [rows[0]];
            }
            else
            {
                _neighborCount[c] = Math.Min(k, rows.Length - 1);
                int[] local = new ExactNearestNeighbors(train.Features.SelectRows(rows)).SearchSelf(_neighborCount[c]).Indices;
                _neighbors[c] = [.. local.Select(i => rows[i])];
            }
        }

        _replacement = deficit / (double)(train.Classes.Length + deficit);
        _features = TensorRows.Upload(train.Features.Values, train.Features.Rows, train.Features.Columns, device);
    }

    /// <summary>The probability q that a batch row is replaced by a synthetic one.</summary>
    public double ReplacementProbability => _replacement;

    /// <inheritdoc />
    public (Tensor Inputs, Tensor Targets) Prepare(Tensor inputs, Tensor labels, Tensor oneHot, TrainingBatch batch)
    {
        int rows = (int)inputs.shape[0];
        long[] classes = WeightedTargets.Classes(labels);
        long total = _cumulativeDeficit[^1];
        var kept = new List<long>(rows);
        var anchorRows = new List<long>();
        var partnerRows = new List<long>();
        var steps = new List<float>();
        var anchors = new List<long>(rows);
        var partners = new List<long>(rows);
        var mu = new List<double>(rows);
        for (int b = 0; b < rows; b++)
        {
            if (total == 0 || batch.Random.NextDouble() >= _replacement)
            {
                kept.Add(b);
                anchors.Add(classes[b]);
                partners.Add(classes[b]);
                mu.Add(1);
            }
        }

        for (int s = 0; s < rows - kept.Count; s++)
        {
            // The first class whose cumulative deficit exceeds r ~ U[0, N_syn): class c with probability d_c / N_syn.
            long r = (long)(batch.Random.NextDouble() * total);
            int c = 0;
            while (_cumulativeDeficit[c] <= r)
            {
                c++;
            }

            int position = batch.Random.NextInt(_rowsOf[c].Length);
            int k = _neighborCount[c];
            int partner = _neighbors[c][(position * k) + batch.Random.NextInt(k)];
            double u = batch.Random.NextDouble();
            anchorRows.Add(_rowsOf[c][position]);
            partnerRows.Add(partner);
            steps.Add((float)u);
            anchors.Add(c);
            partners.Add(_classes[partner]);
            mu.Add(_soft ? 1 - u : 1);
        }

        Tensor result;
        using (Tensor keptIndex = tensor(kept.ToArray(), device: inputs.device))
        using (Tensor real = inputs.index_select(0, keptIndex))
        {
            if (steps.Count == 0)
            {
                result = real.alias();
            }
            else
            {
                using Tensor anchorIndex = tensor(anchorRows.ToArray(), device: inputs.device);
                using Tensor partnerIndex = tensor(partnerRows.ToArray(), device: inputs.device);
                using Tensor anchorInputs = _features.index_select(0, anchorIndex);
                using Tensor partnerInputs = _features.index_select(0, partnerIndex);
                using Tensor step = tensor(steps.ToArray(), [steps.Count, 1], device: inputs.device);
                using Tensor synthetic = anchorInputs.lerp(partnerInputs, step);
                result = cat([real, synthetic], 0);
            }
        }

        Tensor targets = WeightedTargets.Build(
            batch.ClassCounts.Count, anchors.ToArray(), partners.ToArray(), mu.ToArray(), _reweighting?.WeightsAt(batch.Epoch), inputs.device);
        return (result, targets);
    }

    /// <inheritdoc />
    public void Dispose() => _features.Dispose();
}
