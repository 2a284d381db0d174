using Microsoft.ML.Oversampling.AutoSmote;
using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Tests.MLNet;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Tests.AutoSmote;

/// <summary>The training-time generation of AutoSMOTE, one batch at a time through its classifier hook.</summary>
public sealed class AutoSmoteHookTests
{
    [Fact]
    public void ParticipationOn_FiveNeighbors_Interpolate_GivesRowsOnSmoteSegments_AndTheBalancingBudget()
    {
        BinaryRow[] rows = AutoSmoteTestData.Rows(100, 20, 3, seed: 1);
        using var hook = new AutoSmoteHook(new AutoSmoteOptions { FreezeCriteria = true, MaxNeighbors = 5 }) { RecordDecisions = true };
        var (inputs, targets, decisions) = OneBatch(hook, rows, seed: 2);

        // Budget: B·Σ(n_max − n_c)/N = 120·80/120 = 80 synthetic rows for the whole training set as one batch.
        Assert.Equal(80, decisions.Seeds.Length);
        Assert.Equal(200, inputs.Rows);
        Assert.All(decisions.Participates, Assert.True);
        Assert.All(decisions.Neighbors, k => Assert.Equal(4, k)); // k = 5
        Assert.All(decisions.Aggregations, a => Assert.Equal(0, a)); // interpolate
        float[][] minority = [.. rows.Where(r => r.Label).Select(r => r.Features)];
        float[][] synthetic = [.. Enumerable.Range(0, 80).Select(i => inputs.Row(120 + i).ToArray())];
        AutoSmoteTestData.AssertOnSmoteSegments(minority, synthetic, k: 5);
        Assert.Equal(decisions.Rows, synthetic.SelectMany(r => r));

        // The loss is mean_b CE(real) + λ·Σ w·CE(synthetic)/Σ w: the real targets sum to B + S over B rows, the
        // synthetic ones to λ·(B + S), all on the minority class.
        Assert.Equal(200.0, Enumerable.Range(0, 120).Sum(i => targets[i, 0] + targets[i, 1]), 3);
        Assert.Equal(200.0, Enumerable.Range(120, 80).Sum(i => targets[i, 1]), 3);
        Assert.All(Enumerable.Range(120, 80), i => Assert.Equal(0f, targets[i, 0]));
    }

    [Theory]
    [InlineData(AutoSmoteGuard.ParticipationRatePenalty)]
    [InlineData(AutoSmoteGuard.FixedBudget)]
    public void CohortVariant_SharesEveryDecisionWithinACohort(AutoSmoteGuard guard)
    {
        BinaryRow[] rows = AutoSmoteTestData.Rows(150, 40, 2, seed: 3);
        var options = new AutoSmoteOptions { Variant = AutoSmoteVariant.Cohort, Cohorts = 3, InitialTemperature = 5, MinimumTemperature = 5, Guard = guard };
        using var hook = new AutoSmoteHook(options) { RecordDecisions = true };
        var (_, _, decisions) = OneBatch(hook, rows, seed: 4);

        SeedTable table = hook.Table!;
        Assert.Equal(3, table.UnitInputs.Rows);
        Assert.Equal(decisions.Seeds.Select(s => table.Unit[s]), decisions.Units);
        var byCohort = Enumerable.Range(0, decisions.Seeds.Length).GroupBy(i => decisions.Units[i]).ToList();
        Assert.Equal(3, byCohort.Count);
        int split = 0;
        foreach (var cohort in byCohort)
        {
            Assert.True(cohort.Count() > 1);
            Assert.Single(cohort.Select(i => (decisions.Neighbors[i], decisions.Aggregations[i])).Distinct());
            split += cohort.Select(i => decisions.Participates[i]).Distinct().Count() - 1;
        }

        // Participation is the cohort's too, except that a fixed budget of S samples ranks them by their cohort's score
        // and takes the first S: the cut can fall inside the one cohort at the boundary.
        Assert.True(split <= (guard == AutoSmoteGuard.FixedBudget ? 1 : 0), $"{split} cohorts have mixed participation.");

        // The self variant with the same hot temperature decides per sample: its decisions vary within any grouping.
        using var self = new AutoSmoteHook(new AutoSmoteOptions { Variant = AutoSmoteVariant.Self, InitialTemperature = 5, MinimumTemperature = 5 }) { RecordDecisions = true };
        var (_, _, selfDecisions) = OneBatch(self, rows, seed: 4);
        Assert.True(selfDecisions.Aggregations.Distinct().Count() > 1);
    }

