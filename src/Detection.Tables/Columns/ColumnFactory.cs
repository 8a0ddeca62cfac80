using System.Collections;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Detection.Kql.Symbols;
using Detection.Tables.Building;

namespace Detection.Tables.Columns;

/// <summary>
/// Builds computed columns a column at a time (what query operators produce), as opposed to <see cref="TableBuilder"/>'s
/// row at a time. Every method copies nothing it is not given and returns an immutable column; strings and dynamics are
/// dictionary-encoded here. Thread-safe (no shared state).
/// </summary>
public static class ColumnFactory
{
    /// <summary>A fixed-size column; <paramref name="nulls"/> (same length, true = null) may be null when no value is null.</summary>
    public static PrimitiveColumn<T> Primitive<T>(KqlType type, T[] values, bool[]? nulls = null)
        where T : unmanaged
    {
        if (nulls is not null && nulls.Length != values.Length) throw new ArgumentException("values and nulls differ in length", nameof(nulls));
        if (nulls is null || !Array.Exists(nulls, n => n)) return new PrimitiveColumn<T>(type, values.Length, values, null);
        if (Array.TrueForAll(nulls, n => n)) return new PrimitiveColumn<T>(type, values.Length, null, null);
        return new PrimitiveColumn<T>(type, values.Length, values, new NullMask(new BitArray(nulls)));
    }

    public static PrimitiveColumn<long> Long(long[] values, bool[]? nulls = null) => Primitive(KqlType.Long, values, nulls);

    public static PrimitiveColumn<int> Int(int[] values, bool[]? nulls = null) => Primitive(KqlType.Int, values, nulls);

    public static PrimitiveColumn<double> Real(double[] values, bool[]? nulls = null) => Primitive(KqlType.Real, values, nulls);

    public static PrimitiveColumn<bool> Bool(bool[] values, bool[]? nulls = null) => Primitive(KqlType.Bool, values, nulls);

    public static PrimitiveColumn<DateTime> DateTime(DateTime[] values, bool[]? nulls = null) => Primitive(KqlType.DateTime, values, nulls);

    public static PrimitiveColumn<TimeSpan> TimeSpan(TimeSpan[] values, bool[]? nulls = null) => Primitive(KqlType.TimeSpan, values, nulls);

    /// <summary>A dictionary-encoded string column; a null entry is the empty string (KQL strings are never null).</summary>
    public static StringColumn String(IReadOnlyList<string?> values) => (StringColumn)Encoded(KqlType.String, values.Count, i => values[i]);

    /// <summary>A dynamic column from compact JSON texts; null, empty text or the literal <c>null</c> is a null value.</summary>
    public static DynamicColumn DynamicJson(IReadOnlyList<string?> json) =>
        (DynamicColumn)Encoded(KqlType.Dynamic, json.Count, i => json[i] is "null" ? null : json[i]);

