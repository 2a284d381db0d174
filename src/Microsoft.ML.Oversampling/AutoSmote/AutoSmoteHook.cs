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
/// (<see cref="ITrainableBatchHook"/>). The sampling between the networks and the classifier (choices, candidates,
/// their straight-through gradients) is computed in C#; <see cref="Backward"/> carries the classifier's gradient on
/// the synthetic rows back into the criterion networks.
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
    private Tensor? _unitInputs;
    private MultilayerPerceptron? _network, _mixer;
    private FlatParameters[] _parameters = [];
    private readonly CandidateBlock _block = new();
    private Tensor? _weights;
    private StepState? _step;

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
        _step = null;
        int b = (int)inputs.shape[0];
        int budget = _table is null ? 0 : Budget(b, batch.Random);
        if (budget == 0)
        {
            return (inputs, oneHot);
        }

        int k = _options.MaxNeighbors, d = _featureCount;
        bool fixedBudget = _options.Guard == AutoSmoteGuard.FixedBudget && !_options.FreezeCriteria;
        int drawn = fixedBudget ? (int)Math.Ceiling(budget / _options.TargetParticipationRate) : budget;
        SyntheticDraws draws = SyntheticDraws.Draw(drawn, DrawSeed, k, _options.NeighborCriterion, batch.Random);
        var neighbor = new int[drawn];
        var aggregation = new int[drawn];
        var weights = new float[drawn];
        CriteriaDecision? decision = null;
        if (_network is null)
        {
            Array.Fill(weights, 1f); // the frozen criteria: every seed participates, k = K_max (option 0 of its block), interpolate
        }
        else
        {
            decision = Decide(draws, budget, fixedBudget, batch, neighbor, aggregation, weights);
        }

        SyntheticCandidates.Compute(_block, _features!, _table!, draws, 0, drawn, neighbor, aggregation, _options.ActiveAggregations, _options.NeighborCriterion, _network is null);
        float[] mix = [];
        Tensor? mixTensor = null;
        if (_block.Learned)
        {
            mix = new float[drawn * _block.Options];
            mixTensor = _mixer!.forward(TensorRows.Upload(_block.MixerInputs, mix.Length, 2 * d, _device)).sigmoid();
            TensorRows.Download(mixTensor, mix);
        }

        var rows = new float[drawn * d];
        SyntheticCandidates.Synthesize(_block, mix, rows);
        Tensor synthetic = TensorRows.Upload(rows, drawn, d, _device);
        Tensor weightTensor = tensor(weights, device: _device);
        if (decision is not null)
        {
            synthetic.requires_grad_(true);
            weightTensor.requires_grad_(true);
            _step = new StepState(decision, mix, mixTensor, synthetic, weightTensor);
        }

        if (RecordDecisions)
        {
            LastDecisions = new BatchDecisions(
                draws.Seeds, [.. draws.Seeds.Select(s => _table!.Unit[s])],
                [.. weights.Select(w => w > 0.5f)], [.. neighbor.Select(n => _network is null ? k - 1 : n)], aggregation, rows);
        }

        _weights = weightTensor;
        double scale = b + drawn;
        Tensor realTargets = oneHot.MulBy(scale / b);
        Tensor syntheticScale = weightTensor.MulBy(_options.SyntheticLossWeight * scale).div(weightTensor.sum().AtLeast(1)).unsqueeze(1);
        var seedClass = new float[drawn * _classes];
        for (int i = 0; i < drawn; i++)
        {
            seedClass[(i * _classes) + _grown[_table!.SeedClass[draws.Seeds[i]]]] = 1;
        }

        Tensor syntheticTargets = TensorRows.Upload(seedClass, drawn, _classes, _device).mul(syntheticScale);
        return (cat([inputs, synthetic], 0), cat([realTargets, syntheticTargets], 0));
    }

    /// <inheritdoc />
    /// <remarks>The chain rule from the gradients the classifier's backward left on the synthetic rows and their
    /// participation weights, through <see cref="SyntheticCandidates.Backpropagate"/> and the straight-through
    /// Gumbel-Softmax (or guard (c)'s σ(z)), to the criterion logits and the learned interpolation's u, which then
    /// back-propagate into the two networks.</remarks>
    public void Backward()
    {
        if (_step is not { } step)
        {
            return;
        }

        int drawn = _block.Count, d = _featureCount, k = _options.MaxNeighbors, aCount = _options.Aggregations.Count;
        int width = CriterionNetwork.Outputs(k, aCount);
        var rows = new float[drawn * d];
        var weights = new float[drawn];
        Gradient(step.Synthetic, rows);
        Gradient(step.Weights, weights);
        var neighborGradient = new double[drawn * k];
        var aggregationGradient = new double[drawn * aCount];
        var mixGradient = new float[step.Mix.Length];
        SyntheticCandidates.Backpropagate(_block, step.Mix, rows, neighborGradient, aggregationGradient, mixGradient);

        var choiceGradient = new double[step.Decision.Choices.Rows * width];
        var direct = new double[choiceGradient.Length];
        for (int i = 0; i < drawn; i++)
        {
            int at = step.Decision.Rows[i] * width;
            for (int j = 0; j < k; j++)
            {
                choiceGradient[at + 2 + j] += neighborGradient[(i * k) + j];
            }

            for (int j = 0; j < aCount; j++)
            {
                choiceGradient[at + 2 + k + j] += aggregationGradient[(i * aCount) + j];
            }

            if (step.Decision.Sigmoid is { } sigmoid)
            {
                // Guard (c): w = mask + σ(z) − stop(σ(z)), z = ((ℓ₁ + g₁) − (ℓ₀ + g₀))/τ.
                double dz = weights[i] * sigmoid[i] * (1 - sigmoid[i]) / step.Decision.Temperature;
                direct[at + 1] += dz;
                direct[at] -= dz;
            }
            else
            {
                choiceGradient[at + 1] += weights[i]; // w is the straight-through participation's "participates" column
            }
        }

        var logitGradient = new double[choiceGradient.Length];
        step.Decision.Choices.Backward(choiceGradient, logitGradient);
        var gradient = new float[logitGradient.Length];
        for (int j = 0; j < gradient.Length; j++)
        {
            gradient[j] = (float)(logitGradient[j] + direct[j]);
        }

        Tensor logitGradientTensor = TensorRows.Upload(gradient, step.Decision.Choices.Rows, width, _device);
        if (step.MixTensor is null)
        {
            autograd.backward([step.Decision.Logits], [logitGradientTensor]);
        }
        else
        {
            autograd.backward([step.Decision.Logits, step.MixTensor], [logitGradientTensor, TensorRows.Upload(mixGradient, mixGradient.Length, 1, _device)]);
        }
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
    /// The criteria's choices for a batch's draws: the criterion network's logits for every unit (cohort variant) or
    /// sample (self), Gumbel noise, each sample's hard k-NN and aggregation choice, and its participation weight: the
    /// hard participation (guard (a)), or under guard (c) 1 for the <paramref name="budget"/> samples with the highest
    /// Gumbel-perturbed score <c>z = ((ℓ₁ + g₁) − (ℓ₀ + g₀))/τ</c> (ties by sample order) and 0 for the others.
    /// </summary>
    private CriteriaDecision Decide(SyntheticDraws draws, int budget, bool fixedBudget, TrainingBatch batch, int[] neighbor, int[] aggregation, float[] weights)
    {
        int drawn = draws.Seeds.Length, k = _options.MaxNeighbors, aCount = _options.Aggregations.Count, width = CriterionNetwork.Outputs(k, aCount);
        bool self = _options.Variant == AutoSmoteVariant.Self;
        int[] rowOf = self ? [.. Enumerable.Range(0, drawn)] : [.. draws.Seeds.Select(s => _table!.Unit[s])];
        Tensor unitInputs = _unitInputs!;
        if (self)
        {
            DenseMatrix inputs = _table!.UnitInputs;
            var gathered = new float[drawn * inputs.Columns];
            for (int i = 0; i < drawn; i++)
            {
                inputs.Row(_table.Unit[draws.Seeds[i]]).CopyTo(gathered.AsSpan(i * inputs.Columns));
            }

            unitInputs = TensorRows.Upload(gathered, drawn, inputs.Columns, _device);
        }

        Tensor logits = _network!.forward(unitInputs);
        int units = (int)logits.shape[0];
        var values = new float[units * width];
        TensorRows.Download(logits, values);
        double temperature = _options.Temperature(batch.Step);
        float[] noise = GumbelSoftmax.Noise(units, width, batch.Random);
        GumbelSoftmax choices = GumbelSoftmax.Sample(values, noise, temperature, CriterionNetwork.Heads(k, aCount));
        double[]? sigmoid = null;
        if (fixedBudget)
        {
            var score = new double[drawn];
            sigmoid = new double[drawn];
            for (int i = 0; i < drawn; i++)
            {
                int at = rowOf[i] * width;
                score[i] = ((values[at + 1] + (double)noise[at + 1]) - (values[at] + (double)noise[at])) / temperature;
                sigmoid[i] = 1 / (1 + Math.Exp(-score[i]));
            }

            int[] ranked = [.. Enumerable.Range(0, drawn)];
            Array.Sort(ranked, (p, q) => score[p] != score[q] ? score[q].CompareTo(score[p]) : p.CompareTo(q));
            foreach (int i in ranked.AsSpan(0, Math.Min(budget, drawn)))
            {
                weights[i] = 1;
            }
        }

        for (int i = 0; i < drawn; i++)
        {
            neighbor[i] = choices.Choice(rowOf[i], 1);
            aggregation[i] = choices.Choice(rowOf[i], 2);
            if (!fixedBudget)
            {
                weights[i] = choices.Choice(rowOf[i], 0);
            }
        }

        return new CriteriaDecision(logits, choices, rowOf, sigmoid, temperature);
    }

    /// <summary>A leaf tensor's gradient (0 where the loss did not reach it).</summary>
    private static void Gradient(Tensor leaf, Span<float> destination)
    {
        using Tensor? grad = leaf.grad;
        if (grad is null)
        {
            destination.Clear();
            return;
        }

        TensorRows.Download(grad, destination);
    }

    private Tensor Own(Tensor t)
    {
        _owned.Add(t);
        return t;
    }

    private static string Describe(int cls, int classes) => classes == 2 ? (cls == 1 ? "true" : "false") : $"key {cls + 1}";

    /// <summary>The criteria's choices of one step (<see cref="Decide"/>).</summary>
    /// <param name="Logits">The criterion network's output (units × heads), in the step's graph.</param>
    /// <param name="Choices">Its Gumbel-Softmax sample.</param>
    /// <param name="Rows">Each sample's row of <paramref name="Logits"/>.</param>
    /// <param name="Sigmoid">Guard (c)'s σ(z) of each sample, or <c>null</c> under guard (a).</param>
    /// <param name="Temperature">τ of the step.</param>
    private sealed record CriteriaDecision(Tensor Logits, GumbelSoftmax Choices, int[] Rows, double[]? Sigmoid, double Temperature);

    /// <summary>What <see cref="Backward"/> needs of the step <see cref="Prepare"/> built.</summary>
    /// <param name="Decision">The criteria's choices.</param>
    /// <param name="Mix">The learned interpolation's u per sample and option (empty without it).</param>
    /// <param name="MixTensor">The same in the step's graph, or <c>null</c>.</param>
    /// <param name="Synthetic">The synthetic rows, a leaf of the classifier's loss.</param>
    /// <param name="Weights">Their participation weights, a leaf too.</param>
    private sealed record StepState(CriteriaDecision Decision, float[] Mix, Tensor? MixTensor, Tensor Synthetic, Tensor Weights);
}
