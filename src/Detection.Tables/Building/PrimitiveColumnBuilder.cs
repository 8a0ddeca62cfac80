using System.Collections;
using Detection.Kql.Symbols;
using Detection.Tables.Columns;

namespace Detection.Tables.Building;

internal sealed class PrimitiveColumnBuilder<T>(KqlType type, int capacity, int chunkRows) : ColumnBuilder(type)
    where T : unmanaged
{
    private T[] _values = new T[capacity];
    private BitArray _nulls = new(capacity);
    private int _count;
    private int _nullCount;

    /// <summary>Stages the value of <paramref name="row"/>.</summary>
    public void Stage(int row, T value)
    {
        PadTo(row);
        if (row == _values.Length)
        {
            Growth.Grow(ref _values, chunkRows, row);
            _nulls.Length = _values.Length;
        }
        _values[row] = value;
        _count = row + 1;
    }

    public override void Discard(int row)
    {
        if (_count > row) _count = row;
    }

    public override Column Seal(int rows)
    {
        PadTo(rows);
        _count = rows; // a value staged for a row not committed is dropped
        Column column;
        if (_nullCount == _count)
        {
            column = new PrimitiveColumn<T>(Type, _count, null, null);
        }
        else
        {
            NullMask? mask = null;
            if (_nullCount > 0)
            {
                var bits = new BitArray(_count);
                for (var i = 0; i < _count; i++) bits[i] = _nulls[i];
                mask = new NullMask(bits);
            }
            column = new PrimitiveColumn<T>(Type, _count, _values.AsSpan(0, _count).ToArray(), mask);
        }
        _nulls.SetAll(false);
        _count = 0;
        _nullCount = 0;
        return column;
    }

    /// <summary>Null rows up to (not including) row <paramref name="length"/>.</summary>
    private void PadTo(int length)
    {
        if (length <= _count) return;
        if (length > _values.Length)
        {
            Growth.Grow(ref _values, chunkRows, _count);
            _nulls.Length = _values.Length;
        }
        _values.AsSpan(_count, length - _count).Clear();
        for (var i = _count; i < length; i++) _nulls[i] = true;
        _nullCount += length - _count;
        _count = length;
    }
}
