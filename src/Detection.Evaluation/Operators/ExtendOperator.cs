using Detection.Evaluation.Expressions;
using Detection.Evaluation.Functions;
using Detection.Evaluation.Running;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Operators;

/// <summary>
/// <c>extend</c>: adds computed columns, or replaces a column of the same name in place. Unnamed expressions get the
/// expression's name or Column1, Column2… Each item sees the columns added by the items before it.
/// </summary>
internal static class ExtendOperator
{
    public static Table Run(SyntaxNode op, Table input, QueryRunner runner, Scope scope)
    {
        if (WindowFunctions.Uses(op)) input = ResultBuilder.OneChunk(input);
        var schema = input.Schema;
        var plan = new List<(int Target, Expr Expr)>();
        var columns = schema.Columns.ToList();
        var counter = 0;
        foreach (var item in op.Nodes().Where(n => n.Kind != SyntaxKind.QueryParameter))
        {
            var current = ResultBuilder.SchemaOf(schema.Name, columns.Select(c => (c.Name, c.Type)));
            foreach (var (name, expr) in Items(item, runner, scope, current, ref counter))
            {
                var at = columns.FindIndex(c => c.Name == name);
                if (at >= 0) columns[at] = new ColumnSymbol(name, expr.Type);
                else
                {
                    at = columns.Count;
                    columns.Add(new ColumnSymbol(name, expr.Type));
                }
                plan.Add((at, expr));
            }
        }
        var output = new TableSymbol(schema.Name, columns);
        var chunks = new List<Chunk>();
        foreach (var chunk in input.Chunks)
        {
            var values = new List<Column>(chunk.Columns);
            foreach (var (target, expr) in plan)
            {
                var column = expr.Eval(new Chunk(chunk.RowCount, values)).ToColumn();
                if (target < values.Count) values[target] = column;
                else values.Add(column);
            }
            chunks.Add(new Chunk(chunk.RowCount, values));
        }
        return new Table(output, chunks);
    }

    /// <summary>
    /// The columns of one extend/project item: <c>Name = e</c>, <c>(a, b) = f(…)</c> for functions returning several
    /// columns (unnamed: <c>f_arg_part</c>), or an unnamed expression (its name, else Column1, Column2…).
    /// </summary>
    public static List<(string Name, Expr Expr)> Items(SyntaxNode item, QueryRunner runner, Scope scope, TableSymbol row, ref int counter)
    {
        var compiler = new ExprCompiler(runner, scope, row);
        switch (item.Kind)
        {
            case SyntaxKind.NamedExpression:
                return [(Naming.NameText(item.NodeAt(0)!), compiler.Compile(item.NodeAt(1)!))];
            case SyntaxKind.CompoundNamedExpression:
            {
                var names = item.NodeAt(0)!.Nodes().Select(Naming.NameText).ToList();
                var value = item.NodeAt(1)!;
                if (value.Kind != SyntaxKind.CallExpression || !TupleFunctions.IsTuple(Naming.FunctionName(value)))
                    throw EvaluationException.NotSupported("(a, b) = … of a function that returns one column", item);
                var parts = compiler.TupleParts(value);
                var stem = $"{Naming.FunctionName(value)}_{Naming.ExpressionName(Naming.Arguments(value).First()) ?? ""}";
                return parts.Select((p, i) => (i < names.Count ? names[i] : $"{stem}_{p.Part}", p.Expr)).ToList();
            }
            case SyntaxKind.CallExpression when TupleFunctions.IsTuple(Naming.FunctionName(item)):
            {
                var stem = $"{Naming.FunctionName(item)}_{Naming.ExpressionName(Naming.Arguments(item).First()) ?? ""}";
                return compiler.TupleParts(item).Select(p => ($"{stem}_{p.Part}", p.Expr)).ToList();
            }
        }
        var expr = compiler.Compile(item);
        var name = Naming.ExpressionName(item);
        if (name is null)
        {
            do name = $"Column{++counter}";
            while (row.IndexOf(name) >= 0);
        }
        return [(name, expr)];
    }

    /// <summary>An item that must give exactly one column (summarize by keys).</summary>
    public static (string Name, Expr Expr) Item(SyntaxNode item, QueryRunner runner, Scope scope, TableSymbol row, ref int counter)
    {
        var items = Items(item, runner, scope, row, ref counter);
        return items.Count == 1 ? items[0] : throw EvaluationException.NotSupported("a function returning several columns here", item);
    }
}
