using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Datasets;

namespace Microsoft.ML;

/// <summary>
/// Loads the library's own datasets (<see cref="EmbeddedDatasets"/>, <see cref="SyntheticImbalancedData"/>, any
/// <see cref="LabeledMatrix"/>) as ML.NET data views: a Boolean <c>Label</c> (<c>true</c> = class 1, the minority) and
/// a known-size <c>Features</c> vector of Single whose slot names are the feature names.
/// </summary>
public static class LabeledMatrixDataExtensions
{
    extension(DataOperationsCatalog catalog)
    {
        /// <summary>A binary <see cref="LabeledMatrix"/> (labels 0 and 1) as a data view with columns <c>Label</c> (Boolean) and <c>Features</c>.</summary>
        /// <exception cref="ArgumentException">A label is neither 0 nor 1.</exception>
        public IDataView LoadFromLabeledMatrix(LabeledMatrix data)
        {
            ArgumentNullException.ThrowIfNull(data);
            int bad = Array.FindIndex(data.Labels, l => l is not (0 or 1));
            if (bad >= 0)
            {
                throw new ArgumentException($"Row {bad} has label {data.Labels[bad]}; a binary data view needs labels 0 and 1.", nameof(data));
            }

            int d = data.Features.Columns;
            var builder = new DataViewSchema.Annotations.Builder();
            var slotNames = new VBuffer<ReadOnlyMemory<char>>(d, data.FeatureNames.Select(n => n.AsMemory()).ToArray());
            builder.Add("SlotNames", new VectorDataViewType(TextDataViewType.Instance, d), (ref VBuffer<ReadOnlyMemory<char>> value) => slotNames.CopyTo(ref value));
            var schema = new DataViewSchema.Builder();
            schema.AddColumn("Label", BooleanDataViewType.Instance);
            schema.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, d), builder.ToAnnotations());
            return new Oversampling.MLNet.Data.LabeledMatrixDataView(schema.ToSchema(), data);
        }

        /// <summary>The embedded dataset called <paramref name="name"/> (see <see cref="EmbeddedDatasets.All"/>) as a data view.</summary>
        /// <exception cref="ArgumentException">No embedded dataset has that name.</exception>
        public IDataView LoadEmbeddedDataset(string name) => catalog.LoadFromLabeledMatrix(EmbeddedDatasets.LoadMatrix(name));
    }
}
