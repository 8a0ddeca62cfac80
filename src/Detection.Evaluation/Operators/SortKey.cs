using Detection.Evaluation.Functions;
using Detection.Evaluation.Values;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Operators;

/// <summary>
/// One sort key over the rows of a chunk, with its direction and null placement: typed values for stored primitive
/// columns, a rank per distinct value for string columns, boxed values (<see cref="ValueComparer"/>) otherwise.
/// </summary>
internal abstract class SortKey(bool descending, bool nullsFirst)
{
    public static SortKey Of(Vector vector, bool descending, bool nullsFirst) => vector switch
    {
        ColumnVector { Column: StringColumn s } => Ranked(s, descending, nullsFirst),
        ColumnVector { Column: PrimitiveColumn<long> p } => new TypedKey<long>(p, descending, nullsFirst),
        ColumnVector { Column: PrimitiveColumn<int> p } => new TypedKey<int>(p, descending, nullsFirst),
        ColumnVector { Column: PrimitiveColumn<double> p } => new TypedKey<double>(p, descending, nullsFirst),
        ColumnVector { Column: PrimitiveColumn<DateTime> p } => new TypedKey<DateTime>(p, descending, nullsFirst),
        ColumnVector { Column: PrimitiveColumn<TimeSpan> p } => new TypedKey<TimeSpan>(p, descending, nullsFirst),
        _ => new BoxedKey(Enumerable.Range(0, vector.Length).Select(vector.Get).ToArray(), descending, nullsFirst),
    };

    public int Compare(int a, int b)
    {
        var aNull = IsNull(a);
        var bNull = IsNull(b);
        if (aNull || bNull)
        {
            if (aNull && bNull) return 0;
            return aNull == nullsFirst ? -1 : 1;
        }
        var c = CompareValues(a, b);
        return descending ? -c : c;
    }

    protected abstract bool IsNull(int row);

    protected abstract int CompareValues(int a, int b);

    /// <summary>
    /// When the key is a string column: each row's rank among the distinct strings its rows use (ordinal order, as
    /// <see cref="Kv.Order"/> compares strings; equal strings under different codes share a rank), and the number of
    /// ranks. Only the codes the rows use are decoded and sorted: a column cut from a large table keeps its dictionary.
    /// </summary>
    public (int[] Ranks, int Count, bool Descending)? Ranks => this is RankKey r ? (r.Values, r.Count, descending) : null;

    private static RankKey Ranked(StringColumn column, bool descending, bool nullsFirst)
    {
        var dictionary = column.Dictionary;
        var rowCodes = column.Codes;
        var rankOfCode = new int[dictionary.Count];
        Array.Fill(rankOfCode, -1);
        var used = new List<int>();
        for (var row = 0; row < column.Length; row++)
        {
            ref var slot = ref rankOfCode[rowCodes[row]];
            if (slot == -1)
            {
                slot = 0;
                used.Add(rowCodes[row]);
            }
        }
        var codes = used.ToArray();
        var count = Utf8Ranks(dictionary, codes, rankOfCode) ?? TextRanks(dictionary, codes, rankOfCode);
        var ranks = new int[column.Length];
        for (var row = 0; row < ranks.Length; row++) ranks[row] = rankOfCode[rowCodes[row]];
        return new RankKey(ranks, count, descending, nullsFirst);
    }

    /// <summary>
    /// Ranks the codes by their UTF-8 bytes, copied once into one buffer (no strings made); null when a value has a
    /// character from U+E000 up, where UTF-8 byte order and ordinal (UTF-16) order can differ.
    /// </summary>
    private static int? Utf8Ranks(Utf8Dictionary dictionary, int[] codes, int[] rankOfCode)
    {
        // In code order: a compressed dictionary then decompresses each block once.
        Array.Sort(codes);
        var starts = new int[codes.Length + 1];
        var bytes = new List<byte>();
        for (var i = 0; i < codes.Length; i++)
        {
            var utf8 = dictionary.GetUtf8(codes[i]);
            if (utf8.IndexOfAnyInRange((byte)0xEE, (byte)0xFF) >= 0) return null;
            bytes.AddRange(utf8);
            starts[i + 1] = bytes.Count;
        }
        var buffer = bytes.ToArray();
        var order = new int[codes.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var comparer = new Utf8Order(buffer, starts);
        order.AsSpan().Sort(comparer);
        var rank = -1;
        for (var i = 0; i < order.Length; i++)
        {
            if (i == 0 || comparer.Compare(order[i], order[i - 1]) != 0) rank++;
            rankOfCode[codes[order[i]]] = rank;
        }
        return rank + 1;
    }

    private static int TextRanks(Utf8Dictionary dictionary, int[] codes, int[] rankOfCode)
    {
        var texts = codes.Select(dictionary.GetString).ToArray();
        Array.Sort(texts, codes, StringComparer.Ordinal);
        var rank = -1;
        for (var i = 0; i < codes.Length; i++)
        {
            if (i == 0 || !string.Equals(texts[i], texts[i - 1], StringComparison.Ordinal)) rank++;
            rankOfCode[codes[i]] = rank;
        }
        return rank + 1;
    }

    private readonly struct Utf8Order(byte[] bytes, int[] starts) : IComparer<int>
    {
        public int Compare(int a, int b) =>
            bytes.AsSpan(starts[a], starts[a + 1] - starts[a]).SequenceCompareTo(bytes.AsSpan(starts[b], starts[b + 1] - starts[b]));
    }

    private sealed class RankKey(int[] ranks, int count, bool descending, bool nullsFirst) : SortKey(descending, nullsFirst)
    {
        public int[] Values => ranks;

        public int Count => count;

        protected override bool IsNull(int row) => false;

        protected override int CompareValues(int a, int b) => ranks[a].CompareTo(ranks[b]);
    }

    private sealed class TypedKey<T>(PrimitiveColumn<T> column, bool descending, bool nullsFirst) : SortKey(descending, nullsFirst)
        where T : unmanaged, IComparable<T>
    {
        private readonly T[] _values = column.IsAllNull ? [] : column.Values.ToArray();

        protected override bool IsNull(int row) => column.IsNull(row);

        protected override int CompareValues(int a, int b) => _values[a].CompareTo(_values[b]);
    }

    private sealed class BoxedKey(object?[] values, bool descending, bool nullsFirst) : SortKey(descending, nullsFirst)
    {
        protected override bool IsNull(int row) => values[row] is null;

        protected override int CompareValues(int a, int b) => ValueComparer.Instance.Compare(values[a], values[b]);
    }
}
