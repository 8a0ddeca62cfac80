using Detection.Kql.Diagnostics;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;

namespace Detection.Kql.Binding;

public sealed partial class Binder
{
    /// <summary>mv-expand: each item's column is replaced (same name) or added, typed by <c>to typeof(T)</c> or dynamic.</summary>
    private (TableShape Shape, List<string> Expanded) BindMvExpand(SyntaxNode op, TableShape input)
    {
        var columns = input.Columns.ToList();
        var expanded = new List<string>();
        foreach (var item in op.Nodes())
        {
            if (item.Kind == SyntaxKind.LimitClause)
            {
                var saved = _row;
                _row = null;
                BindScalar(item.NodeAt(0)!);
                _row = saved;
                continue;
            }
            if (item.Kind is SyntaxKind.QueryParameter or SyntaxKind.OnClause) continue;
            var (name, valueNode, to, typeToken) = ExpandItemParts(item);
            if (to is null) CheckTypeName(typeToken);
            var type = BindScalar(valueNode);
            if (type.IsKnownScalar)
                Report(DiagnosticFactory.ExpressionType(item.Kind == SyntaxKind.NamedExpression && to is null ? item.Span : valueNode.Span, "dynamic", type.Display));
            var columnName = name ?? ExpressionName(valueNode) ?? "Column1";
            var columnType = to is { } t ? TypeSymbol.Of(t) : type.Form == TypeSymbol.TypeForm.Array && type.Element is { } e ? e : TypeSymbol.Dynamic;
            var at = columns.FindIndex(c => c.Name == columnName);
            if (at >= 0) columns[at] = new BoundColumn(columnName, columnType);
            else columns.Add(new BoundColumn(columnName, columnType));
            expanded.Add(columnName);
        }
        if (ParameterValue(op, "with_itemindex") is { } index) columns.Add(new BoundColumn(index, TypeSymbol.Long));
        return (new TableShape(columns, input.IsOpen), expanded);
    }

    /// <summary>An mv-expand item: <c>[Name =] expr [to typeof(T)]</c> (the parser wraps a to-clause with its item).</summary>
    private static (string? Name, SyntaxNode Value, KqlType? To, SyntaxToken? TypeToken) ExpandItemParts(SyntaxNode item)
    {
        KqlType? to = null;
        SyntaxToken? typeToken = null;
        if (item.Kind == SyntaxKind.NamedExpression && item.Node(SyntaxKind.ToTypeClause) is { } clause)
        {
            typeToken = clause.Tokens().Skip(2).FirstOrDefault(t => t.Kind == SyntaxKind.Identifier);
            if (typeToken is not null && KqlTypeNames.TryParse(typeToken.Text, out var t)) to = t;
            item = item.NodeAt(0)!;
        }
        if (item.Kind == SyntaxKind.NamedExpression && item.NodeAt(0)!.Kind is SyntaxKind.NameReference or SyntaxKind.BracketedName
            && item.Tokens().Any(tk => tk.Kind == SyntaxKind.Equal))
            return (NameText(item.NodeAt(0)!), item.NodeAt(1)!, to, typeToken);
        return (null, item, to, typeToken);
    }

    /// <summary>mv-apply: the expanded row goes through the subquery; the result is the outer columns plus the subquery's.</summary>
    private TableShape BindMvApply(SyntaxNode op, TableShape input)
    {
        var (expandedShape, _) = BindMvExpand(op, input);
        var on = op.Node(SyntaxKind.OnClause);
        var body = on?.Node(SyntaxKind.ParenthesizedExpression)?.NodeAt(0);
        if (body is null) return expandedShape;
        var result = BindSubquery(body, expandedShape);
        var columns = input.Columns.Select(c => result.Find(c.Name) ?? c).ToList();
        var names = columns.Select(c => c.Name).ToHashSet();
        columns.AddRange(result.Columns.Where(c => !names.Contains(c.Name)));
        return new TableShape(columns, result.IsOpen || input.IsOpen);
    }

