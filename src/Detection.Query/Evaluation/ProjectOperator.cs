using Detection.Kql.Symbols;
using Detection.Tables;

namespace Detection.Query.Evaluation;

/// <summary><c>project</c>: keeps the chosen columns in the chosen order; the column data is shared, not copied.</summary>
internal sealed class ProjectOperator(TableSymbol outputSchema, int[] ordinals) : ChunkOperator(outputSchema)
{
    public override IEnumerable<ChunkView> Apply(IEnumerable<ChunkView> input)
    {
        foreach (var view in input)
        {
            var chunk = new Chunk(view.Chunk.RowCount, ordinals.Select(o => view.Chunk.Columns[o]));
            yield return view with { Chunk = chunk };
        }
    }
}
