using System.Globalization;

namespace Microsoft.ML.Oversampling.Numerics;

/// <summary>The checks every algorithm makes on its training matrix and labels, with one wording everywhere.</summary>
internal static class TrainingDataValidator
{
    /// <summary>Throws <see cref="ArgumentException"/> (its message one sentence, no parameter suffix) for empty data, no features, a label count that differs from
    /// the row count, or a non-finite value (naming its row and feature).</summary>
    /// <param name="features">The training matrix.</param>
    /// <param name="labelCount">How many labels came with it.</param>
    /// <param name="consumer">Who needs the data, for the messages (e.g. "oversamplers").</param>
    public static void Validate(DenseMatrix features, int labelCount, string consumer)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Rows == 0)
        {
            throw new ArgumentException($"The data has no rows; {consumer} need at least one.");
        }

        if (features.Columns == 0)
        {
            throw new ArgumentException($"The data has no feature columns; {consumer} need at least one.");
        }

        if (labelCount != features.Rows)
        {
            throw new ArgumentException($"There are {labelCount} labels for {features.Rows} feature rows; give one label per row.");
        }

        if (features.TryFindNonFinite(out int row, out int column))
        {
            throw new ArgumentException(
                $"The value at row {row}, feature {column} (both counted from 0) is {features[row, column].ToString(CultureInfo.InvariantCulture)}; {consumer} need finite values, so impute or drop missing values first.");
        }
    }
}
