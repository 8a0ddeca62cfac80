using Detection.Kql.Diagnostics;
using Detection.Kql.Functions;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;

namespace Detection.Kql.Binding;

public sealed partial class Binder
{
    /// <summary>Binds one tabular operator over <paramref name="input"/> (null for a source operator) and returns its output columns.</summary>
    private TableShape BindOperator(SyntaxNode op, TableShape? input)
    {
        EnsureStack();
        var inputShape = input ?? TableShape.Empty;
        var saved = (_row, _inAggregation);
        _row = inputShape;
        _inAggregation = false;
        try
        {
            var output = BindOperatorCore(op, input, inputShape);
            // Below an input whose columns are unknown, every column is unknown too (as in Kusto: no follow-on errors).
            return input is { IsOpen: true } && !output.IsOpen && op.Kind != SyntaxKind.UnknownOperator ? output.WithOpen(true) : output;
        }
        finally
        {
            (_row, _inAggregation) = saved;
        }
    }

    private TableShape BindOperatorCore(SyntaxNode op, TableShape? input, TableShape inputShape) =>
        op.Kind switch
        {
            SyntaxKind.WhereOperator => BindWhere(op, inputShape),
            SyntaxKind.TakeOperator or SyntaxKind.SampleOperator => BindCount(op, inputShape),
            SyntaxKind.ExtendOperator or SyntaxKind.SerializeOperator => BindExtend(op, inputShape),
            SyntaxKind.ProjectOperator => new TableShape(BindItems(op.Nodes(), "Column")),
            SyntaxKind.PrintOperator => new TableShape(BindItems(op.Nodes(), "print_")),
            SyntaxKind.ProjectAwayOperator => BindProjectAway(op, inputShape),
            SyntaxKind.ProjectKeepOperator => BindProjectKeep(op, inputShape),
            SyntaxKind.ProjectRenameOperator => BindProjectRename(op, inputShape),
            SyntaxKind.ProjectReorderOperator => BindProjectReorder(op, inputShape),
            SyntaxKind.SummarizeOperator => BindSummarize(op, inputShape),
            SyntaxKind.DistinctOperator => BindDistinct(op, inputShape),
            SyntaxKind.CountOperator => new TableShape([new BoundColumn("Count", TypeSymbol.Long)]),
            SyntaxKind.TopOperator or SyntaxKind.SortOperator => BindSort(op, inputShape),
            SyntaxKind.JoinOperator or SyntaxKind.LookupOperator => BindJoin(op, inputShape),
            SyntaxKind.UnionOperator => BindUnion(op, input),
            SyntaxKind.MvExpandOperator => BindMvExpand(op, inputShape).Shape,
            SyntaxKind.MvApplyOperator => BindMvApply(op, inputShape),
            SyntaxKind.ParseOperator => BindParse(op, inputShape),
            SyntaxKind.MakeSeriesOperator => BindMakeSeries(op, inputShape),
            SyntaxKind.EvaluateOperator => BindEvaluate(op, inputShape),
            SyntaxKind.InvokeOperator => BindInvoke(op, inputShape),
            SyntaxKind.AsOperator => BindAs(op, inputShape),
            SyntaxKind.GetSchemaOperator => new TableShape(
            [
                new BoundColumn("ColumnName", TypeSymbol.String), new BoundColumn("ColumnOrdinal", TypeSymbol.Long),
                new BoundColumn("DataType", TypeSymbol.String), new BoundColumn("ColumnType", TypeSymbol.String),
            ]),
            SyntaxKind.RangeOperator => BindRange(op),
            SyntaxKind.SampleDistinctOperator => new TableShape(BindItems(op.Nodes().Skip(1).Take(1), "Column")),
            SyntaxKind.RenderOperator => Ignore(op, inputShape),
            // After an operator that is not one, Kusto knows no columns: later names are reported.
            SyntaxKind.UnknownOperator => BindUnknownOperator(op),
            _ => NotChecked(op, inputShape),
        };

    private TableShape BindDistinct(SyntaxNode op, TableShape input)
    {
        if (op.Nodes().FirstOrDefault(n => n.Kind == SyntaxKind.StarExpression) is { } star)
        {
            if (!input.IsOpen && input.Columns.Any(c => c.Type.IsDynamic)) Report(DiagnosticFactory.DynamicKey(star.Span, "distinct"));
            return input;
        }
        var columns = BindItems(op.Nodes(), "Column");
        if (!input.IsOpen) CheckKeys(op.Nodes(), columns, "distinct");
        return new TableShape(columns);
    }

    private TableShape BindUnknownOperator(SyntaxNode op)
    {
        _row = TableShape.Empty;
        foreach (var expression in op.Nodes()) BindTabularOrScalar(expression, expectTable: false);
        return TableShape.Empty;
    }

    private TableShape Ignore(SyntaxNode op, TableShape input)
    {
        Report(DiagnosticFactory.Ignored(op.FirstToken!.Span, op.FirstToken.Text));
        return input;
    }

    private TableShape NotChecked(SyntaxNode op, TableShape input)
    {
        Report(DiagnosticFactory.NotChecked(op.FirstToken!.Span, op.FirstToken.Text));
        return input.WithOpen(true);
    }

    private TableShape BindWhere(SyntaxNode op, TableShape input)
    {
        var predicate = op.NodeAt(0);
        if (predicate is null) return input;
        var type = BindScalar(predicate);
        if (type.IsKnownScalar && type.ScalarType != KqlType.Bool)
            Report(DiagnosticFactory.ExpressionType(predicate.Span, "bool", type.Display));
        return input;
    }

