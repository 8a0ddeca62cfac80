using Detection.Evaluation.Running;
using Detection.Kql;
using Detection.Tables;

namespace Detection.Evaluation;

/// <summary>
/// The entry point of the evaluator: runs a parsed (and preferably bound) KQL query over in-memory tables and returns
/// the result of its last tabular statement. Throws <see cref="EvaluationException"/> for a query it cannot run
/// (including "not supported yet: …"); never returns a partial or guessed answer. Thread-safe: each call is independent.
/// </summary>
public static class KqlEvaluator
{
    /// <summary>Runs <paramref name="code"/>; a query with error diagnostics is refused (report them instead).</summary>
    public static Table Evaluate(KqlCode code, EvaluationContext context)
    {
        if (code.Diagnostics.FirstOrDefault(d => d.IsError) is { } error)
            throw new EvaluationException($"the query has errors: {error}", error.Span);
        return new QueryRunner(context).RunQuery(code.Syntax);
    }

    /// <summary>Parses, binds against the context's schemas and runs <paramref name="query"/>.</summary>
    public static Table Evaluate(string query, EvaluationContext context) =>
        Evaluate(KqlCode.ParseAndBind(query, context.Schemas.WithTables(context.Tables.Values.Select(t => t.Schema))), context);
}
