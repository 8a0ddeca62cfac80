using Detection.Evaluation.Expressions;
using Detection.Evaluation.Running;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Operators;

/// <summary><c>datatable(a: long, b: string) [1, "x", 2, "y"]</c>: values fill the columns row by row.</summary>
internal static class DataTableSource
{
    public static Table Run(SyntaxNode node, QueryRunner runner, Scope scope)
    {
        var schemaList = node.Node(SyntaxKind.SchemaList) ?? throw new EvaluationException("datatable needs a schema", node.Span);
        var columns = schemaList.Nodes().Where(n => n.Kind == SyntaxKind.SchemaColumn)
            .Select(c => new ColumnSymbol(Naming.NameText(c.NodeAt(0)!), KqlTypeNames.Parse(c.Tokens().Last(t => t.Kind == SyntaxKind.Identifier).Text)))
            .ToList();
        var schema = new TableSymbol("datatable", columns);
        var compiler = new ExprCompiler(runner, scope, QueryRunner.NoColumns);
        var one = new Chunk(1, []);
        var values = node.Nodes().Where(n => n.Kind is not (SyntaxKind.SchemaList or SyntaxKind.QueryParameter))
            .Select(n => compiler.Compile(n).Eval(one).Get(0)).ToList();
        if (columns.Count == 0 || values.Count % columns.Count != 0)
            throw new EvaluationException($"datatable: {values.Count} values do not fill rows of {columns.Count} columns", node.Span);
        var builder = new ResultBuilder(schema);
        for (var i = 0; i < values.Count; i += columns.Count)
            builder.Add(columns.Select((c, j) => Kv.ConvertTo(values[i + j], c.Type)).ToArray());
        return builder.Build();
    }
}
