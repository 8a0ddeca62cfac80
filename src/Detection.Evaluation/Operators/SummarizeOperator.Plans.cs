using Detection.Evaluation.Aggregates;
using Detection.Evaluation.Expressions;
using Detection.Kql.Functions;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;

namespace Detection.Evaluation.Operators;

internal static partial class SummarizeOperator
{
    /// <summary>One aggregate item: its output columns, the per-row argument expressions and a factory of group states.</summary>
    internal sealed record AggregatePlan(List<(string Name, KqlType Type)> Columns, List<Expr> Args, Func<AggregateState> Create);

    internal static AggregatePlan Plan(SyntaxNode item, ExprCompiler compiler, TableSymbol input, HashSet<string> byNames)
    {
        List<string>? names = null;
        var call = item;
        if (item.Kind == SyntaxKind.NamedExpression)
        {
            names = [Naming.NameText(item.NodeAt(0)!)];
            call = item.NodeAt(1)!;
        }
        else if (item.Kind == SyntaxKind.CompoundNamedExpression)
        {
            names = item.NodeAt(0)!.Nodes().Select(Naming.NameText).ToList();
            call = item.NodeAt(1)!;
        }
        var plan = IsAggregateCall(call) ? Basic(call, compiler, input, byNames) : OverAggregates(call, compiler, input, byNames);
        if (names is not null)
            for (var i = 0; i < names.Count && i < plan.Columns.Count; i++) plan.Columns[i] = (names[i], plan.Columns[i].Type);
        return plan;
    }

    private static bool IsAggregateCall(SyntaxNode node) =>
        node.Kind == SyntaxKind.CallExpression && (Builtins.Aggregate(Naming.FunctionName(node)) is not null || AggregateFunctions.SpecialForms.Contains(Naming.FunctionName(node)));

