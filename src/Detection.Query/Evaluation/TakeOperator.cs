using Detection.Kql.Symbols;

namespace Detection.Query.Evaluation;

/// <summary><c>take N</c>: the first N rows in input order; stops pulling chunks once it has them.</summary>
internal sealed class TakeOperator(TableSymbol schema, long count) : ChunkOperator(schema)
{
    public override IEnumerable<ChunkView> Apply(IEnumerable<ChunkView> input)
    {
        var remaining = count;
        if (remaining <= 0) yield break;
        foreach (var view in input)
        {
            if (view.Count <= remaining)
            {
                remaining -= view.Count;
                yield return view;
            }
            else
            {
                var rows = new int[remaining];
                for (var i = 0; i < rows.Length; i++) rows[i] = view.RowAt(i);
                yield return view with { Rows = rows };
                remaining = 0;
            }
            if (remaining == 0) yield break;
        }
    }
}