    /// <summary>A pipeline whose first operator reads <paramref name="input"/> implicitly (mv-apply's subquery).</summary>
    private TableShape BindSubquery(SyntaxNode body, TableShape input)
    {
        var operators = new Stack<SyntaxNode>();
        var head = body;
        while (head.Kind == SyntaxKind.PipeExpression)
        {
            operators.Push(head.NodeAt(1)!);
            head = head.NodeAt(0)!;
        }
        var shape = IsOperatorNode(head.Kind) ? BindOperator(head, input) : BindTabularOrScalar(head, expectTable: true).Table ?? TableShape.Open;
        while (operators.Count > 0) shape = BindOperator(operators.Pop(), shape);
        return shape;
    }

    /// <summary>parse / parse-where: the pattern's names become columns (string unless typed).</summary>
    private TableShape BindParse(SyntaxNode op, TableShape input)
    {
        var source = op.Nodes().FirstOrDefault(n => n.Kind is not (SyntaxKind.QueryParameter or SyntaxKind.ParsePattern));
        if (source is not null) BindScalar(source);
        var columns = input.Columns.ToList();
        foreach (var part in op.Node(SyntaxKind.ParsePattern)?.Nodes() ?? [])
        {
            BoundColumn? column = part.Kind switch
            {
                SyntaxKind.NameReference or SyntaxKind.BracketedName => new BoundColumn(NameText(part), TypeSymbol.String),
                SyntaxKind.SchemaColumn => CheckedSchemaColumn(part),
                _ => null,
            };
            if (column is null) continue;
            var at = columns.FindIndex(c => c.Name == column.Name);
            if (at >= 0) columns[at] = column;
            else columns.Add(column);
        }
        return new TableShape(columns, input.IsOpen);
    }

    private BoundColumn CheckedSchemaColumn(SyntaxNode part)
    {
        var typeToken = part.Tokens().LastOrDefault(t => t.Kind == SyntaxKind.Identifier);
        CheckTypeName(typeToken);
        return new BoundColumn(NameText(part.NodeAt(0)!), typeToken is not null && KqlTypeNames.TryParse(typeToken.Text, out var k) ? TypeSymbol.Of(k) : TypeSymbol.String);
    }

    /// <summary>make-series: the by columns, one dynamic array per aggregate, then the axis column (a dynamic array).</summary>
    private TableShape BindMakeSeries(SyntaxNode op, TableShape input)
    {
        var columns = new List<BoundColumn>();
        if (op.Node(SyntaxKind.ByClause) is { } by) columns.AddRange(BindItems(by.Nodes(), "Column"));
        var byNames = columns.Select(c => c.Name).ToHashSet();
        var nodes = op.Nodes().ToList();
        var onIndex = nodes.FindIndex(n => n.Kind == SyntaxKind.MakeSeriesRange) - 1;
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node.Kind is SyntaxKind.QueryParameter or SyntaxKind.ByClause or SyntaxKind.MakeSeriesRange || i == onIndex) continue;
            var aggregate = node.Kind == SyntaxKind.NamedExpression && node.Node(SyntaxKind.QueryParameter) is { } dflt
                ? node.NodeAt(0)! : node;
            if (node != aggregate)
            {
                var saved = _row;
                _row = null;
                BindScalar(node.Node(SyntaxKind.QueryParameter)!.NodeAt(1) ?? node);
                _row = saved;
            }
            AddUnique(columns, BindAggregateItem(aggregate, input, byNames).Select(c => c with { Type = TypeSymbol.ArrayOf(null) }));
        }
        if (onIndex >= 0)
        {
            var axis = nodes[onIndex];
            BindScalar(axis);
            foreach (var n in nodes[onIndex + 1].Nodes()) BindScalar(n);
            AddUnique(columns, [new BoundColumn(ExpressionName(axis) ?? "Column1", TypeSymbol.ArrayOf(null))]);
        }
        return new TableShape(columns);
    }
}
