using System.Collections;

namespace Detection.Tables.Columns;

/// <summary>Which rows of a column are null: one bit a row.</summary>
public sealed class NullMask
{
    private readonly BitArray _bits;

    public NullMask(BitArray bits) => _bits = bits;

    public bool this[int row] => _bits[row];

    public long EstimatedBytes => (_bits.Length + 7) / 8;
}
