using Detection.Kql.Diagnostics;
using Detection.Kql.Syntax;

namespace Detection.Kql.Binding;

public sealed partial class Binder
{
    /// <summary>Plugins whose output columns depend on the data (bag_unpack, pivot…): their output is open, silently.</summary>
    private static readonly HashSet<string> DataShapedPlugins = new(StringComparer.Ordinal)
    {
        "bag_unpack", "pivot", "narrow", "sequence_detect", "autocluster", "basket", "diffpatterns", "python", "r",
        "funnel_sequence", "funnel_sequence_completion", "active_users_count", "activity_counts_metrics",
        "activity_engagement", "new_activity_metrics", "session_count", "sliding_window_counts", "rolling_percentile",
        "schema_merge", "preview", "infer_storage_schema",
    };

    private TableShape BindEvaluate(SyntaxNode op, TableShape input)
    {
        var call = op.Nodes().FirstOrDefault(n => n.Kind == SyntaxKind.CallExpression);
        if (call is null) return input.WithOpen(true);
        var name = call.NodeAt(0)!.FirstToken!.Text;
        var args = Arguments(call);
        var shapes = new List<TableShape>();
        // Plugin arguments may name columns of the input or of a table argument (ipv4_lookup's key column).
        _row = input.WithOpen(true);
        foreach (var arg in args)
        {
            var type = BindTabularOrScalar(arg, expectTable: false);
            if (type.IsTabular) shapes.Add(type.Table!);
        }
        switch (name)
        {
            case "bag_unpack":
            {
                var unpacked = args.Count > 0 ? ExpressionName(args[0]) : null;
                return new TableShape(input.Columns.Where(c => c.Name != unpacked), isOpen: true);
            }
            case "ipv4_lookup" or "ipv6_lookup":
                return new TableShape(input.Columns.Concat(shapes.SelectMany(s => s.Columns)), input.IsOpen || shapes.Any(s => s.IsOpen));
        }
        if (!DataShapedPlugins.Contains(name)) Report(DiagnosticFactory.NotChecked(call.NodeAt(0)!.Span, $"evaluate {name}"));
        return TableShape.Open;
    }

    private TableShape BindInvoke(SyntaxNode op, TableShape input)
    {
        var call = op.Nodes().FirstOrDefault(n => n.Kind == SyntaxKind.CallExpression);
        if (call is null) return input.WithOpen(true);
        var name = call.NodeAt(0)!.FirstToken!.Text;
        if (_scope.Lookup(name) is not UserFunctionSymbol function)
        {
            Report(DiagnosticFactory.FunctionUnknown(call.NodeAt(0)!.Span, name));
            return input.WithOpen(true);
        }
        var saved = _row;
        _row = null;
        var types = new List<TypeSymbol> { TypeSymbol.TableOf(input) };
        types.AddRange(Arguments(call).Select(a => BindTabularOrScalar(a, expectTable: false)));
        _row = saved;
        var result = BindFunctionBodySilently(function, types);
        return result.Table ?? input.WithOpen(true);
    }
}
