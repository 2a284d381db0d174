using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Clustering;
using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.AutoSmote;

/// <summary>
/// AutoSMOTE's end-to-end training loop (papers.md §3.3) as a classifier batch hook: each batch of B real rows gets S
/// synthetic rows (the synthetic budget), whose participation, k-NN and aggregation are chosen by the criterion
/// network with straight-through Gumbel-Softmax, and the loss becomes
/// <c>mean_b CE(f(x_b), y_b) + λ_syn·Σ_i w_i·CE(f(s_i), y_i) / max(1, Σ_i w_i)</c> (w_i the hard participation, its
/// gradient the soft one's), plus the guard's penalty. The criterion parameters are optimised with the classifier
/// (<see cref="ITrainableBatchHook"/>).
/// </summary>
internal sealed class AutoSmoteHook : ITrainableBatchHook, IDisposable
{
    private readonly AutoSmoteOptions _options;
    private readonly List<Tensor> _owned = [];
    private SeedTable? _table;
    private int[] _grown = [], _deficit = [];
    private int _classes, _trainRows, _deficitTotal, _featureCount;
    private Device _device = CPU;
    private DenseMatrix? _features;
    private Tensor? _seedTargets, _unitInputs, _units;
    private MultilayerPerceptron? _network, _mixer;
    private FlatParameters[] _parameters = [];
    private Tensor? _weights;

    public AutoSmoteHook(AutoSmoteOptions options) => _options = options;

    /// <inheritdoc />
    public IReadOnlyList<FlatParameters> Parameters => _parameters;

    /// <inheritdoc />
    public double LearningRate => _options.CriterionLearningRate;

    /// <summary>Whether <see cref="LastDecisions"/> records each batch's choices (costs a download per batch).</summary>
    internal bool RecordDecisions { get; set; }

    /// <summary>The last batch's choices, when recorded.</summary>
    internal BatchDecisions? LastDecisions { get; private set; }

    /// <summary>The seeds (after <see cref="Begin"/>).</summary>
    internal SeedTable? Table => _table;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A class to grow has at most <see cref="AutoSmoteOptions.MaxNeighbors"/> rows.</exception>
    public void Begin(ClassRows train, int classes, DeterministicRandom random, Device device)
    {
        _classes = classes;
        _device = device;
        _trainRows = train.Features.Rows;
        _featureCount = train.Features.Columns;
        int[] counts = new int[classes];
        foreach (int c in train.Classes)
        {
            counts[c]++;
        }

        int most = counts.Max(), k = _options.MaxNeighbors;
        _grown = [.. Enumerable.Range(0, classes).Where(c => counts[c] > 0 && counts[c] < most)];
        foreach (int c in _grown)
        {
            if (counts[c] <= k)
            {
                throw new ArgumentException(
                    $"Class {Describe(c, classes)} has {counts[c]} training row{(counts[c] == 1 ? "" : "s")}; AutoSMOTE grows it from its MaxNeighbors = {k} nearest same-class neighbours, so it needs at least {k + 1} (lower MaxNeighbors or add rows).");
            }
        }

        if (_grown.Length == 0)
        {
            return;
        }

        _deficit = [.. _grown.Select(c => most - counts[c])];
        _deficitTotal = _deficit.Sum();
        var grown = _grown.Select((c, position) => new GrownClass(position, [.. Enumerable.Range(0, train.Classes.Length).Where(i => train.Classes[i] == c)])).ToList();
        Func<int, DenseMatrix, (int[], DenseMatrix)>? cohorts = null;
        if (_options.Variant == AutoSmoteVariant.Cohort)
        {
            cohorts = (_, rows) =>
            {
                int g = Math.Min(_options.Cohorts ?? Math.Min(8, (int)Math.Ceiling(Math.Sqrt(rows.Rows))), rows.Rows);
                KMeansResult result = KMeansClustering.Fit(rows, g, random.Fork());
                return (result.Assignments, result.Centroids);
            };
        }

        _table = SeedTable.Build(train.Features, grown, _grown.Length, k, cohorts);
        _features = train.Features;
        _units = Own(tensor(_table.Unit.Select(u => (long)u).ToArray(), device: device));
        using (Tensor seedClasses = tensor(_table.SeedClass.Select(c => (long)_grown[c]).ToArray(), device: device))
        using (Tensor hot = nn.functional.one_hot(seedClasses, classes))
        {
            _seedTargets = Own(hot.to_type(ScalarType.Float32));
        }

        _unitInputs = Own(TensorRows.Upload(_table.UnitInputs.Values, _table.UnitInputs.Rows, _table.UnitInputs.Columns, device));
        if (!_options.FreezeCriteria)
        {
            _network = CriterionNetwork.Create(_table.UnitInputs.Columns, _options.CriterionHiddenLayerSizes,
                CriterionNetwork.Outputs(k, _options.Aggregations.Count), random.Fork(), device);
            _parameters = [_network.Flat];
            if (_options.Aggregations.Contains(AutoSmoteAggregation.LearnedInterpolate))
            {
                _mixer = CriterionNetwork.Create(2 * _featureCount, [], 1, random.Fork(), device);
                _parameters = [_network.Flat, _mixer.Flat];
            }
        }
    }

