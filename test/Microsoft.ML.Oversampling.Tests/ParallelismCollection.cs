namespace Microsoft.ML.Oversampling.Tests;

/// <summary>
/// Tests that change the process-wide <see cref="Microsoft.ML.Oversampling.Numerics.Parallelism"/> cap run one at a
/// time, so that a thread-count comparison really compares the thread counts it sets.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ParallelismCollection
{
    public const string Name = "Parallelism cap";
}
