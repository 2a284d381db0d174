using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Tests.Samplers;

public class ClassMapTests
{
    [Fact]
    public void LooksUpAndEnumeratesInLabelOrder()
    {
        var map = new ClassMap<int>([-3, 0, 7, 12], [30, 0, 70, 120]);
        Assert.Equal(4, map.Count);
        Assert.Equal(70, map[7]);
        Assert.Equal(2, map.IndexOf(7));
        Assert.Equal(-1, map.IndexOf(5));
        Assert.False(map.ContainsKey(5));
        Assert.True(map.TryGetValue(-3, out int value) && value == 30);
        Assert.Equal([-3, 0, 7, 12], map.Select(kv => kv.Key).ToArray());
        Assert.Equal([30, 0, 70, 120], map.Values.ToArray());
        var missing = Assert.Throws<KeyNotFoundException>(() => map[5]);
        Assert.Contains("class 5", missing.Message);
    }

    [Fact]
    public void FromADictionary_SortsTheLabels_AndDerivedMapsKeepThem()
    {
        var map = ClassMap.From(new Dictionary<int, int> { [9] = 1, [2] = 5, [4] = 3 });
        Assert.Equal([2, 4, 9], map.Labels.ToArray());
        Assert.Equal([5, 3, 1], map.CopyValues());
        ClassMap<string> names = map.Select((label, count) => $"{label}x{count}");
        Assert.Equal("4x3", names[4]);
        Assert.Equal(7, map.WithValues([7, 8, 9])[2]);
    }

    [Fact]
    public void LabelsOutOfOrderOrOfAnotherLength_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new ClassMap<int>([1, 1], [0, 0]));
        Assert.Throws<ArgumentException>(() => new ClassMap<int>([2, 1], [0, 0]));
        Assert.Throws<ArgumentException>(() => new ClassMap<int>([1, 2], [0]));
    }
}
