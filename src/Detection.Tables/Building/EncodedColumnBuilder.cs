using Detection.Kql.Symbols;
using Detection.Tables.Columns;

namespace Detection.Tables.Building;

/// <summary>Builds a dictionary-encoded column (string or dynamic) from UTF-8 values, <paramref name="chunkRows"/> rows a chunk.</summary>
internal sealed class EncodedColumnBuilder(KqlType type, int capacity, int chunkRows) : ColumnBuilder(type)
{
    private readonly Utf8DictionaryBuilder _dictionary = new(chunkRows);
    private int[] _codes = new int[capacity];
    private int _count;

    /// <summary>Stages a value for <paramref name="row"/>; the empty span is the empty string (string) or null (dynamic).</summary>
    public void Stage(int row, ReadOnlySpan<byte> utf8)
    {
        var code = _dictionary.Intern(utf8);
        PadTo(row);
        if (row == _codes.Length) Growth.Grow(ref _codes, chunkRows, row);
        _codes[row] = code;
        _count = row + 1;
    }

    public override void Discard(int row)
    {
        if (_count > row) _count = row;
    }

    public override Column Seal(int rows)
    {
        PadTo(rows);
        _count = rows;
        var dictionary = _dictionary.Build();
        var codes = CodeArray.From(_codes.AsSpan(0, _count), dictionary.Count);
        Column column = Type == KqlType.Dynamic
            ? new DynamicColumn(_count, dictionary, codes)
            : new StringColumn(_count, dictionary, codes);
        _dictionary.Clear();
        _count = 0;
        return column;
    }

    /// <summary>Code 0 (empty, or null) in the rows before <paramref name="length"/> after the last one staged.</summary>
    private void PadTo(int length)
    {
        if (length <= _count) return;
        if (length > _codes.Length) Growth.Grow(ref _codes, chunkRows, _count);
        _codes.AsSpan(_count, length - _count).Clear();
    }
}
