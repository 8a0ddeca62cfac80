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
        ColumnVector { Column: StringColumn s } => new RankKey(Ranks(s), descending, nullsFirst),
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

    /// <summary>Each row's rank among the column's distinct strings (ordinal order, as <see cref="Kv.Order"/> compares strings).</summary>
    private static int[] Ranks(StringColumn column)
    {
        var dictionary = column.Dictionary;
        var codes = Enumerable.Range(0, dictionary.Count).ToArray();
        var texts = codes.Select(dictionary.GetString).ToArray();
        Array.Sort(texts, codes, StringComparer.Ordinal);
        var rankByCode = new int[codes.Length];
        for (var rank = 0; rank < codes.Length; rank++)
            rankByCode[codes[rank]] = rank > 0 && texts[rank] == texts[rank - 1] ? rankByCode[codes[rank - 1]] : rank;
        var ranks = new int[column.Length];
        for (var row = 0; row < ranks.Length; row++) ranks[row] = rankByCode[column.Codes[row]];
        return ranks;
    }

    private sealed class RankKey(int[] ranks, bool descending, bool nullsFirst) : SortKey(descending, nullsFirst)
    {
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
