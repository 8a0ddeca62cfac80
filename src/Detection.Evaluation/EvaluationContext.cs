using Detection.Kql.Schemas;
using Detection.Tables;

namespace Detection.Evaluation;

/// <summary>
/// What a query runs against: the tables by name, the schemas of tables that have no rows, and the evaluation clock.
/// <see cref="Now"/> is the one value of <c>now()</c> for the whole query and the base of <c>ago()</c>; nothing in the
/// evaluator reads the wall clock. Immutable; safe to share between queries.
/// </summary>
public sealed class EvaluationContext
{
    public EvaluationContext(DateTime now, IReadOnlyDictionary<string, Table> tables, SchemaSet? schemas = null)
    {
        Now = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        Tables = tables;
        Schemas = schemas ?? SchemaSet.Empty;
    }

    /// <summary>
    /// Cancels a query between operators (a rule past its time budget): the evaluator then throws
    /// <see cref="OperationCanceledException"/>. None by default.
    /// </summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// Where row-local operators remember their results per input chunk, for queries run again over shared chunks (a
    /// rule's successive windows). None by default: each query computes everything.
    /// </summary>
    public ChunkMemo? ChunkMemo { get; init; }

    /// <summary>
    /// The string ids (<see cref="Evaluation.StringIds"/>) queries share, so a dictionary translated by one run serves
    /// the next. None by default: each query numbers the strings it meets itself.
    /// </summary>
    public StringIds? StringIds { get; init; }

    /// <summary>The evaluation time (UTC).</summary>
    public DateTime Now { get; }

    public IReadOnlyDictionary<string, Table> Tables { get; }

    /// <summary>Tables known by schema only: a query over one reads an empty table, not an error.</summary>
    public SchemaSet Schemas { get; }

    /// <summary>The table of that name: loaded rows, else an empty table of a known schema, else null.</summary>
    public Table? FindTable(string name) =>
        Tables.TryGetValue(name, out var table) ? table : Schemas.Table(name) is { } schema ? Table.Empty(schema) : null;
}
