using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling;

/// <summary>Options of <see cref="LearnedCriteriaOversampler"/>, the standalone form of trained AutoSMOTE criteria
/// (the criteria themselves come from the fit, see <see cref="AutoSmoteModel.ToSampler"/>).</summary>
public sealed class LearnedCriteriaOversamplerOptions : NeighborOversamplerOptions
{
}
