using Detection.Kql.Symbols;

namespace Detection.Query.Evaluation;

/// <summary>
/// A bound tabular operator. It wraps its input lazily and works chunk by chunk, so <c>take</c> stops reading early.
/// </summary>
internal abstract class ChunkOperator(TableSymbol outputSchema)
{
    /// <summary>The columns of the rows this operator produces.</summary>
    public TableSymbol OutputSchema { get; } = outputSchema;

    public abstract IEnumerable<ChunkView> Apply(IEnumerable<ChunkView> input);
}
