using System.Collections;
using Detection.Kql.Symbols;
using Detection.Tables.Columns;

namespace Detection.Tables.Building;

internal sealed class PrimitiveColumnBuilder<T>(KqlType type, int capacity) : ColumnBuilder(type)
    where T : unmanaged
{
    private T[] _values = new T[capacity];
    private BitArray _nulls = new(capacity);
    private int _count;
    private int _nullCount;
    private bool _staged;
    private T _pending;

    public void Stage(T value)
    {
        _pending = value;
        _staged = true;
    }

    public override void Commit(int row)
    {
        PadTo(row);
        if (_count == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
            _nulls.Length = _values.Length;
        }
        if (_staged)
        {
            _values[_count] = _pending;
        }
        else
        {
            _values[_count] = default;
            _nulls[_count] = true;
            _nullCount++;
        }
        _count++;
        _staged = false;
    }

    public override void Discard() => _staged = false;

    public override Column Seal(int rows)
    {
        PadTo(rows);
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
        _staged = false;
        return column;
    }

    /// <summary>Null rows up to (not including) row <paramref name="length"/>.</summary>
    private void PadTo(int length)
    {
        if (length <= _count) return;
        if (length > _values.Length)
        {
            Array.Resize(ref _values, Math.Max(length, _values.Length * 2));
            _nulls.Length = _values.Length;
        }
        _values.AsSpan(_count, length - _count).Clear();
        for (var i = _count; i < length; i++) _nulls[i] = true;
        _nullCount += length - _count;
        _count = length;
    }
}
