namespace Microsoft.ML.Oversampling.Cli.Data;

/// <summary>What <c>--missing</c> does with a feature cell that is not a finite number (<c>?</c>, <c>NA</c>, empty, <c>inf</c>, text).</summary>
internal enum MissingValuePolicy
{
    /// <summary>Refuse the file, naming the file, line, column and value (the default).</summary>
    Error,

    /// <summary>Leave out every row that has such a cell.</summary>
    Drop,

    /// <summary>Replace such a cell by its column's mean over the training rows (ML.NET's <c>ReplaceMissingValues</c>, part of a trained model).</summary>
    Mean,
}
