using Detection.Query.Binding;
using Detection.Query.Diagnostics;
using Detection.Query.Evaluation;
using Detection.Query.Syntax;
using Detection.Tables;

namespace Detection.Query;

/// <summary>
/// The entry point of the query slice: parse, bind against a <see cref="QueryCatalog"/>, run chunk by chunk.
/// Every method throws <see cref="QueryException"/> (with code and position) for a query that cannot be parsed or
/// bound; the caller reports it. Stateless and thread-safe.
/// </summary>
public static class QueryEngine
{
    /// <summary>Checks the syntax only (no tables needed), so a caller can reject a bad query before loading data.</summary>
    public static QuerySyntax Parse(string query) => QueryParser.Parse(query);

    /// <summary>Runs <paramref name="query"/> and returns its result as a new table (sharing unchanged chunks with the input).</summary>
    public static Table Run(string query, QueryCatalog catalog) => Run(query, Parse(query), catalog);

    /// <summary>Runs an already parsed query; <paramref name="query"/> is its text, for error positions.</summary>
    public static Table Run(string query, QuerySyntax syntax, QueryCatalog catalog)
    {
        var bound = new QueryBinder(query, catalog).Bind(syntax);
        var views = bound.Source.Chunks.Select(chunk => new ChunkView(chunk, null));
        foreach (var chunkOperator in bound.Operators) views = chunkOperator.Apply(views);
        return new ResultBuilder(bound.ResultSchema).Build(views);
    }
}
