using Detection.Kql.Symbols;
using Detection.Tables.Building;

namespace Detection.Query.Evaluation;

/// <summary><c>count</c>: one row, one column <c>Count</c> of type long, as Kusto.</summary>
internal sealed class CountOperator(string tableName) : ChunkOperator(new TableSymbol(tableName, [new ColumnSymbol("Count", KqlType.Long)]))
{
    public override IEnumerable<ChunkView> Apply(IEnumerable<ChunkView> input)
    {
        long count = 0;
        foreach (var view in input) count += view.Count;
        var builder = new TableBuilder(OutputSchema);
        builder.SetLong(0, count);
        builder.CommitRow();
        return builder.Build().Chunks.Select(chunk => new ChunkView(chunk, null));
    }
}
