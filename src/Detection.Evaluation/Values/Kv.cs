using System.Globalization;
using System.Text.Json;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Values;

/// <summary>
/// KQL's value rules over boxed values (bool, int, long, double, decimal, string, DateTime, TimeSpan, Guid,
/// <see cref="JsonElement"/> for dynamic; null for a null value): conversions, equality and order.
/// </summary>
internal static partial class Kv
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    /// <summary>A shared box for a bool (predicates produce one per row; sharing avoids an allocation each).</summary>
    public static object Box(bool value) => value ? BoxedTrue : BoxedFalse;

    /// <summary>True for a true bool, including a dynamic holding true (where, iff and and/or accept dynamic conditions).</summary>
    public static bool IsTrue(object? value) => value is true || value is JsonElement { ValueKind: JsonValueKind.True };

    /// <summary>A condition's value: true, false, or null (a dynamic bool is unwrapped).</summary>
    public static bool? Condition(object? value) => value as bool? ?? (value is JsonElement e ? Dyn.Unwrap(e) as bool? : null);

    /// <summary>The boxed value's KQL type (null for null).</summary>
    public static KqlType? TypeOf(object? value) => value switch
    {
        null => null,
        bool => KqlType.Bool,
        int => KqlType.Int,
        long => KqlType.Long,
        double => KqlType.Real,
        decimal => KqlType.Decimal,
        string => KqlType.String,
        DateTime => KqlType.DateTime,
        TimeSpan => KqlType.TimeSpan,
        Guid => KqlType.Guid,
        _ => KqlType.Dynamic,
    };

    /// <summary><c>tostring()</c>: null → "", datetime ISO 8601 with 7 digits, timespan <c>[d.]hh:mm:ss[.fffffff]</c>, dynamic as JSON (a string inside as itself).</summary>
    public static string ToText(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(Invariant),
        long l => l.ToString(Invariant),
        double d => RealText(d),
        decimal m => m.ToString(Invariant),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", Invariant),
        TimeSpan t => t.ToString("c", Invariant),
        Guid g => g.ToString("D"),
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
        JsonElement e => Dyn.Text(e),
        _ => value.ToString() ?? "",
    };

    private static string RealText(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : d.ToString("R", Invariant);

    public static bool IsNumber(object? value) => value is int or long or double or decimal;

    public static double ToDouble(object value) => value switch
    {
        int i => i,
        long l => l,
        double d => d,
        decimal m => (double)m,
        _ => throw new InvalidCastException(),
    };

    /// <summary><c>toreal()</c>: numbers, numeric strings, bools, dynamic primitives; null when not convertible.</summary>
    public static double? ToReal(object? value) => Dyn.Unwrap(value) switch
    {
        null => null,
        bool b => b ? 1 : 0,
        string s => double.TryParse(s.Trim(), NumberStyles.Float, Invariant, out var d) ? d : s.Trim() switch { "NaN" or "nan" => double.NaN, "+inf" or "inf" or "Infinity" => double.PositiveInfinity, "-inf" or "-Infinity" => double.NegativeInfinity, _ => null },
        DateTime t => t.Ticks,
        TimeSpan t => t.Ticks,
        var v when IsNumber(v) => ToDouble(v),
        _ => null,
    };

    /// <summary><c>tolong()</c>: decimals truncate, strings parse (a real text truncates), null when not convertible.</summary>
    public static long? ToLong(object? value)
    {
        switch (Dyn.Unwrap(value))
        {
            case null: return null;
            case long l: return l;
            case int i: return i;
            case bool b: return b ? 1 : 0;
            case DateTime t: return t.Ticks;
            case TimeSpan t: return t.Ticks;
            case string s:
                if (long.TryParse(s.Trim(), NumberStyles.Integer, Invariant, out var parsed)) return parsed;
                return ToReal(s) is { } r && double.IsFinite(r) && Math.Abs(r) < 9.2e18 ? (long)Math.Truncate(r) : null;
            case var v when IsNumber(v):
                var d = ToDouble(v);
                return double.IsFinite(d) && Math.Abs(d) < 9.2e18 ? (long)Math.Truncate(d) : null;
            default: return null;
        }
    }

    public static int? ToInt(object? value) => ToLong(value) is { } l ? unchecked((int)l) : null;

    public static bool? ToBool(object? value) => Dyn.Unwrap(value) switch
    {
        null => null,
        bool b => b,
        string s => s.Trim().ToLowerInvariant() switch { "true" or "1" => true, "false" or "0" => false, _ => null },
        var v when IsNumber(v) => ToDouble(v) != 0,
        _ => null,
    };

    public static decimal? ToDecimal(object? value) => Dyn.Unwrap(value) switch
    {
        null => null,
        decimal m => m,
        string s => decimal.TryParse(s.Trim(), NumberStyles.Float, Invariant, out var m) ? m : null,
        var v when IsNumber(v) && double.IsFinite(ToDouble(v)) => v is long l ? l : v is int i ? i : (decimal)ToDouble(v),
        _ => null,
    };

    public static Guid? ToGuid(object? value) => Dyn.Unwrap(value) switch
    {
        Guid g => g,
        string s => Guid.TryParse(s, out var g) ? g : null,
        _ => null,
    };

    /// <summary><c>totimespan()</c>: timespans, <c>[d.]hh:mm:ss</c> text, literal text such as <c>5m</c>; ticks for numbers.</summary>
    public static TimeSpan? ToTimeSpan(object? value) => Dyn.Unwrap(value) switch
    {
        null => null,
        TimeSpan t => t,
        string s => Kql.Parsing.Timespans.TryParseLiteral(s.Trim()) ?? (TimeSpan.TryParse(s.Trim(), Invariant, out var t) ? t : null),
        long l => TimeSpan.FromTicks(l),
        int i => TimeSpan.FromTicks(i),
        _ => null,
    };

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mmK", "yyyy-MM-dd HH:mm:ss 'GMT'",
        "ddd, d MMM yy HH:mm:ss 'GMT'", "ddd, dd MMM yyyy HH:mm:ss 'GMT'", "dddd, dd-MMM-yy HH:mm:ss 'GMT'",
        "yyyy/MM/dd", "MM/dd/yyyy", "MM-dd-yyyy", "MM/dd/yyyy HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFFFFK",
    ];

    /// <summary><c>todatetime()</c>: ISO 8601, RFC 822/850 and "sortable" text (KQL-SEMANTICS §10); null when it cannot convert.</summary>
    public static DateTime? ToDateTime(object? value)
    {
        switch (Dyn.Unwrap(value))
        {
            case DateTime t: return t;
            case string s:
                s = s.Trim();
                if (s.Length == 0) return null;
                const DateTimeStyles styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
                if (DateTime.TryParseExact(s, DateFormats, Invariant, styles, out var d)) return DateTime.SpecifyKind(d, DateTimeKind.Utc);
                if (DateTime.TryParse(s, Invariant, styles, out d)) return DateTime.SpecifyKind(d, DateTimeKind.Utc);
                return null;
            default: return null;
        }
    }

    /// <summary>Converts to a column type (the conversion functions' rules); null when it cannot.</summary>
    public static object? ConvertTo(object? value, KqlType type) => type switch
    {
        KqlType.Bool => ToBool(value),
        KqlType.Int => ToInt(value),
        KqlType.Long => ToLong(value),
        KqlType.Real => ToReal(value),
        KqlType.Decimal => ToDecimal(value),
        KqlType.String => ToText(value),
        KqlType.DateTime => ToDateTime(value),
        KqlType.TimeSpan => ToTimeSpan(value),
        KqlType.Guid => ToGuid(value),
        KqlType.Dynamic => Dyn.From(value),
        _ => null,
    };

    /// <summary>
    /// <c>to typeof(T)</c> of mv-expand / mv-apply: a cast, not a conversion (mv-expand-operator.md): a value not of type
    /// T is null. Datetimes, timespans and guids travel in JSON as text, so those are read from strings.
    /// </summary>
    public static object? Cast(object? value, KqlType type) => (Dyn.Unwrap(value), type) switch
    {
        (null, _) => type == KqlType.String ? "" : null,
        (_, KqlType.Dynamic) => value,
        (bool b, KqlType.Bool) => b,
        (long l, KqlType.Long) => l,
        (long l, KqlType.Int) when l is >= int.MinValue and <= int.MaxValue => (int)l,
        (long l, KqlType.Real) => (double)l,
        (double d, KqlType.Real) => d,
        (long or double, KqlType.Decimal) => ToDecimal(value),
        (string s, KqlType.String) => s,
        (string s, KqlType.DateTime) => ToDateTime(s),
        (string s, KqlType.TimeSpan) => ToTimeSpan(s),
        (string s, KqlType.Guid) => ToGuid(s),
        _ => type == KqlType.String ? "" : null,
    };

    /// <summary>Makes a value fit a column type exactly (int widening to long etc.), for values the type rules promise fit.</summary>
    public static object? Fit(object? value, KqlType type) => value is null ? (type == KqlType.String ? "" : null) : type switch
    {
        KqlType.Bool when value is bool b => Box(b),
        KqlType.String => value as string ?? ToText(value),
        KqlType.Dynamic => Dyn.From(value),
        _ when TypeOf(value) == type => value,
        _ => ConvertTo(value, type),
    };
}