    /// <inheritdoc />
    public (Tensor Inputs, Tensor Targets) Prepare(Tensor inputs, Tensor labels, Tensor oneHot, TrainingBatch batch)
    {
        _weights = null;
        int b = (int)inputs.shape[0];
        int budget = _table is null ? 0 : Budget(b, batch.Random);
        if (budget == 0)
        {
            return (inputs, oneHot);
        }

        int k = _options.MaxNeighbors, aggregations = _options.Aggregations.Count;
        bool fixedBudget = _options.Guard == AutoSmoteGuard.FixedBudget && !_options.FreezeCriteria;
        int drawn = fixedBudget ? (int)Math.Ceiling(budget / _options.TargetParticipationRate) : budget;
        SyntheticDraws draws = SyntheticDraws.Draw(drawn, DrawSeed, k, _options.NeighborCriterion, batch.Random);
        Tensor seeds = tensor(draws.Seeds.Select(s => (long)s).ToArray(), device: _device);
        Tensor units = _units!.index_select(0, seeds);

        CriteriaChoice choice;
        Tensor weights;
        if (_network is null)
        {
            choice = CriterionNetwork.Frozen(drawn, _device);
            weights = choice.Participation.narrow(1, 1, 1).squeeze(1);
        }
        else
        {
            bool self = _options.Variant == AutoSmoteVariant.Self;
            Tensor logits = _network.forward(self ? _unitInputs!.index_select(0, units) : _unitInputs!);
            Tensor p = logits.narrow(1, 0, 2);
            double temperature = _options.Temperature(batch.Step);
            Tensor noise = GumbelSoftmax.Noise((int)logits.shape[0], (int)logits.shape[1], batch.Random, _device);
            choice = CriterionNetwork.Sample(logits, noise, temperature, k, aggregations);
            if (!self)
            {
                choice = choice.Rows(units);
            }

            weights = fixedBudget
                ? TopParticipation(p, noise.narrow(1, 0, 2), temperature, self ? null : units, budget)
                : choice.Participation.narrow(1, 1, 1).squeeze(1);
        }

        CandidateBlock block = SyntheticCandidates.Compute(_features!, _table!, draws, 0, drawn, _options.ActiveAggregations, _options.NeighborCriterion, _network is null);
        Tensor synthetic = SyntheticCandidates.Select(block, choice.Neighbors, choice.Aggregation, _mixer, _device);
        if (RecordDecisions)
        {
            LastDecisions = Record(draws, units, weights, choice, synthetic);
        }

        _weights = weights;
        double scale = b + drawn;
        Tensor realTargets = oneHot.MulBy(scale / b);
        Tensor syntheticScale = weights.MulBy(_options.SyntheticLossWeight * scale).div(weights.sum().AtLeast(1)).unsqueeze(1);
        Tensor syntheticTargets = _seedTargets!.index_select(0, seeds).mul(syntheticScale);
        return (cat([inputs, synthetic], 0), cat([realTargets, syntheticTargets], 0));
    }

    /// <inheritdoc />
    public Tensor? Penalty() =>
        _weights is null || _network is null || _options.Guard != AutoSmoteGuard.ParticipationRatePenalty
            ? null
            : _weights.mean().Minus(_options.TargetParticipationRate).square().MulBy(_options.ParticipationPenalty);

