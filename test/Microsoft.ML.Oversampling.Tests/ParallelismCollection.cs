namespace Microsoft.ML.Oversampling.Tests;

/// <summary>
/// Tests that change the process-wide <see cref="Microsoft.ML.Oversampling.Numerics.Parallelism"/> cap, or measure
/// process-wide state such as resident memory, run one at a time, so that a thread-count comparison really compares
/// the thread counts it sets and a memory reading sees only its own test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ParallelismCollection
{
    public const string Name = "Parallelism cap";
}
