using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Datasets;
using Microsoft.ML.Oversampling.Samplers.Deep;

namespace Microsoft.ML.Oversampling.Tests.MLNet;

/// <summary>A deep sampler fitted through ML.NET records what its generator's values mean, and the file keeps it.</summary>
public sealed class GeneratorColumnsTests
{
    [Fact]
    public void FittedGenerator_KnowsSlotNamesAndLabelValues_AndSaveLoadKeepsThemAndTheRows()
    {
        var ml = new MLContext(seed: 1);
        LabeledMatrix glass = EmbeddedDatasets.LoadMatrix("glass2");
        string csv = Path.Combine(Path.GetTempPath(), $"glass2-{Guid.NewGuid():N}.csv");
        string file = Path.ChangeExtension(csv, ".gen");
        File.WriteAllText(csv, EmbeddedDatasets.ReadCsv("glass2"));
        try
        {
            IDataView data = ml.Data.CreateTextLoader(
                [new TextLoader.Column("Features", DataKind.Single, 0, 8), new TextLoader.Column("Label", DataKind.Boolean, 9)],
                separatorChar: ',', hasHeader: true, dataSample: new MultiFileSource(csv)).Load(csv);
            var options = new DeepSmoteOptions { Seed = 2, MaxEpochs = 3, HiddenSizes = [16] };
            OversamplingTransformer fitted = ml.Transforms.Oversampling.DeepSmote(options).Fit(data);

            SyntheticDataGenerator generator = fitted.Generator!;
            Assert.Equal(glass.FeatureNames, generator.Columns.FeatureNames);
            Assert.Equal("true", generator.Columns.ClassName(1));
            generator.Save(file);
            SyntheticDataGenerator loaded = SyntheticDataGenerator.Load(file);
            Assert.Equal(generator.Columns.FeatureNames, loaded.Columns.FeatureNames);
            Assert.Equal(generator.Columns.ClassNames, loaded.Columns.ClassNames);
            Assert.Equal(fitted.Generate(40, fitted.Seed).Values, loaded.Generate(40, fitted.Seed).Values);
        }
        finally
        {
            File.Delete(csv);
            File.Delete(file);
        }
    }

    [Fact]
    public void WithoutSlotNames_NoFeatureNamesAreInvented()
    {
        var ml = new MLContext(seed: 1);
        var options = new DeepSmoteOptions { Seed = 2, MaxEpochs = 2, HiddenSizes = [8] };
        OversamplingTransformer fitted = ml.Transforms.Oversampling.DeepSmote(options).Fit(MLNetTestData.Load(ml, "glass2"));

        Assert.Null(fitted.Generator!.Columns.FeatureNames);
        Assert.Equal("f3", fitted.Generator.Columns.FeatureName(3));
    }
}