    [Theory]
    [InlineData(AutoSmoteGuard.ParticipationRatePenalty)]
    [InlineData(AutoSmoteGuard.FixedBudget)]
    public void LearnedCriteria_ReceiveTheJointLossGradient(AutoSmoteGuard guard)
    {
        BinaryRow[] rows = AutoSmoteTestData.Rows(100, 20, 3, seed: 5);
        using var hook = new AutoSmoteHook(new AutoSmoteOptions { Variant = AutoSmoteVariant.Self, Guard = guard });
        ClassRows train = AutoSmoteTestData.ClassRows(rows);
        var random = new DeterministicRandom(6);
        hook.Begin(train, 2, random, CPU);
        using var network = DeepMlpNetwork.Create(3, [8], 2, 0, new DeterministicRandom(7), CPU);
        using var scope = NewDisposeScope();
        var (inputs, targets) = Prepare(hook, train, random);
        foreach (var parameters in hook.Parameters)
        {
            parameters.ZeroGradients();
        }

        Tensor loss = ClassifierTraining.Loss(network.forward(inputs), targets, binary: true);
        // Guard (a) adds its penalty; the fixed budget has none, its gradient comes through the top-S selection.
        Assert.Equal(guard == AutoSmoteGuard.ParticipationRatePenalty, hook.Penalty() is not null);
        (hook.Penalty() is { } penalty ? loss.add(penalty) : loss).backward();
        hook.Backward(); // the hook's own chain rule into its networks
        Assert.Equal(2, hook.Parameters.Count); // the criterion network and the learned interpolation
        Assert.All(hook.Parameters, p => Assert.True(p.Gradients.abs().max().item<float>() > 0));
    }

    [Theory]
    [InlineData(AutoSmoteEpochLength.RealRows, 1.0, 120)]
    [InlineData(AutoSmoteEpochLength.ResampledRows, 1.0, 200)] // 120 real rows + (100 − 20) to balance
    [InlineData(AutoSmoteEpochLength.ResampledRows, 0.5, 160)]
    public void EpochLength_CountsTheRealRows_OrTheResampledOnes(AutoSmoteEpochLength length, double budget, int expected)
    {
        BinaryRow[] rows = AutoSmoteTestData.Rows(100, 20, 3, seed: 8);
        ClassRows train = AutoSmoteTestData.ClassRows(rows);
        using var hook = new AutoSmoteHook(new AutoSmoteOptions { EpochLength = length, SyntheticBudget = budget });
        hook.Begin(train, 2, new DeterministicRandom(9), CPU);
        Assert.Equal(expected, ((ITrainingBatchHook)hook).RowsPerEpoch([100, 20]));
    }

    private static (DenseMatrix Inputs, DenseMatrix Targets, BatchDecisions Decisions) OneBatch(AutoSmoteHook hook, BinaryRow[] rows, int seed)
    {
        ClassRows train = AutoSmoteTestData.ClassRows(rows);
        var random = new DeterministicRandom(seed);
        hook.Begin(train, 2, random, CPU);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (inputs, targets) = Prepare(hook, train, random);
        return (Download(inputs), Download(targets), hook.LastDecisions!);
    }

    private static (Tensor Inputs, Tensor Targets) Prepare(AutoSmoteHook hook, ClassRows train, DeterministicRandom random)
    {
        int n = train.Features.Rows;
        Tensor x = tensor(train.Features.Values).view(n, train.Features.Columns);
        Tensor y = tensor(train.Classes.Select(c => (long)c).ToArray());
        Tensor oneHot = nn.functional.one_hot(y, 2).to_type(ScalarType.Float32);
        int[] counts = [train.Classes.Count(c => c == 0), train.Classes.Count(c => c == 1)];
        return hook.Prepare(x, y, oneHot, new TrainingBatch(0, 0, counts, random));
    }

    private static DenseMatrix Download(Tensor t)
    {
        var m = new DenseMatrix((int)t.shape[0], (int)t.shape[1]);
        Oversampling.Generators.TensorRows.Download(t.detach(), m.Values);
        return m;
    }
}
