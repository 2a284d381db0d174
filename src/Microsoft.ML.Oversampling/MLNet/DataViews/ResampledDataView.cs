using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.MLNet.DataViews;

/// <summary>
/// The rebalanced training data as an <see cref="IDataView"/> with the input's schema: the input's rows, streamed
/// from the input unchanged and in order, then the synthetic rows. A synthetic row has its generated features and
/// label; every other column takes the value of its base row (<see cref="BaseRows"/>). Only the synthetic rows
/// (and those copied values) are held in memory.
/// </summary>
internal sealed class ResampledDataView : IDataView
{
    internal ResampledDataView(IDataView input, TrainingColumns columns, long originalRows, DenseMatrix syntheticFeatures, int[] syntheticLabels, BaseRowValues? baseRowValues)
    {
        Input = input;
        Columns = columns;
        OriginalRows = originalRows;
        SyntheticFeatures = syntheticFeatures;
        SyntheticLabels = syntheticLabels;
        BaseRowValues = baseRowValues;
    }

    internal IDataView Input { get; }

    internal TrainingColumns Columns { get; }

    internal long OriginalRows { get; }

    internal DenseMatrix SyntheticFeatures { get; }

    internal int[] SyntheticLabels { get; }

    internal BaseRowValues? BaseRowValues { get; }

    /// <inheritdoc />
    public bool CanShuffle => false;

    /// <inheritdoc />
    public DataViewSchema Schema => Input.Schema;

    /// <inheritdoc />
    public long? GetRowCount() => OriginalRows + SyntheticLabels.Length;

    /// <inheritdoc />
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var active = columnsNeeded.ToArray();
        return new ResampledRowCursor(this, Input.GetRowCursor(active), active);
    }

    /// <inheritdoc />
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
