using System.Globalization;
using Detection.Evaluation.Running;
using Detection.Evaluation.Values;
using Detection.Kql.Parsing;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;

namespace Detection.Evaluation.Expressions;

/// <summary>
/// Compiles a scalar expression of the syntax tree against the columns of an operator's input (<see cref="Row"/>) and
/// the let names in scope, into an <see cref="Expr"/> with a static type. One instance per operator; not thread-safe.
/// </summary>
internal sealed partial class ExprCompiler(QueryRunner runner, Scope scope, TableSymbol row)
{
    public TableSymbol Row { get; } = row;

    public Scope Scope { get; } = scope;

    public QueryRunner Runner { get; } = runner;

    /// <summary>Nodes that stand for a column of <see cref="Row"/> (summarize: the aggregates inside an expression).</summary>
    public IReadOnlyDictionary<SyntaxNode, int>? Substitutions { get; init; }

    public Expr Compile(SyntaxNode node)
    {
        RuntimeHelpersGuard();
        if (Substitutions is not null && Substitutions.TryGetValue(node, out var substituted))
            return new ColumnExpr(substituted, Row.Columns[substituted].Type);
        switch (node.Kind)
        {
            case SyntaxKind.LiteralExpression: return Literal(node.FirstToken!);
            case SyntaxKind.StringLiteralExpression: return new ConstantExpr(KqlType.String, StringLiterals.Value(node));
            case SyntaxKind.DynamicLiteral: return new ConstantExpr(KqlType.Dynamic, DynamicValue(node));
            case SyntaxKind.NameReference or SyntaxKind.BracketedName: return Name(node);
            case SyntaxKind.ParenthesizedExpression: return Parenthesized(node);
            case SyntaxKind.BinaryExpression: return Binary(node);
            case SyntaxKind.UnaryExpression: return Unary(node);
            case SyntaxKind.InExpression: return In(node);
            case SyntaxKind.BetweenExpression: return Between(node);
            case SyntaxKind.CallExpression: return Call(node);
            case SyntaxKind.MemberAccess: return Member(node);
            case SyntaxKind.ElementAccess: return Element(node);
            case SyntaxKind.NamedExpression: return Compile(node.NodeAt(1)!);
            case SyntaxKind.MissingExpression or SyntaxKind.SkippedTokens:
                throw new EvaluationException("the query has a syntax error here", node.Span);
            case SyntaxKind.ExternalDataExpression:
                throw EvaluationException.NotSupported("externaldata (the evaluator reads no URLs: no network access)", node);
            default:
                throw EvaluationException.NotSupported($"expression '{Short(node)}' ({node.Kind})", node);
        }
    }

    private static void RuntimeHelpersGuard() => System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();

    public static string Short(SyntaxNode node)
    {
        var text = node.ToString();
        return text.Length > 40 ? text[..40] + "…" : text;
    }

    private Expr Name(SyntaxNode node)
    {
        var name = Naming.NameText(node);
        var ordinal = Row.IndexOf(name);
        if (ordinal >= 0) return new ColumnExpr(ordinal, Row.Columns[ordinal].Type);
        switch (Scope.Lookup(name))
        {
            case ScalarLet s: return new ConstantExpr(s.Type, s.Value);
            case ExprLet e: return e.Expr;
            case TabularLet: throw new EvaluationException($"'{name}' is a table; a scalar is expected here (use toscalar())", node.Span);
            case FunctionLet f: return CallUserFunction(name, f, [], node);
        }
        throw new EvaluationException($"unknown column or name '{name}'", node.Span);
    }

    private Expr Parenthesized(SyntaxNode node)
    {
        var inner = node.NodeAt(0)!;
        if (Runner.IsTabular(inner, Scope)) return ToScalar(inner);
        return Compile(inner);
    }

    /// <summary>The first column of the first row of a tabular expression (as <c>toscalar</c>).</summary>
    public Expr ToScalar(SyntaxNode tabular)
    {
        var table = Runner.Tabular(tabular, Scope);
        if (table.Schema.Columns.Length == 0) throw new EvaluationException("toscalar() of a table without columns", tabular.Span);
        var type = table.Schema.Columns[0].Type;
        var value = table.RowCount == 0 ? null : table.Chunks.First(c => c.RowCount > 0) is var c ? new ColumnVector(c[0]).Get(0) : null;
        return new ConstantExpr(type, value);
    }

    private Expr Literal(SyntaxToken token)
    {
        var text = token.Text;
        switch (token.Kind)
        {
            case SyntaxKind.LongLiteral:
                return new ConstantExpr(KqlType.Long, text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                    ? long.Parse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                    : long.Parse(text, CultureInfo.InvariantCulture));
            case SyntaxKind.RealLiteral:
                return new ConstantExpr(KqlType.Real, double.Parse(text, CultureInfo.InvariantCulture));
            case SyntaxKind.TimespanLiteral:
                return new ConstantExpr(KqlType.TimeSpan, Timespans.TryParseLiteral(text));
            case SyntaxKind.Identifier when text is "true" or "false":
                return new ConstantExpr(KqlType.Bool, text == "true");
            case SyntaxKind.Identifier when text == "null":
                return new ConstantExpr(KqlType.Dynamic, null);
            case SyntaxKind.TypedLiteral:
                return TypedLiteral(token);
            default:
                throw EvaluationException.NotSupported($"literal {text}", token);
        }
    }

    private Expr TypedLiteral(SyntaxToken token)
    {
        var open = token.Text.IndexOf('(');
        var type = KqlTypeNames.Parse(token.Text[..open]);
        var content = token.Text[(open + 1)..^1].Trim();
        if (content == "null") return new ConstantExpr(type, null);
        if (type == KqlType.DateTime && content.Length == 0) return new ConstantExpr(type, Runner.Context.Now);
        object? value = type switch
        {
            KqlType.Real => content switch { "nan" => double.NaN, "+inf" or "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, _ => Kv.ToReal(content) },
            KqlType.Bool => content is "true" or "True" or "1",
            _ => Kv.ConvertTo(content, type),
        };
        if (value is null) throw new EvaluationException($"'{token.Text}' is not a valid {type.Name()} literal", token.Span);
        return new ConstantExpr(type, value);
    }

    /// <summary>The value of <c>dynamic(…)</c> and of the array, bag and scalar literals inside it.</summary>
    private object? DynamicValue(SyntaxNode node)
    {
        var open = node.Tokens().FirstOrDefault()?.Kind;
        if (node.Kind == SyntaxKind.DynamicLiteral && open == SyntaxKind.OpenBracket)
            return Dyn.Array(node.Nodes().Select(DynamicValue));
        if (node.Kind == SyntaxKind.DynamicLiteral && open == SyntaxKind.OpenBrace)
            return Dyn.Bag(node.Nodes().Where(n => n.Kind == SyntaxKind.DynamicProperty).Select(p =>
            {
                var key = p.NodeAt(0)!;
                var name = key.Kind == SyntaxKind.StringLiteralExpression ? StringLiterals.Value(key) : Naming.NameText(key);
                return KeyValuePair.Create(name, DynamicValue(p.NodeAt(1)!));
            }));
        if (node.Kind == SyntaxKind.DynamicLiteral)
            return node.NodeAt(0) is { } inner ? Dyn.From(DynamicValue(inner)) : null;
        var expr = Compile(node);
        if (!expr.IsConstant) throw new EvaluationException("a dynamic literal holds constants only", node.Span);
        return expr.Eval(new Tables.Chunk(1, [])).Get(0);
    }
}
