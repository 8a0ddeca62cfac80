using Detection.Kql.Symbols;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Values;

/// <summary>
/// The value of an expression over one chunk: <see cref="Length"/> values of one static <see cref="Type"/>. A column
/// reference stays the stored column (projecting it copies nothing), a constant stays one value.
/// </summary>
internal abstract class Vector(KqlType type, int length)
{
    public KqlType Type { get; } = type;

    public int Length { get; } = length;

    /// <summary>The value at a row, boxed (see <see cref="Kv"/>); strings are never null.</summary>
    public abstract object? Get(int row);

    /// <summary>The constant value when every row holds the same one.</summary>
    public virtual bool IsConstant => false;

    public abstract Column ToColumn();
}

/// <summary>A stored column.</summary>
internal sealed class ColumnVector(Column column) : Vector(column.Type, column.Length)
{
    private object?[]? _dynamicByCode;

    public Column Column { get; } = column;

    public override object? Get(int row)
    {
        switch (Column)
        {
            case StringColumn s: return s.GetString(row);
            case DynamicColumn d:
            {
                // Each distinct JSON text is parsed once per chunk.
                var code = d.Codes[row];
                if (code == 0) return null;
                var cache = _dynamicByCode ??= new object?[d.Dictionary.Count];
                return cache[code] ??= Dyn.Parse(d.Dictionary.GetUtf8(code));
            }
            default: return Column.GetValue(row);
        }
    }

    public override Column ToColumn() => Column;
}

/// <summary>Computed values.</summary>
internal sealed class ArrayVector(KqlType type, object?[] values) : Vector(type, values.Length)
{
    public object?[] Values { get; } = values;

    public override object? Get(int row) => Values[row];

    public override Column ToColumn() => ColumnFactory.FromValues(Type, Values);
}

/// <summary>One value on every row.</summary>
internal sealed class ConstantVector(KqlType type, object? value, int length) : Vector(type, length)
{
    public object? Value { get; } = Kv.Fit(value, type);

    public override object? Get(int row) => Value;

    public override bool IsConstant => true;

    public override Column ToColumn() => ColumnFactory.Constant(Type, Value, Length);
}

/// <summary>
/// Values computed once per distinct value of a dictionary-encoded column: the column's codes and one value per code
/// (only the codes the chunk uses are computed). Functions of it stay per distinct value (<see cref="Vectors.Map(KqlType, IReadOnlyList{Vector}, int, Func{object?[], object?})"/>),
/// so <c>toreal(Location.geoCoordinates.latitude)</c> parses and walks each distinct location once per chunk.
/// </summary>
internal sealed class CodedVector(KqlType type, CodeArray codes, object?[] byCode) : Vector(type, codes.Length)
{
    public CodeArray Codes { get; } = codes;

    public object?[] ByCode { get; } = byCode;

    public override object? Get(int row) => ByCode[Codes[row]];

    /// <summary>Each distinct value is stored once (for strings and dynamics: one dictionary entry), then the codes are gathered.</summary>
    public override Column ToColumn()
    {
        var rows = new int[Length];
        for (var i = 0; i < rows.Length; i++) rows[i] = Codes[i];
        return ColumnFactory.Gather(ColumnFactory.FromValues(Type, ByCode), rows);
    }
}
