namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// Changes an optimizer's learning rate as epochs pass (TorchSharp's <c>torch.optim.lr_scheduler</c>): call
/// <see cref="Step"/> once per epoch, after the optimizer's steps.
/// </summary>
public abstract class LearningRateScheduler
{
    /// <summary>Attaches the schedule to <paramref name="optimizer"/>.</summary>
    protected LearningRateScheduler(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Optimizer = optimizer;
    }

    /// <summary>The optimizer whose rate is set.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The number of <see cref="Step"/> calls so far.</summary>
    public int Epoch { get; private set; }

    /// <summary>Advances one epoch and sets the optimizer's learning rate for it.</summary>
    public void Step()
    {
        Epoch++;
        Optimizer.LearningRate = RateAt(Epoch);
    }

    /// <summary>The learning rate for epoch <paramref name="epoch"/> (0 = the initial rate).</summary>
    protected abstract float RateAt(int epoch);
}
