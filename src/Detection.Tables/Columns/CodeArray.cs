namespace Detection.Tables.Columns;

/// <summary>
/// Per-row dictionary codes, stored in the narrowest width that holds the dictionary's size:
/// one byte a row for up to 256 distinct values, two bytes up to 65,536, else four.
/// </summary>
public sealed class CodeArray
{
    private readonly byte[]? _bytes;
    private readonly ushort[]? _shorts;
    private readonly int[]? _ints;

    private CodeArray(byte[]? bytes, ushort[]? shorts, int[]? ints, int length)
    {
        _bytes = bytes;
        _shorts = shorts;
        _ints = ints;
        Length = length;
    }

    public int Length { get; }

    /// <summary>True when every row has code 0 (nothing is stored).</summary>
    public bool IsAllZero => _bytes is null && _shorts is null && _ints is null;

    public int this[int row] => _bytes is not null ? _bytes[row] : _shorts is not null ? _shorts[row] : _ints is not null ? _ints[row] : 0;

    public long EstimatedBytes => (_bytes?.LongLength ?? 0) + (_shorts?.LongLength ?? 0) * 2 + (_ints?.LongLength ?? 0) * 4;

    public static CodeArray From(ReadOnlySpan<int> codes, int dictionaryCount)
    {
        if (dictionaryCount <= 1) return new CodeArray(null, null, null, codes.Length);
        if (dictionaryCount <= byte.MaxValue + 1)
        {
            var bytes = new byte[codes.Length];
            for (var i = 0; i < codes.Length; i++) bytes[i] = (byte)codes[i];
            return new CodeArray(bytes, null, null, codes.Length);
        }
        if (dictionaryCount <= ushort.MaxValue + 1)
        {
            var shorts = new ushort[codes.Length];
            for (var i = 0; i < codes.Length; i++) shorts[i] = (ushort)codes[i];
            return new CodeArray(null, shorts, null, codes.Length);
        }
        return new CodeArray(null, null, codes.ToArray(), codes.Length);
    }

    /// <summary>The codes of <paramref name="rows"/> in that order, in this array's width; a negative row gives code 0.</summary>
    public CodeArray Gather(ReadOnlySpan<int> rows)
    {
        if (_bytes is not null) return new CodeArray(Gather(_bytes, rows), null, null, rows.Length);
        if (_shorts is not null) return new CodeArray(null, Gather(_shorts, rows), null, rows.Length);
        if (_ints is not null) return new CodeArray(null, null, Gather(_ints, rows), rows.Length);
        return new CodeArray(null, null, null, rows.Length);
    }

    private static T[] Gather<T>(T[] source, ReadOnlySpan<int> rows)
        where T : unmanaged
    {
        var gathered = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
            if (rows[i] >= 0) gathered[i] = source[rows[i]];
        return gathered;
    }
}
