using Detection.Kql.Symbols;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Values;

/// <summary>
/// Booleans computed without boxing, one byte a row: <see cref="False"/>, <see cref="True"/> or <see cref="Null"/>.
/// Predicates over dictionary codes and typed comparisons produce it; where and and/or read it without boxing.
/// </summary>
internal sealed class BoolVector(byte[] values) : Vector(KqlType.Bool, values.Length)
{
    public const byte False = 0, True = 1, Null = 2;

    public byte[] Values { get; } = values;

    public override object? Get(int row) => Values[row] switch { True => Kv.Box(true), False => Kv.Box(false), _ => null };

    public override Column ToColumn()
    {
        var values = new bool[Length];
        bool[]? nulls = null;
        for (var i = 0; i < values.Length; i++)
        {
            if (Values[i] == Null) (nulls ??= new bool[Length])[i] = true;
            else values[i] = Values[i] == True;
        }
        return ColumnFactory.Bool(values, nulls);
    }

    /// <summary>The three-valued byte of a value (what where and and/or read): true, false, else null.</summary>
    public static byte Of(object? value) => Kv.Condition(value) switch { true => True, false => False, null => Null };

    /// <summary>The rows of any boolean vector as bytes (a copy only when it is not already a <see cref="BoolVector"/>).</summary>
    public static byte[] Bytes(Vector vector)
    {
        if (vector is BoolVector b) return b.Values;
        var bytes = new byte[vector.Length];
        if (vector.IsConstant)
        {
            Array.Fill(bytes, Of(vector.Get(0)));
            return bytes;
        }
        for (var i = 0; i < bytes.Length; i++) bytes[i] = Of(vector.Get(i));
        return bytes;
    }
}
