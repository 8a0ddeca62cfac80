using System.Text.Json;

namespace Detection.Evaluation.Values;

internal static partial class Kv
{
    /// <summary>
    /// <c>==</c>: null == null → null, null == value → false (KQL-SEMANTICS §1, null-values.md). Numbers compare by value
    /// across int/long/real/decimal; a string against a number compares with the number's text (Sentinel rules write
    /// <c>ResultType == 50126</c> on a string column); a dynamic primitive compares as its inner value.
    /// </summary>
    public static bool? Equal(object? a, object? b)
    {
        a = Dyn.Unwrap(a);
        b = Dyn.Unwrap(b);
        if (a is null || b is null) return a is null && b is null ? null : false;
        return SameValue(a, b);
    }

    /// <summary><c>!=</c>: null != value → true, null != null → null.</summary>
    public static bool? NotEqual(object? a, object? b) => Equal(a, b) is { } e ? !e : null;

    /// <summary>Equality of two non-null (unwrapped) values, used by ==, in, join keys and grouping.</summary>
    public static bool SameValue(object a, object b)
    {
        switch (a, b)
        {
            case (string x, string y): return string.Equals(x, y, StringComparison.Ordinal);
            case (long x, long y): return x == y;
            case (string x, _) when IsNumber(b) || b is bool: return string.Equals(x, ToText(b), StringComparison.Ordinal);
            case (_, string y) when IsNumber(a) || a is bool: return string.Equals(ToText(a), y, StringComparison.Ordinal);
            case (string x, DateTime y): return ToDateTime(x) == y;
            case (DateTime x, string y): return ToDateTime(y) == x;
            case (string x, Guid y): return ToGuid(x) == y;
            case (Guid x, string y): return ToGuid(y) == x;
            case (string x, TimeSpan y): return ToTimeSpan(x) == y;
            case (TimeSpan x, string y): return ToTimeSpan(y) == x;
        }
        if (IsNumber(a) && IsNumber(b))
        {
            if (a is decimal || b is decimal) return ToDecimal(a) == ToDecimal(b);
            if (a is double || b is double) return ToDouble(a) == ToDouble(b);
            return Convert.ToInt64(a) == Convert.ToInt64(b);
        }
        return (a, b) switch
        {
            (bool x, bool y) => x == y,
            (DateTime x, DateTime y) => x == y,
            (TimeSpan x, TimeSpan y) => x == y,
            (Guid x, Guid y) => x == y,
            (JsonElement x, JsonElement y) => Dyn.Text(x) == Dyn.Text(y),
            _ => false,
        };
    }

    /// <summary><c>=~</c>: case-insensitive equality of the values' texts.</summary>
    public static bool? EqualIgnoreCase(object? a, object? b)
    {
        if (a is null && b is null) return null;
        return string.Equals(ToText(a), ToText(b), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Order of two values for &lt; &gt; and sort: numbers by value, datetimes, timespans, strings ordinal, bools; null
    /// when either is null or they do not compare.
    /// </summary>
    public static int? Order(object? a, object? b)
    {
        a = Dyn.Unwrap(a);
        b = Dyn.Unwrap(b);
        if (a is null || b is null) return null;
        if (IsNumber(a) && IsNumber(b))
        {
            if (a is long x && b is long y) return x.CompareTo(y);
            if (a is decimal || b is decimal) return ToDecimal(a)!.Value.CompareTo(ToDecimal(b)!.Value);
            if (a is double || b is double) return ToDouble(a).CompareTo(ToDouble(b));
            return Convert.ToInt64(a).CompareTo(Convert.ToInt64(b));
        }
        return (a, b) switch
        {
            (DateTime x, DateTime y) => x.CompareTo(y),
            (TimeSpan x, TimeSpan y) => x.CompareTo(y),
            (string x, string y) => string.CompareOrdinal(x, y),
            (bool x, bool y) => x.CompareTo(y),
            (Guid x, Guid y) => x.CompareTo(y),
            (DateTime x, string y) when ToDateTime(y) is { } t => x.CompareTo(t),
            (string x, DateTime y) when ToDateTime(x) is { } t => t.CompareTo(y),
            (string x, _) when IsNumber(b) && ToReal(x) is { } r => r.CompareTo(ToDouble(b)),
            (_, string y) when IsNumber(a) && ToReal(y) is { } r => ToDouble(a).CompareTo(r),
            _ => null,
        };
    }

    /// <summary>A key for hashing equal values alike (grouping, distinct, join): numbers by value, dynamics by text.</summary>
    public static object? Key(object? value) => value switch
    {
        int i => (long)i,
        double d when d == Math.Floor(d) && Math.Abs(d) < 9e15 => (long)d,
        JsonElement e => "\u0001dyn:" + Dyn.Text(e),
        _ => value,
    };
}
