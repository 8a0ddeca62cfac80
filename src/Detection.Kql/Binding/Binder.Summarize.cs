using Detection.Kql.Diagnostics;
using Detection.Kql.Functions;
using Detection.Kql.Syntax;

namespace Detection.Kql.Binding;

public sealed partial class Binder
{
    private TableShape BindSummarize(SyntaxNode op, TableShape input)
    {
        var columns = new List<BoundColumn>();
        var by = op.Node(SyntaxKind.ByClause);
        if (by is not null)
        {
            columns.AddRange(BindItems(by.Nodes(), "Column"));
            if (!input.IsOpen) CheckKeys(by.Nodes(), columns, "summarize by");
        }
        var byNames = columns.Select(c => c.Name).ToHashSet();
        foreach (var item in op.Nodes().Where(n => n.Kind is not (SyntaxKind.ByClause or SyntaxKind.QueryParameter)))
            AddUnique(columns, BindAggregateItem(item, input, byNames));
        // A '*' over an open input (arg_max(x, *)) passes on columns we cannot list.
        var star = op.DescendantNodesAndSelf().Any(n => n.Kind == SyntaxKind.StarExpression);
        return new TableShape(columns, input.IsOpen && star);
    }

    /// <summary>Group and distinct keys cannot be dynamic (Kusto: KS116).</summary>
    private void CheckKeys(IEnumerable<SyntaxNode> items, List<BoundColumn> columns, string op)
    {
        var list = items.Where(n => n.Kind is not (SyntaxKind.QueryParameter or SyntaxKind.ByClause)).ToList();
        if (list.Count != columns.Count) return;
        for (var i = 0; i < list.Count; i++)
            if (columns[i].Type.IsDynamic)
                Report(DiagnosticFactory.DynamicKey((list[i].Kind == SyntaxKind.NamedExpression ? list[i].NodeAt(1)! : list[i]).Span, op));
    }

    private static void AddUnique(List<BoundColumn> columns, IEnumerable<BoundColumn> added)
    {
        var taken = columns.Select(c => c.Name).ToHashSet();
        foreach (var column in added)
        {
            var name = TableShape.Unique(column.Name, taken);
            taken.Add(name);
            columns.Add(column with { Name = name });
        }
    }

    /// <summary>The columns one summarize/make-series aggregate item produces, named as Kusto names them.</summary>
    private List<BoundColumn> BindAggregateItem(SyntaxNode item, TableShape input, HashSet<string> byNames)
    {
        _inAggregation = true;
        try
        {
            if (item.Kind == SyntaxKind.NamedExpression)
            {
                var inner = item.NodeAt(1)!;
                if (IsCall(inner, "arg_max", "arg_min"))
                {
                    var produced = ArgMaxColumns(inner, input, byNames);
                    if (produced.Count > 0) produced[0] = produced[0] with { Name = NameText(item.NodeAt(0)!) };
                    return produced;
                }
                CheckAggregate(inner);
                return [new BoundColumn(NameText(item.NodeAt(0)!), BindScalar(inner))];
            }
            if (item.Kind == SyntaxKind.CompoundNamedExpression)
            {
                var names = item.NodeAt(0)!.Nodes().Select(NameText).ToList();
                var inner = item.NodeAt(1)!;
                var produced = IsCall(inner, "arg_max", "arg_min") ? ArgMaxColumns(inner, input, byNames) : [new BoundColumn("", BindScalar(inner))];
                return produced.Select((c, i) => i < names.Count ? c with { Name = names[i] } : c).ToList();
            }
            if (IsCall(item, "arg_max", "arg_min")) return ArgMaxColumns(item, input, byNames);
            if (IsCall(item, "take_any", "take_anyif", "any") && item.NodeAt(0)!.FirstToken!.Text != "any")
            {
                var args = Arguments(item);
                var types = args.Select(a => a.Kind == SyntaxKind.StarExpression ? TypeSymbol.Error : BindScalar(a)).ToList();
                if (args.Any(a => a.Kind == SyntaxKind.StarExpression)) return input.Columns.Where(c => !byNames.Contains(c.Name)).ToList();
                var count = item.NodeAt(0)!.FirstToken!.Text == "take_anyif" ? 1 : args.Count;
                return args.Take(count).Select((a, i) => new BoundColumn(ExpressionName(a) ?? $"Column{i + 1}", types[i])).ToList();
            }
            CheckAggregate(item);
            var type = BindScalar(item);
            return [new BoundColumn(AggregateName(item), type)];
        }
        finally { _inAggregation = false; }
    }

