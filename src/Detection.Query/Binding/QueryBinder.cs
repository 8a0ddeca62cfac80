using Detection.Kql.Symbols;
using Detection.Query.Diagnostics;
using Detection.Query.Evaluation;
using Detection.Query.Syntax;

namespace Detection.Query.Binding;

/// <summary>Resolves a parsed query against a catalog: names to tables and columns, literals to the column types.</summary>
internal sealed class QueryBinder(string text, QueryCatalog catalog)
{
    public BoundQuery Bind(QuerySyntax syntax)
    {
        var name = syntax.Table;
        var table = catalog.Find(name.Name)
            ?? throw QueryDiagnostics.UnknownTable(text, name.Offset, name.Name, CloseNames.Hint(name.Name, catalog.TableNames.ToList(), "table"));
        var schema = table.Schema;
        var operators = new List<ChunkOperator>();
        foreach (var syntaxOperator in syntax.Operators)
        {
            ChunkOperator bound = syntaxOperator switch
            {
                WhereSyntax where => BindWhere(where, schema),
                ProjectSyntax project => BindProject(project, schema),
                TakeSyntax take => new TakeOperator(schema, take.Count),
                CountSyntax => new CountOperator(schema.Name),
                _ => throw new NotSupportedException(syntaxOperator.GetType().Name),
            };
            operators.Add(bound);
            schema = bound.OutputSchema;
        }
        return new BoundQuery(table, operators, schema);
    }

    private WhereOperator BindWhere(WhereSyntax where, TableSymbol schema)
    {
        var ordinal = ResolveColumn(where.Column, schema);
        var predicate = PredicateBinder.Bind(text, schema.Columns[ordinal], where);
        return new WhereOperator(schema, ordinal, predicate);
    }

    private ProjectOperator BindProject(ProjectSyntax project, TableSymbol schema)
    {
        var ordinals = new List<int>();
        foreach (var column in project.Columns)
        {
            var ordinal = ResolveColumn(column, schema);
            if (ordinals.Contains(ordinal)) throw QueryDiagnostics.DuplicateColumn(text, column.Offset, column.Name);
            ordinals.Add(ordinal);
        }
        var output = new TableSymbol(schema.Name, ordinals.Select(o => schema.Columns[o]));
        return new ProjectOperator(output, [.. ordinals]);
    }

    /// <summary>KQL column names are case-sensitive; a different-case spelling is an error with the right name as hint.</summary>
    private int ResolveColumn(NameSyntax column, TableSymbol schema)
    {
        var ordinal = schema.IndexOf(column.Name);
        if (ordinal >= 0) return ordinal;
        var names = schema.Columns.Select(c => c.Name).ToList();
        throw QueryDiagnostics.UnknownColumn(text, column.Offset, column.Name, schema.Name, CloseNames.Hint(column.Name, names, "column"));
    }
}

/// <summary>A bound query: the source table, its operators in order, and the schema of the result.</summary>
internal sealed record BoundQuery(Detection.Tables.Table Source, IReadOnlyList<ChunkOperator> Operators, TableSymbol ResultSchema);
