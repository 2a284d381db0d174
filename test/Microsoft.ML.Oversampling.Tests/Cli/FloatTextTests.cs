using System.Globalization;
using System.Text;
using Microsoft.ML.Oversampling.Cli.Data;

namespace Microsoft.ML.Oversampling.Tests.Cli;

/// <summary>
/// The command line's float text fast paths must give CoreLib's answers bit for bit: the parse of
/// <c>float.TryParse(…, NumberStyles.Float, InvariantCulture)</c> and the "R" format, on every kind of value and text.
/// </summary>
public sealed class FloatTextTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Fact]
    public void Format_EqualsCoreLibsRoundTripFormat_OnRandomBitPatternsAndCsvLikeValues()
    {
        var random = new Random(20261202);
        Span<byte> buffer = stackalloc byte[FloatText.MaxLength];
        int checkedValues = 0;
        foreach (float value in Values(random))
        {
            int written = FloatText.Format(value, buffer);
            Assert.Equal(value.ToString("R", Invariant), Encoding.ASCII.GetString(buffer[..written]));
            checkedValues++;
        }

        Assert.True(checkedValues > 1_000_000);
    }

    [Fact]
    public void Parse_EqualsCoreLib_OnFormattedValuesAndOddText()
    {
        var random = new Random(7);
        string[] formats = ["R", "G6", "F3", "F9", "E5", "E10", "0.###############"];
        var texts = new List<string>();
        foreach (float value in Values(random).Take(200_000))
        {
            texts.Add(value.ToString(formats[texts.Count % formats.Length], Invariant));
        }

        for (int i = 0; i < 200_000; i++)
        {
            // Random digit strings: up to 20 digits around a point, some with exponents.
            var text = new StringBuilder();
            text.Append("+- "[random.Next(3)] switch { ' ' => string.Empty, char c => c.ToString() });
            int length = random.Next(1, 21);
            int point = random.Next(-1, length + 1);
            for (int k = 0; k < length; k++)
            {
                text.Append(k == point ? '.' : (char)('0' + random.Next(10)));
            }

            if (random.Next(4) == 0)
            {
                text.Append('e').Append(random.Next(-60, 60).ToString(Invariant));
            }

            texts.Add(text.ToString());
        }

        texts.AddRange([
            "", ".", "-", "+", "e5", ".e5", "1e", "1e+", "1e-", "1e1000", "1e-1000", "5.", ".5", "-.5", "-0", "0.000", "-0.0e5",
            " 1", "1 ", "1,5", "1.5.5", "0x10", "NaN", "Infinity", "-Infinity", "∞", "3.4028235E+38", "3.4028236E+38",
            "3.5e38", "1.17549435E-38", "1.1754942E-38", "1.4E-45", "7E-46", "0.30000001192092896", "16777217",
            "16777216.5", "33554435", "1.00000005960464477539062", "1E+22", "1E+23", "1E-22", "1E-23",
            "123456789012345", "1234567890123456", "000000000000000000001.5", "1.500000000000000000",
        ]);

        foreach (string text in texts)
        {
            bool expected = float.TryParse(text, NumberStyles.Float, Invariant, out float coreLib);
            bool actual = FloatText.TryParse(Encoding.UTF8.GetBytes(text), out float ours);
            Assert.True(expected == actual, $"'{text}': CoreLib {(expected ? "accepts" : "refuses")} it");
            if (expected)
            {
                Assert.True(BitConverter.SingleToInt32Bits(coreLib) == BitConverter.SingleToInt32Bits(ours), $"'{text}': CoreLib {coreLib:R}, ours {ours:R}");
            }
        }
    }

    [Fact]
    public void FormatThenParse_RoundTripsEveryFiniteValue()
    {
        var random = new Random(11);
        Span<byte> buffer = stackalloc byte[FloatText.MaxLength];
        foreach (float value in Values(random).Take(300_000))
        {
            int written = FloatText.Format(value, buffer);
            Assert.True(FloatText.TryParse(buffer[..written], out float back));
            Assert.Equal(BitConverter.SingleToInt32Bits(value), BitConverter.SingleToInt32Bits(back));
        }
    }

    [Fact]
    public void FastPaths_DecideNearlyEveryCsvLikeValue()
    {
        // The fast paths are the point of FloatText: CSV-like values (between 1e-4 and 1e7, not powers of two) must
        // almost never need CoreLib. Each undecided value is an ambiguous rounding (|frac − 0.5| within 2^-50 of the
        // product) or an exact float midpoint, so even a generous bound of 1 in 1000 catches a fast path that refuses
        // a whole class of values.
        var random = new Random(3);
        Span<byte> buffer = stackalloc byte[FloatText.MaxLength];
        int values = 0, formatted = 0, parsed = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            float value = (float)(gaussian * Math.Pow(10, random.Next(-2, 6)));
            if (Math.Abs(value) < 1e-4 || Math.Abs(value) >= 1e7)
            {
                continue;
            }

            values++;
            int written = FloatText.TryFormatFast(value, buffer);
            formatted += written > 0 ? 1 : 0;
            parsed += FloatText.TryParseFast(Encoding.ASCII.GetBytes(value.ToString("R", Invariant)), out _) ? 1 : 0;
        }

        Assert.True(formatted >= values * 0.999, $"the fast format decided {formatted} of {values} values");
        Assert.True(parsed >= values * 0.999, $"the fast parse decided {parsed} of {values} texts");
    }

    /// <summary>
    /// Finite values of every kind: uniform bit patterns (all exponents, subnormals), CSV-like values (Gaussian times
    /// powers of ten, short decimals), neighbours of powers of ten and two, and the edges of the fast path's range.
    /// </summary>
    private static IEnumerable<float> Values(Random random)
    {
        float[] edges = [0f, -0f, float.Epsilon, FloatText.SmallestNormal, float.MaxValue, -float.MaxValue, 1e-4f, 1e7f, 9999999f, 9999999.5f, 0.5f, 1f / 3, 16777216f, 0.1f, 0.3f];
        foreach (float edge in edges)
        {
            yield return edge;
            yield return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(edge) + 1);
            if (edge != 0)
            {
                yield return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(edge) - 1);
            }
        }

        for (int k = -6; k <= 8; k++)
        {
            float power = (float)Math.Pow(10, k);
            for (int step = -50; step <= 50; step++)
            {
                yield return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(power) + step);
            }
        }

        for (int k = -20; k <= 30; k++)
        {
            yield return MathF.ScaleB(1f, k);
            yield return MathF.ScaleB(1.5f, k);
        }

        for (int i = 0; i < 400_000; i++)
        {
            float value = BitConverter.Int32BitsToSingle(random.Next() | (random.Next(2) << 31));
            if (float.IsFinite(value))
            {
                yield return value;
            }

            double gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            yield return (float)(gaussian * Math.Pow(10, random.Next(-5, 8)));
            yield return (float)Math.Round(gaussian * 100, random.Next(0, 5));
        }
    }
}
