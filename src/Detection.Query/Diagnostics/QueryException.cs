namespace Detection.Query.Diagnostics;

/// <summary>A query that cannot be parsed or bound. The caller reports <see cref="Diagnostic"/> to the user.</summary>
public sealed class QueryException(QueryDiagnostic diagnostic) : Exception(diagnostic.ToString())
{
    public QueryDiagnostic Diagnostic { get; } = diagnostic;
}
