using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Microsoft.ML.Oversampling.Cli.Data;

/// <summary>
/// ASCII text ↔ <see cref="float"/> for CSV cells, with results bit-identical to CoreLib's
/// <c>float.TryParse(s, NumberStyles.Float, InvariantCulture)</c> and <c>float.TryFormat(…, "R", InvariantCulture)</c>.
/// </summary>
/// <remarks>
/// <para>
/// The common cells (plain decimals, at most 15 significant digits, and values between 1e-4 and 1e7) take exact
/// fast paths built on IEEE double arithmetic, several times quicker than CoreLib on a short-lived process, where
/// CoreLib's parser and formatter run as precompiled code that never gets to tier up. Everything else, and every case
/// where a fast path cannot prove its answer, goes to CoreLib, so the answers never differ.
/// </para>
/// <para>
/// Why the fast paths are exact: a decimal w·10^p with w &lt; 2^53 and |p| ≤ 22 is one correctly rounded double
/// operation away from its value (both operands are exact doubles). Rounding that double to float gives the float
/// nearest the decimal unless the double is exactly halfway between two floats (a double rounding can only go wrong
/// there, since such midpoints are themselves doubles and rounding is monotonic), and that case is sent to CoreLib.
/// Formatting looks for the fewest significant digits p whose nearest p-digit decimal parses back to the value (the
/// shortest round-trip string, which is CoreLib's "R"; 8 digits first, then down or up), deciding each rounding from the double product v·10^s only
/// when that product is farther from a rounding boundary than its error bound.
/// </para>
/// </remarks>
internal static class FloatText
{
    /// <summary>The longest text <see cref="TryFormat"/> writes.</summary>
    public const int MaxLength = 16;

    /// <summary>The smallest positive normal float, 2^-126.</summary>
    public const float SmallestNormal = 1.17549435E-38f;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // 10^0 … 10^22: every one an exact double.
    private static readonly double[] PowersOfTen = [.. Enumerable.Range(0, 23).Select(k => double.Parse("1e" + k.ToString(Invariant), Invariant))];

    // The doubles nearest 10^-4 … 10^7 (a float is never exactly one of the inexact ones, so comparing with them is exact).
    private static readonly double[] DecadeStarts = [1e-4, 1e-3, 1e-2, 1e-1, 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7];

    // 10^0 … 10^9 as integers, for digit counts.
    private static readonly ulong[] IntegerPowersOfTen = [.. Enumerable.Range(0, 10).Select(k => (ulong)Math.Pow(10, k))];

    /// <summary>Parses an ASCII cell as <c>float.TryParse(cell, NumberStyles.Float, InvariantCulture)</c> does.</summary>
    public static bool TryParse(ReadOnlySpan<byte> cell, out float value) =>
        TryParseFast(cell, out value) || ParseWithCoreLib(cell, out value);

    /// <summary>
    /// Writes <paramref name="value"/> as <c>value.TryFormat(…, "R", InvariantCulture)</c> does, in ASCII.
    /// </summary>
    /// <param name="value">A finite value.</param>
    /// <param name="destination">At least <see cref="MaxLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public static int Format(float value, Span<byte> destination)
    {
        int written = TryFormatFast(value, destination);
        return written > 0 ? written : FormatWithCoreLib(value, destination);
    }

    /// <summary>The fast parse; false when the cell is not a plain decimal it can prove (CoreLib then decides).</summary>
    internal static bool TryParseFast(ReadOnlySpan<byte> cell, out float value)
    {
        value = 0;
        int i = SignLength(cell, out bool negative);

        ulong significand = 0;
        int significantDigits = 0, digits = 0, exponent = 0;
        for (bool fraction = false; i < cell.Length; i++)
        {
            uint digit = (uint)(cell[i] - '0');
            if (digit <= 9)
            {
                digits++;
                if (significand != 0 || digit != 0)
                {
                    if (++significantDigits > 15)
                    {
                        return false;
                    }

                    significand = (significand * 10) + digit;
                }

                exponent -= fraction ? 1 : 0;
            }
            else if (cell[i] == '.' && !fraction)
            {
                fraction = true;
            }
            else
            {
                break;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < cell.Length)
        {
            if ((cell[i] | 0x20) != 'e' || !TryParseExponent(cell[(i + 1)..], out int written))
            {
                return false;
            }

            exponent += written;
        }

        if (significand == 0)
        {
            value = negative ? -0f : 0f;
            return true;
        }

        double magnitude;
        if (exponent >= 0 && exponent <= 22)
        {
            magnitude = (long)significand * PowersOfTen[exponent];
        }
        else if (exponent < 0 && exponent >= -22)
        {
            magnitude = (long)significand / PowersOfTen[-exponent];
        }
        else
        {
            return false;
        }

        if (!TryNarrow(magnitude, out float narrowed))
        {
            return false;
        }

        value = negative ? -narrowed : narrowed;
        return true;
    }

    /// <summary>1 when <paramref name="text"/> starts with '+' or '-' (setting <paramref name="negative"/> for '-'), else 0.</summary>
    private static int SignLength(ReadOnlySpan<byte> text, out bool negative)
    {
        negative = text.Length > 0 && text[0] == '-';
        return text.Length > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
    }

    /// <summary>An exponent of at most three digits, with an optional sign.</summary>
    private static bool TryParseExponent(ReadOnlySpan<byte> text, out int exponent)
    {
        exponent = 0;
        int i = SignLength(text, out bool negative);

        if (i == text.Length || text.Length - i > 3)
        {
            return false;
        }

        for (; i < text.Length; i++)
        {
            uint digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                return false;
            }

            exponent = (exponent * 10) + (int)digit;
        }

        exponent = negative ? -exponent : exponent;
        return true;
    }