    /// <summary>The trained criteria (weights copied out), for the model and the standalone sampler.</summary>
    public AutoSmoteCriteria Export(bool binary)
    {
        int k = _options.MaxNeighbors;
        int inputs = _featureCount + _grown.Length;
        return new AutoSmoteCriteria(
            _options.Clone(), _featureCount, binary, _grown,
            _network is null ? null : CriterionNetwork.Layers(_network, inputs, _options.CriterionHiddenLayerSizes, CriterionNetwork.Outputs(k, _options.Aggregations.Count)),
            _mixer is null ? null : CriterionNetwork.Layers(_mixer, 2 * _featureCount, [], 1),
            _table?.Centroids);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Tensor t in _owned)
        {
            t.Dispose();
        }

        _owned.Clear();
        _network?.Dispose();
        _mixer?.Dispose();
    }

    /// <inheritdoc />
    /// <remarks>With <see cref="AutoSmoteEpochLength.ResampledRows"/>, <c>N + SyntheticBudget·Σ deficit</c> (known after
    /// <see cref="Begin"/>, which the training loop calls first).</remarks>
    public int RowsPerEpoch(IReadOnlyList<int> classCounts) => _options.EpochLength == AutoSmoteEpochLength.ResampledRows
        ? _trainRows + (int)Math.Round(_options.SyntheticBudget * _deficitTotal)
        : _trainRows;

    /// <summary>This batch's synthetic count: <c>SyntheticBudget·B·Σ deficit / N</c>, its fraction rounded up with that probability.</summary>
    private int Budget(int b, DeterministicRandom random)
    {
        double expected = _options.SyntheticBudget * b * _deficitTotal / _trainRows;
        int whole = (int)Math.Floor(expected);
        return whole + (random.NextDouble() < expected - whole ? 1 : 0);
    }

    /// <summary>A seed: its class drawn in proportion to the class's deficit, then a row of it uniformly.</summary>
    private int DrawSeed(DeterministicRandom random)
    {
        int r = random.NextInt(_deficitTotal), c = 0;
        while (r >= _deficit[c])
        {
            r -= _deficit[c++];
        }

        int start = _table!.ClassStart[c];
        return start + random.NextInt(_table.ClassStart[c + 1] - start);
    }

    /// <summary>
    /// Guard (c): the <paramref name="budget"/> samples with the highest Gumbel-perturbed participation score
    /// <c>z = (ℓ₁ + g₁ − ℓ₀ − g₀)/τ</c> participate (ties by sample order), with the straight-through gradient of σ(z).
    /// </summary>
    private Tensor TopParticipation(Tensor logits, Tensor noise, double temperature, Tensor? units, int budget)
    {
        Tensor perturbed = logits.Plus(noise);
        Tensor score = perturbed.narrow(1, 1, 1).Minus(perturbed.narrow(1, 0, 1)).squeeze(1).DividedBy(temperature);
        if (units is not null)
        {
            score = score.index_select(0, units);
        }

        var values = new float[score.shape[0]];
        using (no_grad())
        {
            TensorRows.Download(score.detach(), values);
        }

        var mask = new float[values.Length];
        foreach (int i in Enumerable.Range(0, values.Length).OrderByDescending(i => values[i]).ThenBy(i => i).Take(budget))
        {
            mask[i] = 1;
        }

        Tensor soft = score.sigmoid();
        return tensor(mask, device: _device).Plus(soft.Minus(soft.detach()));
    }

    private BatchDecisions Record(SyntheticDraws draws, Tensor units, Tensor weights, CriteriaChoice choice, Tensor synthetic)
    {
        using var noGrad = no_grad();
        var rows = new float[synthetic.shape[0] * synthetic.shape[1]];
        TensorRows.Download(synthetic.detach(), rows);
        return new BatchDecisions(
            draws.Seeds,
            [.. units.data<long>().Select(u => (int)u)],
            [.. weights.detach().data<float>().Select(w => w > 0.5f)],
            [.. choice.Neighbors.argmax(1).data<long>().Select(v => (int)v + (_network is null ? _options.MaxNeighbors - 1 : 0))],
            [.. choice.Aggregation.argmax(1).data<long>().Select(v => (int)v)],
            rows);
    }

    private Tensor Own(Tensor t)
    {
        _owned.Add(t);
        return t;
    }

    private static string Describe(int cls, int classes) => classes == 2 ? (cls == 1 ? "true" : "false") : $"key {cls + 1}";
}
