using System.Text;
using Detection.Evaluation.Expressions;
using Detection.Evaluation.Functions;
using Detection.Evaluation.Operators;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Running;

/// <summary>
/// Runs a row-local operator (where, extend, the projections, mv-expand, mv-apply) chunk by chunk through the context's
/// <see cref="ChunkMemo"/>, when its result for a chunk depends on that chunk's rows alone: no now()/ago(), no random
/// values, no window functions (they read neighbouring rows), no tables or tabular lets (<c>in (T)</c>, toscalar), no
/// scalar user functions or function parameters. Scalar lets are allowed; their values are part of the memo key, so a
/// let that differs between runs just misses.
/// </summary>
internal static class RowLocalOperators
{
    private static readonly HashSet<string> RunDependent = new(StringComparer.Ordinal)
    {
        "now", "ago", "rand", "new_guid", "toscalar", "table", "materialize", "ingestion_time", "cursor_current",
        "current_cursor", "current_principal", "current_principal_details", "current_cluster_endpoint", "current_database",
        "extent_id", "extent_tags", "estimate_data_size",
    };

    public static bool IsRowLocal(SyntaxKind kind) => kind is SyntaxKind.WhereOperator or SyntaxKind.ExtendOperator
        or SyntaxKind.ProjectOperator or SyntaxKind.ProjectAwayOperator or SyntaxKind.ProjectKeepOperator
        or SyntaxKind.ProjectReorderOperator or SyntaxKind.ProjectRenameOperator or SyntaxKind.MvExpandOperator
        or SyntaxKind.MvApplyOperator;

    /// <summary>The operator over <paramref name="input"/> through the memo; null when it cannot be remembered.</summary>
    public static Table? TryRun(SyntaxNode op, Table input, QueryRunner runner, Scope scope, Func<Table, Table> run)
    {
        // Over chunks no later run meets (rows a run-dependent filter kept), the operator runs once over the whole input.
        if (runner.Context.ChunkMemo is not { } memo || !input.Chunks.Any(memo.IsTracked)) return null;
        if (Signature(op, input, runner, scope) is not { } signature) return null;
        var schema = run(Table.Empty(input.Schema)).Schema;
        var chunks = new List<Chunk>(input.Chunks.Length);
        foreach (var chunk in input.Chunks)
        {
            runner.Context.Cancellation.ThrowIfCancellationRequested();
            var result = memo.Get(op, signature, chunk, c => Single(run(new Table(input.Schema, [c]))));
            if (result is not null) chunks.Add(result);
        }
        return new Table(schema, chunks);
    }

    /// <summary>
    /// What besides a chunk's rows the operator's result depends on — the input schema and the scalar lets it reads —
    /// as text; null when it depends on more (see the class summary).
    /// </summary>
    public static string? Signature(SyntaxNode op, Table input, QueryRunner runner, Scope scope)
    {
        if (WindowFunctions.Uses(op)) return null;
        var text = new StringBuilder();
        foreach (var column in input.Schema.Columns) text.Append(column.Name).Append(':').Append(column.Type.Name()).Append(',');
        foreach (var node in op.DescendantNodesAndSelf())
        {
            switch (node.Kind)
            {
                // mv-apply's subquery is a pipe over each row's own elements; anywhere else a pipe reads another table.
                case SyntaxKind.PipeExpression when op.Kind == SyntaxKind.MvApplyOperator && InSubquery(node, op):
                    continue;
                case SyntaxKind.CallExpression when RunDependent.Contains(Naming.FunctionName(node)):
                case SyntaxKind.PipeExpression or SyntaxKind.DataTableExpression or SyntaxKind.UnionOperator
                    or SyntaxKind.RangeOperator or SyntaxKind.PrintOperator or SyntaxKind.ExternalDataExpression:
                    return null;
                case SyntaxKind.NameReference or SyntaxKind.BracketedName:
                    var name = Naming.NameText(node);
                    if (input.Schema.IndexOf(name) >= 0) continue;
                    switch (scope.Lookup(name))
                    {
                        case ScalarLet s:
                            text.Append('|').Append(name).Append('=').Append(s.Type.Name()).Append(':').Append(s.Value is null ? "(null)" : Values.Kv.ToText(s.Value));
                            continue;
                        case null when runner.Context.FindTable(name) is null:
                            continue;
                        default:
                            return null;
                    }
            }
        }
        return text.ToString();
    }

    private static bool InSubquery(SyntaxNode node, SyntaxNode mvApply) =>
        mvApply.Node(SyntaxKind.OnClause) is { } on && on.Span.Start <= node.Span.Start && node.Span.End <= on.Span.End;

    private static Chunk? Single(Table result) => result.Chunks.Length switch
    {
        0 => null,
        1 => result.Chunks[0],
        _ => ResultBuilder.OneChunk(result).Chunks[0],
    };
}
