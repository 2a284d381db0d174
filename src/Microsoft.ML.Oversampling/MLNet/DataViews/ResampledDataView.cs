using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.MLNet.DataViews;

/// <summary>
/// The rebalanced training data as an <see cref="IDataView"/> with the input's schema: the input's rows, streamed
/// from the input unchanged and in order, then the synthetic rows. A synthetic row has its generated features and
/// label; every other column takes the value of its base row (<see cref="BaseRows"/>). Only the synthetic rows
/// (and those copied values) are held in memory. The base rows are found and their values copied on the first request
/// of a getter for such a column: a consumer that reads only the label and features (a trainer, the command line's
/// CSV writer) never pays for the base-row search nor for the extra pass over the input.
/// </summary>
internal sealed class ResampledDataView : IDataView
{
    private readonly Lazy<BaseRowValues?> _baseRowValues;

    internal ResampledDataView(IDataView input, TrainingColumns columns, long originalRows, DenseMatrix syntheticFeatures, int[] syntheticLabels, Func<BaseRowValues?> baseRowValues)
    {
        Input = input;
        Columns = columns;
        OriginalRows = originalRows;
        SyntheticFeatures = syntheticFeatures;
        SyntheticLabels = syntheticLabels;
        _baseRowValues = new Lazy<BaseRowValues?>(baseRowValues, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    internal IDataView Input { get; }

    internal TrainingColumns Columns { get; }

    internal long OriginalRows { get; }

    internal DenseMatrix SyntheticFeatures { get; }

    internal int[] SyntheticLabels { get; }

    /// <summary>The other columns' values for the synthetic rows (captured on first use), or <c>null</c> if there are none.</summary>
    internal BaseRowValues? BaseRowValues => _baseRowValues.Value;

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