    /// <summary>
    /// A column of <paramref name="type"/> from boxed values: bool, int, long, double, decimal, string, DateTime,
    /// TimeSpan, Guid; for dynamic a <see cref="JsonElement"/>, <see cref="JsonNode"/> or JSON text. Null is a null value.
    /// Numbers are converted to the column's numeric type. Throws <see cref="ArgumentException"/> for a value of another type.
    /// </summary>
    public static Column FromValues(KqlType type, IReadOnlyList<object?> values) => type switch
    {
        KqlType.Bool => Boxed<bool>(type, values, v => v is bool b ? b : throw Mismatch(type, v)),
        KqlType.Int => Boxed(type, values, v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)),
        KqlType.Long => Boxed(type, values, v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)),
        KqlType.Real => Boxed(type, values, v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)),
        KqlType.Decimal => Boxed(type, values, v => Convert.ToDecimal(v, System.Globalization.CultureInfo.InvariantCulture)),
        KqlType.DateTime => Boxed(type, values, v => v is System.DateTime d ? System.DateTime.SpecifyKind(d, DateTimeKind.Utc) : throw Mismatch(type, v)),
        KqlType.TimeSpan => Boxed(type, values, v => v is System.TimeSpan t ? t : throw Mismatch(type, v)),
        KqlType.Guid => Boxed(type, values, v => v is Guid g ? g : throw Mismatch(type, v)),
        KqlType.String => Encoded(type, values.Count, i => values[i] is null ? null : values[i] as string ?? throw Mismatch(type, values[i])),
        KqlType.Dynamic => Encoded(type, values.Count, i => JsonText(values[i])),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>A column holding <paramref name="value"/> (boxed as for <see cref="FromValues"/>) on every one of <paramref name="length"/> rows.</summary>
    public static Column Constant(KqlType type, object? value, int length)
    {
        if (type is KqlType.String or KqlType.Dynamic)
        {
            var text = type == KqlType.String ? (string?)value : JsonText(value);
            return Encoded(type, length, _ => text);
        }
        var one = FromValues(type, [value]);
        var values = new object?[length];
        Array.Fill(values, value);
        return one.IsNull(0) ? FromValues(type, new object?[length]) : FromValues(type, values);
    }

    /// <summary>
    /// The rows <paramref name="rows"/> of <paramref name="column"/>, in that order (repeats allowed); a negative row
    /// gives a null value (the empty string in a string column). String and dynamic columns keep their dictionary and
    /// only gather codes.
    /// </summary>
    public static Column Gather(Column column, ReadOnlySpan<int> rows)
    {
        switch (column)
        {
            case StringColumn s:
                return new StringColumn(rows.Length, s.Dictionary, s.Codes.Gather(rows));
            case DynamicColumn d:
                return new DynamicColumn(rows.Length, d.Dictionary, d.Codes.Gather(rows));
            case PrimitiveColumn<bool> p: return GatherPrimitive(p, rows);
            case PrimitiveColumn<int> p: return GatherPrimitive(p, rows);
            case PrimitiveColumn<long> p: return GatherPrimitive(p, rows);
            case PrimitiveColumn<double> p: return GatherPrimitive(p, rows);
            case PrimitiveColumn<decimal> p: return GatherPrimitive(p, rows);
            case PrimitiveColumn<System.DateTime> p: return GatherPrimitive(p, rows);
            case PrimitiveColumn<System.TimeSpan> p: return GatherPrimitive(p, rows);
            case PrimitiveColumn<Guid> p: return GatherPrimitive(p, rows);
            default:
                var values = new object?[rows.Length];
                for (var i = 0; i < rows.Length; i++) values[i] = rows[i] < 0 ? null : column.GetValue(rows[i]);
                return FromValues(column.Type, values);
        }
    }

    private static PrimitiveColumn<T> GatherPrimitive<T>(PrimitiveColumn<T> column, ReadOnlySpan<int> rows)
        where T : unmanaged
    {
        if (column.IsAllNull) return new PrimitiveColumn<T>(column.Type, rows.Length, null, null);
        var values = new T[rows.Length];
        bool[]? nulls = null;
        var source = column.Values;
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] < 0 || column.IsNull(rows[i])) (nulls ??= new bool[rows.Length])[i] = true;
            else values[i] = source[rows[i]];
        }
        return Primitive(column.Type, values, nulls);
    }

    private static PrimitiveColumn<T> Boxed<T>(KqlType type, IReadOnlyList<object?> values, Func<object, T> convert)
        where T : unmanaged
    {
        var array = new T[values.Count];
        bool[]? nulls = null;
        for (var i = 0; i < array.Length; i++)
        {
            if (values[i] is { } v) array[i] = convert(v);
            else (nulls ??= new bool[array.Length])[i] = true;
        }
        return Primitive(type, array, nulls);
    }

    private static Column Encoded(KqlType type, int length, Func<int, string?> text)
    {
        var dictionary = new Utf8DictionaryBuilder();
        var codes = new int[length];
        var scratch = new byte[256];
        for (var i = 0; i < length; i++)
        {
            var value = text(i);
            if (string.IsNullOrEmpty(value)) continue;
            var max = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (scratch.Length < max) scratch = new byte[max];
            var n = Encoding.UTF8.GetBytes(value, scratch);
            codes[i] = dictionary.Intern(scratch.AsSpan(0, n));
        }
        var built = dictionary.Build();
        var array = CodeArray.From(codes, built.Count);
        return type == KqlType.Dynamic ? new DynamicColumn(length, built, array) : new StringColumn(length, built, array);
    }

    private static string? JsonText(object? value) => value switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement e => JsonSerializer.Serialize(e, Compact),
        JsonNode n => n.ToJsonString(Compact),
        string s => s.Length == 0 || s == "null" ? null : s,
        _ => throw Mismatch(KqlType.Dynamic, value),
    };

    /// <summary>Compact, with non-ASCII text unescaped (as the other dynamic values of a table are stored).</summary>
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static ArgumentException Mismatch(KqlType type, object? value) =>
        new($"a {value?.GetType().Name ?? "null"} value cannot go in a {type.Name()} column");
}
