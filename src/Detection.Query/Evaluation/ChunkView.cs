using Detection.Tables;

namespace Detection.Query.Evaluation;

/// <summary>
/// A chunk and the rows of it still selected, in ascending order; <see cref="Rows"/> is null when every row is.
/// Operators pass views along instead of copying rows; only the final result is materialized.
/// </summary>
internal readonly record struct ChunkView(Chunk Chunk, int[]? Rows)
{
    public int Count => Rows?.Length ?? Chunk.RowCount;

    /// <summary>The chunk row of the view's <paramref name="index"/>-th selected row.</summary>
    public int RowAt(int index) => Rows is null ? index : Rows[index];
}
