using System.Text.RegularExpressions;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;

namespace Detection.Evaluation.Expressions;

internal sealed partial class ExprCompiler
{
    private Expr Binary(SyntaxNode node)
    {
        var left = Compile(node.NodeAt(0)!);
        var right = Compile(node.NodeAt(1)!);
        var op = node.Tokens().First();
        if (TypedComparison.TryCompile(op.Kind, left, right) is { } typed)
            return TimeBoundComparison.TryCompile(op.Kind, left, right, typed) ?? typed;
        switch (op.Kind)
        {
            case SyntaxKind.EqualEqual: return new MapExpr(KqlType.Bool, [left, right], v => Kv.Equal(v[0], v[1]));
            case SyntaxKind.BangEqual or SyntaxKind.LessGreater: return new MapExpr(KqlType.Bool, [left, right], v => Kv.NotEqual(v[0], v[1]));
            case SyntaxKind.EqualTilde: return new MapExpr(KqlType.Bool, [left, right], v => Kv.EqualIgnoreCase(v[0], v[1]));
            case SyntaxKind.BangTilde: return new MapExpr(KqlType.Bool, [left, right], v => Kv.EqualIgnoreCase(v[0], v[1]) is { } e ? !e : null);
            case SyntaxKind.Less: return new MapExpr(KqlType.Bool, [left, right], v => Kv.Order(v[0], v[1]) is { } c ? c < 0 : null);
            case SyntaxKind.LessEqual: return new MapExpr(KqlType.Bool, [left, right], v => Kv.Order(v[0], v[1]) is { } c ? c <= 0 : null);
            case SyntaxKind.Greater: return new MapExpr(KqlType.Bool, [left, right], v => Kv.Order(v[0], v[1]) is { } c ? c > 0 : null);
            case SyntaxKind.GreaterEqual: return new MapExpr(KqlType.Bool, [left, right], v => Kv.Order(v[0], v[1]) is { } c ? c >= 0 : null);
            case SyntaxKind.Plus or SyntaxKind.Minus or SyntaxKind.Asterisk or SyntaxKind.Slash or SyntaxKind.Percent:
                return Arithmetic.Compile(op, left, right);
        }
        switch (op.Text)
        {
            case "and": return new VectorExpr(KqlType.Bool, [left, right], (v, n) => Logic(v[0], v[1], n, and: true));
            case "or": return new VectorExpr(KqlType.Bool, [left, right], (v, n) => Logic(v[0], v[1], n, and: false));
            case "matches":
                return new MapExpr(KqlType.Bool, [left, right], v => RegexCache.Get(Kv.ToText(v[1])).IsMatch(Kv.ToText(v[0])));
        }
        var test = StringOps.For(op.Text) ?? throw EvaluationException.NotSupported($"operator {op.Text}", op);
        return new MapExpr(KqlType.Bool, [left, right], v => test(Kv.ToText(v[0]), Kv.ToText(v[1])));
    }

    /// <summary>Three-valued and/or: false and null → false, true or null → true, otherwise null with a null (KQL-SEMANTICS §1).</summary>
    private static Vector Logic(Vector a, Vector b, int n, bool and)
    {
        if (a is BoolVector || b is BoolVector)
        {
            var x = BoolVector.Bytes(a);
            var y = BoolVector.Bytes(b);
            var result = new byte[n];
            // The same table as below: a false (and) or a true (or) decides alone, else a null makes null.
            var decisive = and ? BoolVector.False : BoolVector.True;
            for (var i = 0; i < n; i++)
                result[i] = x[i] == decisive || y[i] == decisive ? decisive
                    : x[i] == BoolVector.Null || y[i] == BoolVector.Null ? BoolVector.Null
                    : (byte)(BoolVector.True - decisive);
            return new BoolVector(result);
        }
        return Vectors.Map(KqlType.Bool, [a, b], n, v =>
        {
            var x = Kv.Condition(v[0]);
            var y = Kv.Condition(v[1]);
            if (and)
            {
                if (x == false || y == false) return false;
                return x is null || y is null ? null : true;
            }
            if (x == true || y == true) return true;
            return x is null || y is null ? null : false;
        });
    }

    private Expr Unary(SyntaxNode node)
    {
        var op = node.Tokens().First();
        var operand = Compile(node.NodeAt(0)!);
        if (op.Kind == SyntaxKind.Plus) return operand;
        return new MapExpr(operand.Type, [operand], v => v[0] switch
        {
            null => null,
            long l => -l,
            int i => -i,
            double d => -d,
            decimal m => -m,
            TimeSpan t => -t,
            _ => throw new EvaluationException($"cannot negate a {Kv.TypeOf(v[0])?.Name()} value", node.Span),
        });
    }

    private Expr Between(SyntaxNode node)
    {
        var value = Compile(node.NodeAt(0)!);
        var low = Compile(node.NodeAt(1)!);
        var high = Compile(node.NodeAt(2)!);
        var negated = node.Tokens().First().Text.StartsWith('!');
        return new MapExpr(KqlType.Bool, [value, low, high], v =>
        {
            var h = v[2] is TimeSpan span && v[1] is DateTime start ? start + span : v[2];
            var lo = Kv.Order(v[0], v[1]);
            var hi = Kv.Order(v[0], h);
            if (lo is null || hi is null) return null;
            var inside = lo >= 0 && hi <= 0;
            return negated ? !inside : inside;
        });
    }

    private Expr Member(SyntaxNode node)
    {
        var left = node.NodeAt(0)!;
        var name = Naming.NameText(node.NodeAt(1)!);
        if (left.Kind == SyntaxKind.NameReference && left.FirstToken!.Text is "$left" or "$right")
            throw new EvaluationException($"{left.FirstToken.Text}.{name} is only allowed in a join's on clause", node.Span);
        var target = Compile(left);
        return new MapExpr(KqlType.Dynamic, [target], v => Dyn.Member(v[0], name));
    }

    private Expr Element(SyntaxNode node)
    {
        var target = Compile(node.NodeAt(0)!);
        var index = Compile(node.NodeAt(1)!);
        return new MapExpr(KqlType.Dynamic, [target, index], v => Dyn.Unwrap(v[1]) switch
        {
            string key => Dyn.Member(v[0], key),
            null => null,
            var i => Kv.ToLong(i) is { } at ? Dyn.Index(v[0], at) : null,
        });
    }
}

/// <summary>Compiled regular expressions by pattern (.NET syntax standing in for RE2 on the patterns rules use).</summary>
internal static class RegexCache
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Cache = new();

    public static Regex Get(string pattern) =>
        // RE2 spells a named group (?P<name>…), .NET (?<name>…) (extract-all-function.md's named-groups example)
        Cache.GetOrAdd(pattern, p => new Regex(p.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(5)));
}