    /// <summary>A summarize item that is only a column (<c>x = (Col)</c>, <c>+ Col</c>) is not an aggregate (Kusto: KS236).</summary>
    private void CheckAggregate(SyntaxNode value)
    {
        while (value.Kind is SyntaxKind.ParenthesizedExpression or SyntaxKind.UnaryExpression) value = value.NodeAt(0)!;
        if (value.Kind == SyntaxKind.NameReference && _scope.Lookup(NameText(value)) is null)
            Report(DiagnosticFactory.Aggregation(value.Span, NameText(value)));
    }

    private static bool IsCall(SyntaxNode node, params string[] names) =>
        node.Kind == SyntaxKind.CallExpression && names.Contains(node.NodeAt(0)!.FirstToken!.Text);

    /// <summary><c>count()</c> → count_, <c>make_set(x)</c> → set_x, <c>percentile(x, 95)</c> → percentile_x_95, otherwise the expression's name.</summary>
    private static string AggregateName(SyntaxNode item)
    {
        if (item.Kind != SyntaxKind.CallExpression) return ExpressionName(item) ?? "Column1";
        var name = item.NodeAt(0)!.FirstToken!.Text;
        var aggregate = Builtins.Aggregate(name);
        if (aggregate?.ResultPrefix is not { } prefix) return ExpressionName(item) ?? $"{name}_";
        var args = Arguments(item);
        var first = args.Count > 0 ? ExpressionName(args[0]) ?? "" : "";
        if (name is "percentile" or "percentiles" && args.Count > 1)
            return $"{prefix}_{first}_{args[1].ToString().Replace('.', '_')}";
        return $"{prefix}_{first}";
    }

    /// <summary><c>arg_max(x, c1, c2)</c> → x, c1, c2; <c>arg_max(x, *)</c> → x then every other input column not grouped by.</summary>
    private List<BoundColumn> ArgMaxColumns(SyntaxNode call, TableShape input, HashSet<string> byNames)
    {
        var args = call.Node(SyntaxKind.ArgumentList)?.Nodes().ToList() ?? [];
        var columns = new List<BoundColumn>();
        var wasAggregation = _inAggregation;
        _inAggregation = false;
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                var arg = args[i];
                if (arg.Kind == SyntaxKind.StarExpression)
                {
                    var taken = columns.Select(c => c.Name).ToHashSet();
                    columns.AddRange(input.Columns.Where(c => !byNames.Contains(c.Name) && !taken.Contains(c.Name)));
                    continue;
                }
                var item = arg.Kind == SyntaxKind.NamedExpression ? arg : null;
                var type = BindScalar(item?.NodeAt(1) ?? arg);
                var name = item is not null ? NameText(item.NodeAt(0)!) : ExpressionName(arg) ?? $"{call.NodeAt(0)!.FirstToken!.Text}_{(i == 0 ? "" : i)}";
                columns.Add(new BoundColumn(name, type));
            }
        }
        finally { _inAggregation = wasAggregation; }
        if (args.Count < 1) Report(DiagnosticFactory.ArgumentCount(call.NodeAt(0)!.Span, call.NodeAt(0)!.FirstToken!.Text, "at least 1 argument", 0));
        return columns;
    }
}
