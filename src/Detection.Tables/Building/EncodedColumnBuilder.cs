using Detection.Kql.Symbols;
using Detection.Tables.Columns;

namespace Detection.Tables.Building;

/// <summary>Builds a dictionary-encoded column (string or dynamic) from UTF-8 values.</summary>
internal sealed class EncodedColumnBuilder(KqlType type, int capacity) : ColumnBuilder(type)
{
    private readonly Utf8DictionaryBuilder _dictionary = new();
    private int[] _codes = new int[capacity];
    private int _count;
    private int _pending;

    /// <summary>Stages a value; the empty span is the empty string (string) or null (dynamic).</summary>
    public void Stage(ReadOnlySpan<byte> utf8) => _pending = _dictionary.Intern(utf8);

    public override void Commit(int row)
    {
        PadTo(row);
        if (row == _codes.Length) Array.Resize(ref _codes, _codes.Length * 2);
        _codes[row] = _pending;
        _count = row + 1;
        _pending = 0;
    }

    public override void Discard() => _pending = 0;

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
        _pending = 0;
        return column;
    }

    /// <summary>Code 0 (empty, or null) in the rows before <paramref name="length"/> after the last committed one.</summary>
    private void PadTo(int length)
    {
        if (length <= _count) return;
        if (length > _codes.Length) Array.Resize(ref _codes, Math.Max(length, _codes.Length * 2));
        _codes.AsSpan(_count, length - _count).Clear();
    }
}
