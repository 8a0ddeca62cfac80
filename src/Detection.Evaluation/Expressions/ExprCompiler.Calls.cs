using Detection.Evaluation.Functions;
using Detection.Evaluation.Running;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;

namespace Detection.Evaluation.Expressions;

internal sealed partial class ExprCompiler
{
    private Expr Call(SyntaxNode node)
    {
        var name = Naming.FunctionName(node);
        var args = Naming.Arguments(node);
        if (Scope.Lookup(name) is FunctionLet user) return CallUserFunction(name, user, args, node);
        switch (name)
        {
            case "iff" or "iif":
                return Choice([Compile(args[0]), Compile(args[1]), Compile(args[2])]);
            case "case":
                return Choice(args.Select(Compile).ToList());
            case "coalesce":
            {
                var compiled = args.Select(Compile).ToList();
                var type = CommonType(compiled.Select(c => c.Type));
                return new MapExpr(type, compiled, v => v.FirstOrDefault(x => x is not null && !(x is string s && s.Length == 0)));
            }
            case "now":
            {
                var now = Runner.Context.Now;
                if (args.Count == 0) return new ConstantExpr(KqlType.DateTime, now);
                return new MapExpr(KqlType.DateTime, [Compile(args[0])], v => v[0] is TimeSpan t ? now + t : null);
            }
            case "ago":
            {
                var now = Runner.Context.Now;
                return new MapExpr(KqlType.DateTime, [Compile(args[0])], v => Kv.ToTimeSpan(v[0]) is { } t ? now - t : null);
            }
            case "toscalar":
                return ToScalar(args[0]);
            case "column_ifexists" or "columnifexists":
            {
                var column = StringLiterals.Value(args[0]);
                return Row.IndexOf(column) is var at and >= 0 ? new ColumnExpr(at, Row.Columns[at].Type) : Compile(args[1]);
            }
            case "extract":
            {
                var type = args.Count > 3 && args[3].Kind == SyntaxKind.TypeofExpression ? TypeofType(args[3]) : KqlType.String;
                var compiled = args.Take(3).Select(Compile).ToList();
                return new MapExpr(type, compiled, v => Kv.ConvertTo(ScalarFunctions.Extract(v[0], v[1], v[2]), type));
            }
            case "extract_json" or "extractjson":
            {
                var type = args.Count > 2 && args[2].Kind == SyntaxKind.TypeofExpression ? TypeofType(args[2]) : KqlType.String;
                var compiled = args.Take(2).Select(Compile).ToList();
                return new MapExpr(type, compiled, v => Kv.ConvertTo(JsonPath.Select(Kv.ToText(v[0]), v[1]), type));
            }
            case "pack_all":
            {
                var columns = Row.Columns.Select((c, i) => (Expr)new ColumnExpr(i, c.Type)).ToList();
                var names = Row.Columns.Select(c => c.Name).ToArray();
                var ignoreNulls = args.Count > 0 && args[0].ToString() == "true";
                return new MapExpr(KqlType.Dynamic, columns, v => Dyn.Bag(names.Select((n, i) => KeyValuePair.Create(n, v[i]))
                    .Where(p => !ignoreNulls || (p.Value is not null && p.Value is not ""))));
            }
        }
        if (WindowFunctions.Names.Contains(name)) return WindowFunctions.Compile(name, args.Select(Compile).ToList());
        if (ScalarFunctions.Find(name) is { } function)
        {
            var compiled = args.Select(Compile).ToList();
            var type = function.ResultType(compiled.Select(a => a.Type).ToList());
            return function.PerColumn is { } perColumn
                ? new VectorExpr(type, compiled, perColumn)
                : new MapExpr(type, compiled, function.PerValue);
        }
        if (TupleFunctions.IsTuple(name))
            throw new EvaluationException($"{name}() returns several columns: use it as an extend/project item, e.g. (a, b) = {name}(…)", node.Span);
        if (Kql.Functions.Builtins.Aggregate(name) is not null)
            throw new EvaluationException($"the aggregate {name}() can only be used in summarize", node.Span);
        if (NotSupported.Reasons.TryGetValue(name, out var reason))
            throw EvaluationException.NotSupported($"function {name}() ({reason})", node);
        throw EvaluationException.NotSupported($"function {name}()", node);
    }

    /// <summary>The columns of a function returning several (<see cref="TupleFunctions"/>), one expression per part.</summary>
    public List<(string Part, Expr Expr)> TupleParts(SyntaxNode call)
    {
        var name = Naming.FunctionName(call);
        var args = Naming.Arguments(call).Select(Compile).ToList();
        var f = TupleFunctions.Implementation(name);
        return TupleFunctions.Parts(name).Select((p, i) => (p.Part, (Expr)new MapExpr(p.Type, args, v => f(v)?[i]))).ToList();
    }

    private static KqlType TypeofType(SyntaxNode typeOf) =>
        KqlTypeNames.Parse(typeOf.Tokens().Skip(2).First(t => t.Kind == SyntaxKind.Identifier).Text);

    /// <summary>iff(c, a, b) and case(c1, v1, …, else): the first true condition's value (null counts as false).</summary>
    private static Expr Choice(IReadOnlyList<Expr> args)
    {
        var values = args.Where((_, i) => i % 2 == 1 || i == args.Count - 1).ToList();
        var type = CommonType(values.Select(v => v.Type));
        if (TypedChoice.TryCompile(type, args) is { } typed) return typed;
        return new MapExpr(type, args, v =>
        {
            for (var i = 0; i + 1 < v.Length; i += 2)
                if (Kv.IsTrue(v[i])) return v[i + 1];
            return v[^1];
        });
    }

    /// <summary>The type of a value chosen among several: the shared type; numbers widen; a typed branch wins over dynamic.</summary>
    public static KqlType CommonType(IEnumerable<KqlType> types)
    {
        var list = types.ToList();
        var typed = list.Where(t => t != KqlType.Dynamic).Distinct().ToList();
        if (typed.Count == 0) return KqlType.Dynamic;
        if (typed.Count == 1) return typed[0];
        if (typed.All(t => t.IsNumeric()))
            return typed.Contains(KqlType.Real) ? KqlType.Real : typed.Contains(KqlType.Decimal) ? KqlType.Decimal : KqlType.Long;
        return KqlType.String;
    }

    /// <summary>
    /// A user function in scalar position: parameters are bound to the caller's argument expressions (or their defaults)
    /// and the body's last statement is compiled in the caller's row.
    /// </summary>
    private Expr CallUserFunction(string name, FunctionLet function, IReadOnlyList<SyntaxNode> args, SyntaxNode at)
    {
        var scope = Runner.BindParameters(function, args, Scope, this);
        var body = function.Declaration.Node(SyntaxKind.FunctionBody)!;
        SyntaxNode? last = null;
        foreach (var statement in body.Nodes())
        {
            if (statement.Kind == SyntaxKind.LetStatement) Runner.Let(statement, scope, this);
            else if (statement.Kind == SyntaxKind.ExpressionStatement) last = statement.NodeAt(0);
        }
        if (last is null) throw new EvaluationException($"function {name} has no result", at.Span);
        return new ExprCompiler(Runner, scope, Row).Compile(last);
    }
}
