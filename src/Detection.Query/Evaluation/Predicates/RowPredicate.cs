using Detection.Tables.Columns;

namespace Detection.Query.Evaluation.Predicates;

/// <summary>A test of one column's values, applied to a whole chunk selection at once.</summary>
internal abstract class RowPredicate
{
    /// <summary>The chunk rows of <paramref name="view"/> whose value in <paramref name="column"/> passes, in ascending order.</summary>
    public abstract int[] Select(Column column, ChunkView view);
}