    private TableShape BindCount(SyntaxNode op, TableShape input)
    {
        _row = null;
        foreach (var n in op.Nodes()) BindScalar(n);
        return input;
    }

    private TableShape BindExtend(SyntaxNode op, TableShape input)
    {
        var columns = input.Columns.ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++) index[columns[i].Name] = i;
        var counter = 0;
        foreach (var item in op.Nodes().Where(n => n.Kind != SyntaxKind.QueryParameter))
        {
            foreach (var column in BindItem(item, "Column", ref counter, index.Keys.ToHashSet()))
            {
                if (index.TryGetValue(column.Name, out var at)) columns[at] = column;
                else
                {
                    index[column.Name] = columns.Count;
                    columns.Add(column);
                }
            }
            // Later items of one extend see the columns of the earlier ones.
            _row = new TableShape(columns, input.IsOpen);
        }
        return new TableShape(columns, input.IsOpen);
    }

    /// <summary>Binds a list of (optionally named) expressions into columns, naming unnamed ones as Kusto does.</summary>
    private List<BoundColumn> BindItems(IEnumerable<SyntaxNode> items, string generatedPrefix)
    {
        var columns = new List<BoundColumn>();
        var counter = generatedPrefix == "print_" ? -1 : 0;
        foreach (var item in items.Where(n => n.Kind is not (SyntaxKind.QueryParameter or SyntaxKind.ByClause)))
        {
            var taken = columns.Select(c => c.Name).ToHashSet();
            foreach (var column in BindItem(item, generatedPrefix, ref counter, taken))
            {
                var at = columns.FindIndex(c => c.Name == column.Name);
                if (at >= 0) columns[at] = column;
                else columns.Add(column);
            }
        }
        return columns;
    }

    private IEnumerable<BoundColumn> BindItem(SyntaxNode item, string generatedPrefix, ref int counter, HashSet<string> taken)
    {
        switch (item.Kind)
        {
            case SyntaxKind.NamedExpression:
                if (generatedPrefix == "print_") counter++;
                return [new BoundColumn(NameText(item.NodeAt(0)!), BindScalar(item.NodeAt(1)!))];
            case SyntaxKind.CompoundNamedExpression:
            {
                var names = item.NodeAt(0)!.Nodes().Select(NameText).ToList();
                var value = item.NodeAt(1)!;
                var type = BindScalar(value);
                if (TupleColumns(value) is not { } parts) return names.Select(n => new BoundColumn(n, type)).ToList();
                return parts.Select((c, i) => i < names.Count ? c with { Name = names[i] } : c).ToList();
            }
            case SyntaxKind.SortItem:
                return BindItem(item.NodeAt(0)!, generatedPrefix, ref counter, taken);
        }
        var itemType = BindScalar(item);
        if (TupleColumns(item) is { } tuple) return tuple;
        if (generatedPrefix == "print_")
        {
            counter++;
            return [new BoundColumn(ExpressionName(item) ?? $"print_{counter}", itemType)];
        }
        var name = ExpressionName(item);
        if (name is null)
        {
            do name = $"{generatedPrefix}{++counter}";
            while (taken.Contains(name) || _row?.Contains(name) == true);
        }
        return [new BoundColumn(name, itemType)];
    }

    /// <summary>The columns of a function returning several values (series_decompose_anomalies…), named fn_arg_part; null for other expressions.</summary>
    private List<BoundColumn>? TupleColumns(SyntaxNode item)
    {
        if (item.Kind != SyntaxKind.CallExpression || Builtins.Scalar(item.NodeAt(0)!.FirstToken!.Text) is not { } f
            || !f.Returns.StartsWith("tuple:", StringComparison.Ordinal) || _scope.Lookup(f.Name) is not null)
            return null;
        var stem = $"{f.Name}_{ExpressionName(Arguments(item).FirstOrDefault() ?? item) ?? ""}";
        return f.Returns["tuple:".Length..].Split(',').Select(part =>
        {
            var (name, type) = part.Split('=') is [var n, var t] ? (n, TypeSymbol.Of(KqlTypeNames.Parse(t))) : (part, TypeSymbol.Dynamic);
            return new BoundColumn($"{stem}_{name}", type);
        }).ToList();
    }

    private TableShape BindSort(SyntaxNode op, TableShape input)
    {
        var items = op.Nodes().Where(n => n.Kind != SyntaxKind.QueryParameter).ToList();
        if (op.Kind == SyntaxKind.TopOperator && items.Count > 0)
        {
            var saved = _row;
            _row = null;
            BindScalar(items[0]);
            _row = saved;
            items.RemoveAt(0);
        }
        foreach (var item in items) BindScalar(item.Kind == SyntaxKind.SortItem ? item.NodeAt(0)! : item);
        return input;
    }

    private TableShape BindAs(SyntaxNode op, TableShape input)
    {
        var name = op.Nodes().LastOrDefault(n => n.Kind is SyntaxKind.NameReference or SyntaxKind.BracketedName);
        if (name is not null) _scope.Add(new VariableSymbol(NameText(name), TypeSymbol.TableOf(input)));
        return input;
    }

    private TableShape BindRange(SyntaxNode op)
    {
        _row = null;
        var nodes = op.Nodes().ToList();
        var from = nodes.Count > 1 ? BindScalar(nodes[1]) : TypeSymbol.Long;
        foreach (var n in nodes.Skip(2)) BindScalar(n);
        return new TableShape([new BoundColumn(NameText(nodes[0]), from.IsError ? TypeSymbol.Long : from)]);
    }
}
