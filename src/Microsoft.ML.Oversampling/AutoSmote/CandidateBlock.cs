namespace Microsoft.ML.Oversampling.AutoSmote;

/// <summary>A block of samples' fixed candidates (samples × options × |𝒜| × d, row-major), with the seeds and partners the
/// learned interpolation needs (else <c>null</c>).</summary>
/// <param name="Count">Samples.</param>
/// <param name="Options">k-NN options built (K_max, or 1 when frozen).</param>
/// <param name="Aggregations">|𝒜|.</param>
/// <param name="Features">d.</param>
/// <param name="Values">The fixed candidates (the learned interpolation's slot is 0).</param>
/// <param name="Seeds">Samples × d seed rows, for the learned interpolation.</param>
/// <param name="Partners">Samples × options × d partner rows, for the learned interpolation.</param>
/// <param name="LearnedIndex">The learned interpolation's position in 𝒜, or −1.</param>
internal sealed record CandidateBlock(int Count, int Options, int Aggregations, int Features, float[] Values, float[]? Seeds, float[]? Partners, int LearnedIndex);
