using Microsoft.ML.Oversampling.Neural;

namespace Microsoft.ML.Oversampling.Tests.Neural;

/// <summary>Optimizer updates against values worked out by hand from the published update rules.</summary>
public class OptimizerTests
{
    [Fact]
    public void SgdWithMomentumAndWeightDecay()
    {
        // p = 1, lr = 0.1, μ = 0.9, λ = 0.01, gradient 0.5 each step.
        // Step 1: g = 0.5 + 0.01·1 = 0.51; v = 0.51; p = 1 − 0.051 = 0.949.
        // Step 2: g = 0.5 + 0.00949 = 0.50949; v = 0.9·0.51 + 0.50949 = 0.96849; p = 0.949 − 0.096849 = 0.852151.
        var p = Parameter(1f);
        var sgd = new Sgd([p], 0.1f, momentum: 0.9f, weightDecay: 0.01f);
        SetGradient(p, 0.5f);
        sgd.Step();
        Assert.Equal(0.949f, p.Data[0], 6);
        SetGradient(p, 0.5f);
        sgd.Step();
        Assert.Equal(0.852151f, p.Data[0], 5);
    }

    [Fact]
    public void SgdNesterov()
    {
        // Step 1: v = g = 2; update with g + μ·v = 2 + 0.5·2 = 3; p = 0 − 0.1·3 = −0.3.
        var p = Parameter(0f);
        var sgd = new Sgd([p], 0.1f, momentum: 0.5f, nesterov: true);
        SetGradient(p, 2f);
        sgd.Step();
        Assert.Equal(-0.3f, p.Data[0], 6);
    }

    [Fact]
    public void AdamFirstStepsFollowTheBiasCorrectedRule()
    {
        // Step 1: m̂ = g and v̂ = g², so p moves by lr·g/(|g| + ε) = 0.1 (opposite sign of g).
        // Step 2 with g = −1: m = 0.9·0.2 + 0.1·(−1) = 0.08, v = 0.999·0.004 + 0.001·1 = 0.004996;
        //   step = lr/(1 − 0.81) = 0.526316…, denominator = √0.004996/√(1 − 0.998001) + ε = 1.580902…;
        //   p = 0.9 − 0.526316·0.08/1.580902 = 0.873366…
        var p = Parameter(1f);
        var adam = new Adam([p], 0.1f);
        SetGradient(p, 2f);
        adam.Step();
        Assert.Equal(0.9f, p.Data[0], 6);
        SetGradient(p, -1f);
        adam.Step();
        Assert.Equal(0.873366f, p.Data[0], 5);
    }

    [Fact]
    public void AdamWeightDecayIsCoupledButAdamWDecouplesIt()
    {
        // Adam with λ = 0.5: g' = 2 + 0.5·1 = 2.5, first step still moves by lr: p = 0.9.
        var coupled = Parameter(1f);
        var adam = new Adam([coupled], 0.1f, weightDecay: 0.5f);
        SetGradient(coupled, 2f);
        adam.Step();
        Assert.Equal(0.9f, coupled.Data[0], 6);

        // AdamW: p ← p·(1 − lr·λ) = 0.95, then the Adam move of 0.1: p = 0.85.
        var decoupled = Parameter(1f);
        var adamW = new AdamW([decoupled], 0.1f, weightDecay: 0.5f);
        SetGradient(decoupled, 2f);
        adamW.Step();
        Assert.Equal(0.85f, decoupled.Data[0], 6);
    }

    [Fact]
    public void AdamVectorAndScalarPathsAgree()
    {
        // 37 elements: whole vectors plus a scalar tail; every element gets the same gradient so all must agree.
        var p = Tensor.Full(1f, 37);
        p.RequiresGrad = true;
        var adam = new Adam([p], 0.05f, weightDecay: 0.1f);
        for (int step = 0; step < 3; step++)
        {
            p.GradSpan().Fill(0.3f * (step + 1));
            adam.Step();
        }

        Assert.All(p.ToArray(), v => Assert.Equal(p.Data[0], v));
        Assert.NotEqual(1f, p.Data[0]);
    }

    [Fact]
    public void ZeroGradClearsAndParametersWithoutGradientAreSkipped()
    {
        var p = Parameter(1f);
        var q = Parameter(2f);
        var sgd = new Sgd([p, q], 1f);
        SetGradient(p, 0.25f);
        sgd.Step();
        Assert.Equal(0.75f, p.Data[0]);
        Assert.Equal(2f, q.Data[0]);
        sgd.ZeroGrad();
        Assert.Equal(0f, p.Grad!.Data[0]);
    }

    [Fact]
    public void ClipGradNormScalesToTheLimit()
    {
        var a = Parameter(0f);
        var b = Parameter(0f);
        SetGradient(a, 3f);
        SetGradient(b, 4f);
        float norm = GradientClipping.ClipGradNorm([a, b], 1f);
        Assert.Equal(5f, norm, 5);
        Assert.Equal(0.6f, a.Grad!.Data[0], 5);
        Assert.Equal(0.8f, b.Grad!.Data[0], 5);

        float unchanged = GradientClipping.ClipGradNorm([a, b], 10f);
        Assert.Equal(1f, unchanged, 5);
        Assert.Equal(0.6f, a.Grad!.Data[0], 5);
    }

    [Fact]
    public void StepScheduleDecaysEveryStepSizeEpochs()
    {
        var sgd = new Sgd([Parameter(0f)], 1f);
        var schedule = new StepLR(sgd, stepSize: 2, gamma: 0.5f);
        var rates = new List<float>();
        for (int epoch = 0; epoch < 5; epoch++)
        {
            schedule.Step();
            rates.Add(sgd.LearningRate);
        }

        Assert.Equal(new[] { 1f, 0.5f, 0.5f, 0.25f, 0.25f }, rates);
    }

    [Fact]
    public void CosineScheduleGoesFromInitialToMinimum()
    {
        var sgd = new Sgd([Parameter(0f)], 1f);
        var schedule = new CosineAnnealingLR(sgd, period: 4, minimum: 0.2f);
        var rates = new List<float>();
        for (int epoch = 0; epoch < 4; epoch++)
        {
            schedule.Step();
            rates.Add(sgd.LearningRate);
        }

        // η_t = 0.2 + 0.8·(1 + cos(πt/4))/2 for t = 1..4.
        Assert.Equal(0.2f + (0.4f * (1f + MathF.Cos(MathF.PI / 4))), rates[0], 6);
        Assert.Equal(0.6f, rates[1], 6);
        Assert.Equal(0.2f, rates[3], 6);
    }

    [Fact]
    public void OptimizerRejectsTensorsThatDoNotRequireGradients()
    {
        Assert.Throws<ArgumentException>(() => new Adam([Tensor.Zeros(3)]));
    }

    private static Tensor Parameter(float value)
    {
        var p = Tensor.Full(value, 1);
        p.RequiresGrad = true;
        return p;
    }

    private static void SetGradient(Tensor p, float value) => p.GradSpan().Fill(value);
}
