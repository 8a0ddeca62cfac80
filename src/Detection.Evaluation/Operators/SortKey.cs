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
        for (var i = 0; i < codes.Length; i++) starts[i + 1] = starts[i] + dictionary.ByteLength(codes[i]);
        var bytes = new byte[starts[^1]];
        for (var i = 0; i < codes.Length; i++)
        {
            var utf8 = dictionary.GetUtf8(codes[i]);
            if (utf8.IndexOfAnyInRange((byte)0xEE, (byte)0xFF) >= 0) return null;
            utf8.CopyTo(bytes.AsSpan(starts[i]));
        }
        var order = new int[codes.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var comparer = new Utf8Order(bytes, starts);
        comparer.Sort(order, 0, new ulong[order.Length]);
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
        public int Compare(int a, int b) => Bytes(a, 0).SequenceCompareTo(Bytes(b, 0));

        /// <summary>
        /// Sorts <paramref name="items"/>, which agree on their first <paramref name="offset"/> bytes, by their next eight
        /// bytes read as one number, then each run that ties there by the eight after (a most-significant-digit radix
        /// sort, eight bytes a digit): names that share a long beginning, like user names, are not compared byte by byte
        /// from their first byte again and again.
        /// </summary>
        public void Sort(Span<int> items, int offset, ulong[] scratch)
        {
            var keys = scratch.AsSpan(0, items.Length);
            var longer = false;
            for (var i = 0; i < items.Length; i++)
            {
                var tail = Bytes(items[i], offset);
                keys[i] = Digit(tail);
                longer |= tail.Length > 8;
            }
            if (items.Length >= RadixMinimum) RadixSort(keys, items);
            else keys.Sort(items);
            for (var end = 0; end < items.Length;)
            {
                var begin = end;
                var digit = keys[begin];
                while (++end < items.Length && keys[end] == digit) { }
                if (end - begin < 2) continue;
                // The run's own sort overwrites only scratch[..(end - begin)], keys of runs already passed. When no value
                // goes on past this digit, equal digits mean equal values or values differing by trailing zero bytes.
                if (longer) Sort(items[begin..end], offset + 8, scratch);
                else items[begin..end].Sort(this);
            }
        }

        private const int RadixMinimum = 256;

        /// <summary>
        /// Sorts <paramref name="items"/> by <paramref name="keys"/>: a least-significant-byte radix sort, skipping the
        /// bytes all keys share (the leading bytes of user names and addresses often are). Tens of thousands of names
        /// sort in a few passes over them instead of a comparison sort's n log n steps.
        /// </summary>
        private static void RadixSort(Span<ulong> keys, Span<int> items)
        {
            var n = keys.Length;
            var counts = new int[8 * 256];
            foreach (var key in keys)
                for (var b = 0; b < 8; b++) counts[(b << 8) | (int)((key >> (b * 8)) & 0xFF)]++;
            var keyBuffer = System.Buffers.ArrayPool<ulong>.Shared.Rent(n);
            var itemBuffer = System.Buffers.ArrayPool<int>.Shared.Rent(n);
            var inBuffer = false; // where the keys sorted so far are
            for (var b = 0; b < 8; b++)
            {
                var shift = b * 8;
                var count = counts.AsSpan(b << 8, 256);
                Span<ulong> fromKeys = inBuffer ? keyBuffer.AsSpan(0, n) : keys, toKeys = inBuffer ? keys : keyBuffer.AsSpan(0, n);
                Span<int> fromItems = inBuffer ? itemBuffer.AsSpan(0, n) : items, toItems = inBuffer ? items : itemBuffer.AsSpan(0, n);
                if (count[(int)((fromKeys[0] >> shift) & 0xFF)] == n) continue;
                var at = 0;
                for (var d = 0; d < 256; d++) (count[d], at) = (at, at + count[d]);
                for (var i = 0; i < n; i++)
                {
                    var key = fromKeys[i];
                    var to = count[(int)((key >> shift) & 0xFF)]++;
                    toKeys[to] = key;
                    toItems[to] = fromItems[i];
                }
                inBuffer = !inBuffer;
            }
            if (inBuffer)
            {
                keyBuffer.AsSpan(0, n).CopyTo(keys);
                itemBuffer.AsSpan(0, n).CopyTo(items);
            }
            System.Buffers.ArrayPool<ulong>.Shared.Return(keyBuffer);
            System.Buffers.ArrayPool<int>.Shared.Return(itemBuffer);
        }

        private ReadOnlySpan<byte> Bytes(int item, int offset)
        {
            var start = Math.Min(starts[item] + offset, starts[item + 1]);
            return bytes.AsSpan(start, starts[item + 1] - start);
        }

        /// <summary>The first eight bytes, big-endian, zero-padded.</summary>
        private static ulong Digit(ReadOnlySpan<byte> utf8)
        {
            if (utf8.Length >= 8) return System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(utf8);
            ulong digit = 0;
            for (var i = 0; i < 8; i++) digit = (digit << 8) | (i < utf8.Length ? utf8[i] : 0u);
            return digit;
        }
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
