namespace Microsoft.ML.Oversampling.Neural;

/// <summary>Switches for automatic differentiation (like TorchSharp's <c>torch.no_grad()</c>).</summary>
public static class Autograd
{
    [ThreadStatic]
    private static int t_noGradDepth;

    /// <summary>Whether operations on this thread currently record themselves for <see cref="Tensor.Backward"/>.</summary>
    public static bool IsGradEnabled => t_noGradDepth == 0;

    /// <summary>Opens a scope in which operations are not recorded (inference, target building, parameter updates).</summary>
    /// <example><code>using (Autograd.NoGrad()) { var prediction = model.Forward(x); }</code></example>
    public static NoGradScope NoGrad()
    {
        t_noGradDepth++;
        return new NoGradScope(true);
    }

    /// <summary>Closes a scope opened by <see cref="NoGrad"/>.</summary>
    public readonly struct NoGradScope : IDisposable
    {
        private readonly bool _open;

        internal NoGradScope(bool open) => _open = open;

        /// <summary>Re-enables recording (if no outer no-grad scope remains).</summary>
        public void Dispose()
        {
            if (_open)
            {
                t_noGradDepth--;
            }
        }
    }
}
