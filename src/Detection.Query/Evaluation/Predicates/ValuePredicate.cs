using Detection.Tables.Columns;

namespace Detection.Query.Evaluation.Predicates;

/// <summary>
/// <c>==</c>, <c>!=</c>, <c>in</c>, <c>!in</c> on a fixed-size column (numbers, bool, datetime, guid). A null is neither
/// equal nor unequal to anything, so null rows fail the negated forms too, as in Kusto.
/// </summary>
internal sealed class ValuePredicate<T>(IEnumerable<T> values, bool negated) : RowPredicate
    where T : unmanaged
{
    private readonly HashSet<T> _values = [.. values];

    public override int[] Select(Column column, ChunkView view)
    {
        var typed = (PrimitiveColumn<T>)column;
        if (typed.IsAllNull) return [];
        var kept = new int[view.Count];
        var count = 0;
        for (var i = 0; i < kept.Length; i++)
        {
            var row = view.RowAt(i);
            if (!typed.IsNull(row) && _values.Contains(typed.Get(row)) != negated) kept[count++] = row;
        }
        return count == kept.Length ? kept : kept[..count];
    }
}
