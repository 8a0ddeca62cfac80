using Detection.Kql.Symbols;
using Detection.Query.Evaluation.Predicates;

namespace Detection.Query.Evaluation;

/// <summary><c>where</c>: narrows each chunk's selection to the rows whose column satisfies the predicate.</summary>
internal sealed class WhereOperator(TableSymbol schema, int ordinal, RowPredicate predicate) : ChunkOperator(schema)
{
    public override IEnumerable<ChunkView> Apply(IEnumerable<ChunkView> input)
    {
        foreach (var view in input)
        {
            if (view.Count == 0) continue;
            var rows = predicate.Select(view.Chunk.Columns[ordinal], view);
            if (rows.Length == view.Count) yield return view;
            else if (rows.Length > 0) yield return view with { Rows = rows };
        }
    }
}
