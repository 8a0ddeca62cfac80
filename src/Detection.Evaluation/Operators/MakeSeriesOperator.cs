using Detection.Evaluation.Aggregates;
using Detection.Evaluation.Expressions;
using Detection.Evaluation.Functions;
using Detection.Evaluation.Running;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;
using Detection.Tables.Columns;

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

        // A missing from/to is taken from the data: a first pass over the axis alone.
        object? min = null, max = null;
        if (fromNode is null || toNode is null)
            foreach (var chunk in input.Chunks) AxisRange(axis.Eval(chunk), ref min, ref max);
        var start = fromNode is not null ? constants.Compile(fromNode).Eval(one).Get(0)
            : min is null ? null : ScalarFunctions.Bin(min, step);
        var end = toNode is not null ? constants.Compile(toNode).Eval(one).Get(0)
            : max is null ? null : Arithmetic.Apply(SyntaxKind.Plus, ScalarFunctions.Bin(max, step)!, step);
        var bins = new List<object?>();
        for (var at = start; at is not null && end is not null && Kv.Order(at, end) < 0 && bins.Count < 1_000_000; at = Arithmetic.Apply(SyntaxKind.Plus, at, step))
            bins.Add(at);

        // Groups in order of first appearance (a row makes its group even when its axis value falls outside the range).
        var groups = new Dictionary<GroupKey, int>();
        var groupList = new List<(object?[] Key, AggregateState[]?[] States)>();
        int GroupOf(object?[] key)
        {
            var groupKey = new GroupKey(key.Select(Kv.Key).ToArray());
            if (groups.TryGetValue(groupKey, out var g)) return g;
            groups[groupKey] = g = groupList.Count;
            groupList.Add((key, new AggregateState[bins.Count][]));
            return g;
        }
        var buffers = aggregates.Select(a => new object?[a.Plan.Args.Count]).ToArray();
        foreach (var chunk in input.Chunks)
        {
            var keyVectors = keys.Select(k => k.Expr.Eval(chunk)).ToArray();
            var bin = BinIndexes(axis.Eval(chunk), start, end, step, bins.Count);
            var argVectors = aggregates.Select(a => a.Plan.Args.Select(x => x.Eval(chunk)).ToArray()).ToArray();
            var rowGroups = RowGroups(keyVectors, chunk.RowCount, GroupOf);
            for (var r = 0; r < chunk.RowCount; r++)
            {
                if (bin[r] < 0) continue;
                var states = groupList[rowGroups[r]].States[bin[r]] ??= aggregates.Select(a => a.Plan.Create()).ToArray();
                for (var a = 0; a < aggregates.Count; a++)
                {
                    var buffer = buffers[a];
                    for (var i = 0; i < buffer.Length; i++) buffer[i] = argVectors[a][i].Get(r);
                    states[a].Add(buffer);
                }
            }
        }

        var columns = keys.Select(k => new ColumnSymbol(k.Name, k.Expr.Type)).ToList();
        var taken = new HashSet<string>(byNames, StringComparer.Ordinal);
        foreach (var (plan, _) in aggregates)
            foreach (var (name, _) in plan.Columns) { var unique = Naming.Unique(name, taken); taken.Add(unique); columns.Add(new ColumnSymbol(unique, KqlType.Dynamic)); }
        columns.Add(new ColumnSymbol(Naming.Unique(Naming.ExpressionName(axisNode) ?? "Column1", taken), KqlType.Dynamic));
        var builder = new ResultBuilder(new TableSymbol(input.Schema.Name, columns));
        var axisArray = Dyn.Array(bins);
        foreach (var (key, states) in groupList)
        {
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

    private static void AxisRange(Vector axis, ref object? min, ref object? max)
    {
        if (axis is ColumnVector { Column: PrimitiveColumn<DateTime> times })
        {
            long? low = null, high = null;
            var values = times.Values;
            for (var r = 0; r < axis.Length; r++)
            {
                if (times.IsNull(r)) continue;
                var t = values[r].Ticks;
                if (low is null || t < low) low = t;
                if (high is null || t > high) high = t;
            }
            if (low is null) return;
            Extend(new DateTime(low.Value, DateTimeKind.Utc), ref min, ref max);
            Extend(new DateTime(high!.Value, DateTimeKind.Utc), ref min, ref max);
            return;
        }
        for (var r = 0; r < axis.Length; r++)
            if (axis.Get(r) is { } value) Extend(value, ref min, ref max);
    }

    private static void Extend(object value, ref object? min, ref object? max)
    {
        if (min is null || ValueComparer.Instance.Compare(value, min) < 0) min = value;
        if (max is null || ValueComparer.Instance.Compare(value, max) > 0) max = value;
    }

    /// <summary>Each row's group: one string key through its dictionary codes (once per distinct value), else row by row.</summary>
    private static int[] RowGroups(Vector[] keys, int rowCount, Func<object?[], int> groupOf)
    {
        var groups = new int[rowCount];
        if (keys is [ColumnVector { Column: StringColumn key }])
        {
            var groupOfCode = new int[key.Dictionary.Count];
            Array.Fill(groupOfCode, -1);
            for (var r = 0; r < rowCount; r++)
            {
                var code = key.Codes[r];
                var g = groupOfCode[code];
                groups[r] = g >= 0 ? g : groupOfCode[code] = groupOf([key.Dictionary.GetString(code)]);
            }
            return groups;
        }
        for (var r = 0; r < rowCount; r++) groups[r] = groupOf(keys.Select(k => k.Get(r)).ToArray());
        return groups;
    }

    /// <summary>Each row's bin, or -1 when its axis value is null or outside [start, end).</summary>
    private static int[] BinIndexes(Vector axis, object? start, object? end, object step, int binCount)
    {
        var bins = new int[axis.Length];
        if (start is null || end is null)
        {
            Array.Fill(bins, -1);
            return bins;
        }
        if (axis is ColumnVector { Column: PrimitiveColumn<DateTime> times } && (start, end, step) is (DateTime s, DateTime e, TimeSpan t))
        {
            var values = times.Values;
            for (var r = 0; r < bins.Length; r++)
            {
                if (times.IsNull(r)) { bins[r] = -1; continue; }
                var v = values[r].Ticks;
                bins[r] = v < s.Ticks || v >= e.Ticks ? -1 : (int)((v - s.Ticks) / t.Ticks) is var i && i < binCount ? i : -1;
            }
            return bins;
        }
        for (var r = 0; r < bins.Length; r++)
        {
            var value = axis.Get(r);
            var index = value is null || Kv.Order(value, start) < 0 || Kv.Order(value, end) >= 0 ? -1 : BinIndex(value, start, step);
            bins[r] = index >= 0 && index < binCount ? index : -1;
        }
        return bins;
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