    /// <summary>
    /// The float nearest a positive double that is the correctly rounded value of a decimal, unless the double lies
    /// exactly halfway between two floats, or outside the normal float range (then false).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryNarrow(double magnitude, out float value)
    {
        value = (float)magnitude;
        const ulong BelowFloatPrecision = (1UL << 29) - 1; // the 29 low mantissa bits a double has beyond a float
        ulong bits = (ulong)BitConverter.DoubleToInt64Bits(magnitude);
        return magnitude >= SmallestNormal && magnitude <= float.MaxValue && (bits & BelowFloatPrecision) != 1UL << 28;
    }

    /// <summary>The fast shortest round-trip format, or 0 when it cannot prove the answer (CoreLib then formats).</summary>
    internal static int TryFormatFast(float value, Span<byte> destination)
    {
        if (value == 0)
        {
            return float.IsNegative(value) ? Write(destination, "-0"u8) : Write(destination, "0"u8);
        }

        double magnitude = Math.Abs((double)value);
        // Outside [1e-4, 1e7) "R" may switch to exponent notation; a power of two has a lopsided rounding interval.
        if (magnitude < 1e-4 || magnitude >= 1e7 || (BitConverter.SingleToInt32Bits(value) & 0x7FFFFF) == 0)
        {
            return 0;
        }

        int decimalExponent = -4; // 10^decimalExponent ≤ magnitude < 10^(decimalExponent + 1)
        while (decimalExponent < 6 && magnitude >= DecadeStarts[decimalExponent + 5])
        {
            decimalExponent++;
        }

        // The fewest digits p that round-trip (monotone in p: the nearest (p+1)-digit decimal is never farther than
        // the nearest p-digit one). A float needs 9 at most and most need 8 or 9, so p = 8 is tried first.
        int digits = 8;
        int outcome = RoundTrips(value, magnitude, 7 - decimalExponent, out ulong shortest);
        if (outcome < 0)
        {
            return 0;
        }

        if (outcome == 0)
        {
            // Nine digits always round-trip for a float; only the rounding needs deciding.
            digits = 9;
            if (RoundTrips(value, magnitude, 8 - decimalExponent, out shortest) != 1)
            {
                return 0;
            }
        }
        else
        {
            for (int p = 7; p >= 1; p--)
            {
                outcome = RoundTrips(value, magnitude, p - 1 - decimalExponent, out ulong rounded);
                if (outcome < 0)
                {
                    return 0;
                }

                if (outcome == 0)
                {
                    break;
                }

                shortest = rounded;
                digits = p;
            }
        }

        // Rounding up may carry into a new digit (9.96 → 10.0): one more digit, the same decimal point.
        int scale = digits - 1 - decimalExponent;
        int length = 1;
        while (length < IntegerPowersOfTen.Length && shortest >= IntegerPowersOfTen[length])
        {
            length++;
        }

        int at = 0;
        if (value < 0)
        {
            destination[at++] = (byte)'-';
        }

        return at + WriteFixed(destination[at..], shortest, length, scale);
    }

