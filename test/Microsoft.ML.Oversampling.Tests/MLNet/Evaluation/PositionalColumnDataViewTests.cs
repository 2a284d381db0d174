using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.MLNet.Evaluation;

namespace Microsoft.ML.Oversampling.Tests.MLNet.Evaluation;

public sealed class PositionalColumnDataViewTests
{
    [Fact]
    public void The_added_column_follows_the_row_position_and_the_input_columns_pass_through()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView input = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 6).Select(i => new Row { Value = 10 * i }).ToList());

        var view = new PositionalColumnDataView(input, "Flag", 6, row => row % 3 == 0 ? 0f : 1f);

        Assert.Equal(["Value", "Flag"], view.Schema.Select(c => c.Name));
        Assert.Equal(NumberDataViewType.Single, view.Schema["Flag"].Type);
        Assert.Equal(6, view.GetRowCount());
        Assert.Equal([0f, 1, 1, 0, 1, 1], view.GetColumn<float>("Flag"));
        Assert.Equal([0f, 10, 20, 30, 40, 50], view.GetColumn<float>("Value"));
        // Filtering on the flag keeps the rows at positions 0 and 3, however often it is enumerated.
        IDataView kept = mlContext.Data.FilterRowsByColumn(view, "Flag", lowerBound: 0, upperBound: 1);
        Assert.Equal([0f, 30], kept.GetColumn<float>("Value"));
        Assert.Equal([0f, 30], kept.GetColumn<float>("Value"));
    }

    [Fact]
    public void A_shuffle_request_keeps_the_input_order_and_parallel_requests_get_one_cursor()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView input = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 50).Select(i => new Row { Value = i }).ToList());
        var view = new PositionalColumnDataView(input, "Flag", 50, row => row);

        DataViewRowCursor[] cursors = view.GetRowCursorSet(view.Schema, 4, new Random(3));
        Assert.Single(cursors);
        using DataViewRowCursor cursor = cursors[0];
        ValueGetter<float> value = cursor.GetGetter<float>(view.Schema["Value"]);
        ValueGetter<float> flag = cursor.GetGetter<float>(view.Schema["Flag"]);
        float v = 0, f = 0;
        int rows = 0;
        while (cursor.MoveNext())
        {
            value(ref v);
            flag(ref f);
            Assert.Equal(rows++, v);
            Assert.Equal(v, f);
        }

        Assert.Equal(50, rows);
    }

    [Fact]
    public void More_rows_than_declared_fail()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView input = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 5).Select(i => new Row { Value = i }).ToList());
        var view = new PositionalColumnDataView(input, "Flag", 4, row => row);

        Assert.Throws<InvalidOperationException>(() => view.GetColumn<float>("Flag").ToList());
    }

    private sealed class Row
    {
        public float Value { get; set; }
    }
}
