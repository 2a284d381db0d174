namespace Microsoft.ML.Oversampling.Neural;

/// <summary>Process-wide settings of the neural engine.</summary>
public static class NeuralSettings
{
    private static int s_maxDegreeOfParallelism = Environment.ProcessorCount;

    /// <summary>
    /// The most threads one operation may use (1 = single-threaded). Results do not depend on it: every output
    /// element is always computed by one thread in a fixed order, so only the speed changes.
    /// </summary>
    public static int MaxDegreeOfParallelism
    {
        get => s_maxDegreeOfParallelism;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            s_maxDegreeOfParallelism = value;
        }
    }
}