    /// <summary>
    /// Whether the nearest decimal n·10^−<paramref name="scale"/> parses back to <paramref name="value"/>: 1 yes,
    /// 0 no, −1 when the double arithmetic cannot decide.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RoundTrips(float value, double magnitude, int scale, out ulong rounded)
    {
        rounded = 0;
        if (scale > 22 || scale < -22)
        {
            return -1;
        }

        double scaled = scale >= 0 ? magnitude * PowersOfTen[scale] : magnitude / PowersOfTen[-scale];
        double floor = Math.Floor(scaled);
        double fromHalf = Math.Abs(scaled - floor - 0.5);
        // Signed conversions: x64 before AVX-512 has no unsigned double ↔ integer instruction (the JIT calls a helper).
        long below = (long)floor;
        // scaled is within half an ulp (2^-53 relative) of the exact product; near .5 the nearest decimal is unknown.
        // It is one of the two around it, and any other p-digit decimal is farther, so if neither round-trips no
        // p-digit decimal does. Exact ties are common (40876.3125 at 8 digits): when the product is exact and both
        // round-trip, the even one is CoreLib's choice, as in the round-half-even of shortest-digit algorithms.
        if (fromHalf <= scaled * (1.0 / (1L << 50)))
        {
            int down = ParsesBack(value, below, scale), up = ParsesBack(value, below + 1, scale);
            if (down == 0 && up == 0)
            {
                return 0;
            }

            double error = scale >= 0 ? Math.FusedMultiplyAdd(magnitude, PowersOfTen[scale], -scaled) : Math.FusedMultiplyAdd(scaled, PowersOfTen[-scale], -magnitude);
            if (fromHalf == 0 && error == 0 && down == 1 && up == 1)
            {
                rounded = (ulong)((below & 1) == 0 ? below : below + 1);
                return 1;
            }

            return -1;
        }

        long integer = below + (scaled - floor > 0.5 ? 1 : 0);
        rounded = (ulong)integer;
        return ParsesBack(value, integer, scale);
    }

    /// <summary>Whether the decimal <paramref name="integer"/>·10^−<paramref name="scale"/> parses to |value|: 1 yes, 0 no, −1 undecided.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ParsesBack(float value, long integer, int scale)
    {
        double back = scale >= 0 ? integer / PowersOfTen[scale] : integer * PowersOfTen[-scale];
        if (!TryNarrow(back, out float parsed))
        {
            return -1;
        }

        return parsed == Math.Abs(value) ? 1 : 0;
    }

    /// <summary>Writes the digits of <paramref name="digits"/> (<paramref name="length"/> of them) scaled by 10^−scale in fixed notation, without trailing zeros after the point.</summary>
    private static int WriteFixed(Span<byte> destination, ulong digits, int length, int scale)
    {
        Span<byte> text = stackalloc byte[10];
        for (int k = length - 1; k >= 0; k--)
        {
            text[k] = (byte)('0' + (digits % 10));
            digits /= 10;
        }

        while (scale > 0 && length > 1 && text[length - 1] == '0')
        {
            length--;
            scale--;
        }

        int at = 0;
        int integerDigits = length - scale; // digits before the point (may be ≤ 0 or beyond the digits)
        if (integerDigits <= 0)
        {
            destination[at++] = (byte)'0';
            destination[at++] = (byte)'.';
            for (int k = integerDigits; k < 0; k++)
            {
                destination[at++] = (byte)'0';
            }

            text[..length].CopyTo(destination[at..]);
            return at + length;
        }

        if (integerDigits >= length)
        {
            text[..length].CopyTo(destination);
            at = length;
            for (int k = length; k < integerDigits; k++)
            {
                destination[at++] = (byte)'0';
            }

            return at;
        }

        text[..integerDigits].CopyTo(destination);
        at = integerDigits;
        destination[at++] = (byte)'.';
        text[integerDigits..length].CopyTo(destination[at..]);
        return at + length - integerDigits;
    }

    private static int Write(Span<byte> destination, ReadOnlySpan<byte> text)
    {
        text.CopyTo(destination);
        return text.Length;
    }

    /// <summary>
    /// CoreLib's parser, on the cell widened to UTF-16: CoreLib's precompiled image holds the UTF-16 parser, while its
    /// UTF-8 instantiation starts unoptimised on the JIT.
    /// </summary>
    private static bool ParseWithCoreLib(ReadOnlySpan<byte> cell, out float value)
    {
        Span<char> chars = stackalloc char[64];
        if (cell.Length > chars.Length)
        {
            return float.TryParse(Encoding.UTF8.GetString(cell), NumberStyles.Float, Invariant, out value);
        }

        int length = Encoding.Latin1.GetChars(cell, chars);
        return float.TryParse(chars[..length], NumberStyles.Float, Invariant, out value);
    }

    /// <summary>CoreLib's "R" formatter, UTF-16 narrowed to ASCII (its precompiled image holds the UTF-16 one).</summary>
    private static int FormatWithCoreLib(float value, Span<byte> destination)
    {
        Span<char> chars = stackalloc char[32];
        value.TryFormat(chars, out int written, "R", Invariant);
        for (int k = 0; k < written; k++)
        {
            destination[k] = (byte)chars[k];
        }

        return written;
    }
}
