using Detection.Evaluation.Aggregates;
using Detection.Evaluation.Expressions;
using Detection.Evaluation.Functions;
using Detection.Evaluation.Running;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Operators;

/// <summary>
/// <c>make-series Agg(…) [default = d], … on Axis [from a] [to b] step s [by keys]</c> (make-series-operator.md): per
/// group, one array per aggregate with a value per bin of [from, to) and the array of bin starts (named after the
/// axis). Empty bins hold the default (0 unless given). Without from/to the range is the data's, binned by step.
/// </summary>
internal static class MakeSeriesOperator
{
    public static Table Run(SyntaxNode op, Table input, QueryRunner runner, Scope scope)
    {
        var nodes = op.Nodes().Where(n => n.Kind is not SyntaxKind.QueryParameter).ToList();
        var rangeAt = nodes.FindIndex(n => n.Kind == SyntaxKind.MakeSeriesRange);
        var compiler = new ExprCompiler(runner, scope, input.Schema);
        var constants = new ExprCompiler(runner, scope, QueryRunner.NoColumns);
        var one = new Chunk(1, []);
        var axisNode = nodes[rangeAt - 1];
        var axis = compiler.Compile(axisNode);
        var (fromNode, toNode, stepNode) = Range(nodes[rangeAt]);
        var step = constants.Compile(stepNode).Eval(one).Get(0) ?? throw new EvaluationException("make-series: step is null", stepNode.Span);

        var keys = new List<(string Name, Expr Expr)>();
        var counter = 0;
        foreach (var item in nodes.FirstOrDefault(n => n.Kind == SyntaxKind.ByClause)?.Nodes() ?? [])
            keys.Add(ExtendOperator.Item(item, runner, scope, input.Schema, ref counter));
        var byNames = keys.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        var aggregates = nodes.Take(rangeAt - 1).Select(item =>
        {
            var inner = item;
            object? fallback = 0L;
            if (item.Kind == SyntaxKind.NamedExpression && item.Node(SyntaxKind.QueryParameter) is { } dflt)
            {
                inner = item.NodeAt(0)!;
                fallback = constants.Compile(dflt.Nodes().Last()).Eval(one).Get(0);
            }
            return (Plan: SummarizeOperator.Plan(inner, compiler, input.Schema, byNames), Default: fallback);
        }).ToList();

        // Every row's axis value and group, so that a missing from/to can be taken from the data.
        var rows = new List<(object?[] Key, object? Axis, object?[][] Args)>();
        foreach (var chunk in input.Chunks)
        {
            var keyVectors = keys.Select(k => k.Expr.Eval(chunk)).ToArray();
            var axisVector = axis.Eval(chunk);
            var argVectors = aggregates.Select(a => a.Plan.Args.Select(x => x.Eval(chunk)).ToArray()).ToArray();
            for (var r = 0; r < chunk.RowCount; r++)
                rows.Add((keyVectors.Select(v => v.Get(r)).ToArray(), axisVector.Get(r), argVectors.Select(a => a.Select(v => v.Get(r)).ToArray()).ToArray()));
        }
        var present = rows.Where(r => r.Axis is not null).Select(r => r.Axis!).ToList();
        var start = fromNode is not null ? constants.Compile(fromNode).Eval(one).Get(0)
            : present.Count == 0 ? null : ScalarFunctions.Bin(present.Min(ValueComparer.Instance), step);
        var end = toNode is not null ? constants.Compile(toNode).Eval(one).Get(0)
            : present.Count == 0 ? null : Arithmetic.Apply(SyntaxKind.Plus, ScalarFunctions.Bin(present.Max(ValueComparer.Instance), step)!, step);
        var bins = new List<object?>();
        for (var at = start; at is not null && end is not null && Kv.Order(at, end) < 0 && bins.Count < 1_000_000; at = Arithmetic.Apply(SyntaxKind.Plus, at, step))
            bins.Add(at);

        var groups = new Dictionary<GroupKey, (object?[] Key, AggregateState[][] States)>();
        var order = new List<GroupKey>();
        foreach (var (key, value, args) in rows)
        {
            var groupKey = new GroupKey(key.Select(Kv.Key).ToArray());
            if (!groups.TryGetValue(groupKey, out var group))
            {
                group = groups[groupKey] = (key, new AggregateState[bins.Count][]);
                order.Add(groupKey);
            }
            if (value is null || start is null || Kv.Order(value, start) < 0 || Kv.Order(value, end) >= 0) continue;
            var index = BinIndex(value, start, step);
            if (index < 0 || index >= bins.Count) continue;
            var states = group.States[index] ??= aggregates.Select(a => a.Plan.Create()).ToArray();
            for (var a = 0; a < aggregates.Count; a++) states[a].Add(args[a]);
        }

        var columns = keys.Select(k => new ColumnSymbol(k.Name, k.Expr.Type)).ToList();
        var taken = new HashSet<string>(byNames, StringComparer.Ordinal);
        foreach (var (plan, _) in aggregates)
            foreach (var (name, _) in plan.Columns) { var unique = Naming.Unique(name, taken); taken.Add(unique); columns.Add(new ColumnSymbol(unique, KqlType.Dynamic)); }
        columns.Add(new ColumnSymbol(Naming.Unique(Naming.ExpressionName(axisNode) ?? "Column1", taken), KqlType.Dynamic));
        var builder = new ResultBuilder(new TableSymbol(input.Schema.Name, columns));
        var axisArray = Dyn.Array(bins);
        foreach (var groupKey in order)
        {
            var (key, states) = groups[groupKey];
            var row = new List<object?>(key);
            for (var a = 0; a < aggregates.Count; a++)
            {
                var (plan, fallback) = aggregates[a];
                var values = new object?[bins.Count];
                var results = new List<object?>();
                for (var b = 0; b < bins.Count; b++)
                {
                    results.Clear();
                    states[b]?[a].Results(results);
                    values[b] = states[b] is null ? fallback : results[0] ?? fallback;
                }
                row.Add(Dyn.Array(values));
            }
            row.Add(axisArray);
            builder.Add(row);
        }
        return builder.Build();
    }

    private static int BinIndex(object value, object start, object step) => (value, start, step) switch
    {
        (DateTime v, DateTime s, TimeSpan t) => (int)((v.Ticks - s.Ticks) / t.Ticks),
        (TimeSpan v, TimeSpan s, TimeSpan t) => (int)((v.Ticks - s.Ticks) / t.Ticks),
        _ => (int)Math.Floor((Kv.ToDouble(value) - Kv.ToDouble(start)) / Kv.ToDouble(step)),
    };

    private static (SyntaxNode? From, SyntaxNode? To, SyntaxNode Step) Range(SyntaxNode range)
    {
        SyntaxNode? from = null, to = null, step = null;
        string? word = null;
        foreach (var child in range.Children)
        {
            if (child is SyntaxToken token) { word = token.Text; continue; }
            var node = (SyntaxNode)child;
            switch (word)
            {
                case "from": from = node; break;
                case "to": to = node; break;
                case "step": step = node; break;
                case "in" when node.Kind == SyntaxKind.CallExpression && Naming.Arguments(node) is [var f, var t, var s]:
                    (from, to, step) = (f, t, s);
                    break;
            }
        }
        return (from, to, step ?? throw new EvaluationException("make-series needs a step", range.Span));
    }
}