    /// <summary>
    /// An expression over aggregates (<c>rate = countif(f) * 1.0 / count()</c>, <c>round(avg(x), 2)</c>): each aggregate
    /// inside is computed per group, then the expression is evaluated over their results. It may not read input columns
    /// outside the aggregates.
    /// </summary>
    private static AggregatePlan OverAggregates(SyntaxNode expression, ExprCompiler compiler, TableSymbol input, HashSet<string> byNames)
    {
        var calls = new List<SyntaxNode>();
        var stack = new Stack<SyntaxNode>([expression]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (IsAggregateCall(node)) { calls.Add(node); continue; }
            foreach (var child in node.Nodes().Reverse()) stack.Push(child);
        }
        if (calls.Count == 0) throw new EvaluationException($"summarize: '{ExprCompiler.Short(expression)}' is not an aggregate", expression.Span);
        var parts = calls.Select(c => Basic(c, compiler, input, byNames)).ToList();
        if (parts.Any(p => p.Columns.Count != 1))
            throw EvaluationException.NotSupported("arg_max/take_any/percentiles inside an expression", expression);
        var hidden = new TableSymbol("aggregates", parts.Select((p, i) => new ColumnSymbol($"__aggregate{i}", p.Columns[0].Type)));
        var outer = new ExprCompiler(compiler.Runner, compiler.Scope, hidden)
        {
            Substitutions = calls.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i),
        }.Compile(expression);
        // The binder's rule (Binder.Summarize AggregateName): a call is named fn_ when its argument gives no name.
        var name = Naming.ExpressionName(expression) ?? (expression.Kind == SyntaxKind.CallExpression ? $"{Naming.FunctionName(expression)}_" : "Column1");
        return new AggregatePlan([(name, outer.Type)], parts.SelectMany(p => p.Args).ToList(), () => new OverAggregatesState(parts, hidden, outer));
    }

    private sealed class OverAggregatesState(List<AggregatePlan> parts, TableSymbol hidden, Expr outer) : SingleState
    {
        private readonly AggregateState[] _states = parts.Select(p => p.Create()).ToArray();

        public override void Add(object?[] args)
        {
            var at = 0;
            for (var i = 0; i < _states.Length; i++)
            {
                var count = parts[i].Args.Count;
                _states[i].Add(args[at..(at + count)]);
                at += count;
            }
        }

        public override object? Result()
        {
            var results = new List<object?>();
            foreach (var state in _states) state.Results(results);
            var columns = hidden.Columns.Select((c, i) => Tables.Columns.ColumnFactory.FromValues(c.Type, [Values.Kv.Fit(results[i], c.Type)]));
            return outer.Eval(new Tables.Chunk(1, columns)).Get(0);
        }
    }

    private static AggregatePlan Basic(SyntaxNode call, ExprCompiler compiler, TableSymbol input, HashSet<string> byNames)
    {
        var name = Naming.FunctionName(call);
        var argNodes = call.Node(SyntaxKind.ArgumentList)?.Nodes().ToList() ?? [];
        switch (name)
        {
            case "arg_max" or "arg_min":
            {
                var (columns, args) = Expand(argNodes, compiler, input, byNames, i => $"{name}_{(i == 0 ? "" : i)}");
                var sign = name == "arg_max" ? 1 : -1;
                return new AggregatePlan(columns, args, () => new AggregateFunctions.ArgExtreme(sign, columns.Count));
            }
            case "take_any":
            {
                var (columns, args) = Expand(argNodes, compiler, input, byNames, i => $"Column{i + 1}");
                return new AggregatePlan(columns, args, () => new AggregateFunctions.TakeAny(null, columns.Count));
            }
            case "percentiles":
            {
                var args = Naming.Arguments(call).Select(compiler.Compile).ToList();
                var first = Naming.ExpressionName(Naming.Arguments(call)[0]) ?? "";
                var columns = Naming.Arguments(call).Skip(1).Select(p => ($"percentile_{first}_{p.ToString().Replace('.', '_')}", args[0].Type)).ToList();
                return new AggregatePlan(columns, args, () => new AggregateFunctions.Percentile(args[0].Type, columns.Count));
            }
        }
        var function = AggregateFunctions.Find(name)
                       ?? throw EvaluationException.NotSupported(Builtins.Aggregate(name) is null ? $"'{name}' in summarize (not an aggregate)"
                           : Functions.NotSupported.Reasons.TryGetValue(name, out var reason) ? $"aggregate {name}() ({reason})" : $"aggregate {name}()", call);
        var compiled = Naming.Arguments(call).Select(compiler.Compile).ToList();
        var types = compiled.Select(a => a.Type).ToList();
        if (types.Count == 0) types.Add(KqlType.Long);
        var type = function.ResultType(types);
        return new AggregatePlan([(DefaultName(call), type)], compiled, () => function.Create(types));
    }

    /// <summary>The columns and arguments of arg_max(x, c1, *) / take_any(a, b, *): a star adds every input column not grouped by.</summary>
    private static (List<(string, KqlType)>, List<Expr>) Expand(
        List<SyntaxNode> argNodes, ExprCompiler compiler, TableSymbol input, HashSet<string> byNames, Func<int, string> unnamed)
    {
        var columns = new List<(string Name, KqlType Type)>();
        var args = new List<Expr>();
        for (var i = 0; i < argNodes.Count; i++)
        {
            var arg = argNodes[i];
            if (arg.Kind == SyntaxKind.StarExpression)
            {
                for (var c = 0; c < input.Columns.Length; c++)
                {
                    var column = input.Columns[c];
                    if (byNames.Contains(column.Name) || columns.Any(x => x.Name == column.Name)) continue;
                    columns.Add((column.Name, column.Type));
                    args.Add(new ColumnExpr(c, column.Type));
                }
                continue;
            }
            var expr = compiler.Compile(arg);
            var name = arg.Kind == SyntaxKind.NamedExpression ? Naming.NameText(arg.NodeAt(0)!) : Naming.ExpressionName(arg) ?? unnamed(i);
            columns.Add((name, expr.Type));
            args.Add(expr);
        }
        return (columns, args);
    }

    /// <summary><c>count()</c> → count_, <c>make_set(x)</c> → set_x, <c>percentile(x, 95)</c> → percentile_x_95 (the binder's rule).</summary>
    private static string DefaultName(SyntaxNode call)
    {
        var name = Naming.FunctionName(call);
        var args = Naming.Arguments(call);
        if (Builtins.Aggregate(name)?.ResultPrefix is not { } prefix) return Naming.ExpressionName(call) ?? $"{name}_";
        var first = args.Count > 0 ? Naming.ExpressionName(args[0]) ?? "" : "";
        if (name is "percentile" && args.Count > 1) return $"{prefix}_{first}_{args[1].ToString().Replace('.', '_')}";
        return $"{prefix}_{first}";
    }
}
