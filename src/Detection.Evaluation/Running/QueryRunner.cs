using Detection.Evaluation.Expressions;
using Detection.Evaluation.Operators;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Running;

/// <summary>
/// Runs the statements of a query: let statements fill the scope, each tabular statement is evaluated operator by
/// operator (each operator in its own file under Operators/). One instance per query run; not thread-safe.
/// </summary>
internal sealed partial class QueryRunner(EvaluationContext context)
{
    public static readonly TableSymbol NoColumns = new("print", []);

    public EvaluationContext Context { get; } = context;

    /// <summary>The context's string ids, else this query's own.</summary>
    public StringIds Strings => _strings ??= Context.StringIds ?? new StringIds();

    private StringIds? _strings;

    /// <summary>The result of the last tabular statement.</summary>
    public Table RunQuery(SyntaxNode query)
    {
        var scope = new Scope(null);
        Table? last = null;
        foreach (var statement in query.Nodes())
        {
            switch (statement.Kind)
            {
                case SyntaxKind.LetStatement: Let(statement, scope, null); break;
                case SyntaxKind.ExpressionStatement: last = Tabular(statement.NodeAt(0)!, scope); break;
                case SyntaxKind.SetStatement: break;
                case SyntaxKind.SkippedTokens: throw new EvaluationException("the query has a syntax error", statement.Span);
                default: throw EvaluationException.NotSupported($"statement {statement.Kind}", statement);
            }
        }
        return last ?? throw new EvaluationException("the query has no tabular statement to run");
    }

    /// <summary>Adds a let to <paramref name="scope"/>: a function, a lazily evaluated table, or a scalar.</summary>
    public void Let(SyntaxNode let, Scope scope, ExprCompiler? caller)
    {
        var name = Naming.NameText(let.NodeAt(0)!);
        var value = let.NodeAt(1)!;
        if (value.Kind == SyntaxKind.FunctionDeclaration)
        {
            scope.Add(name, new FunctionLet(value, scope));
            return;
        }
        if (IsTabular(value, scope))
        {
            var snapshot = scope;
            scope.Add(name, new TabularLet(new Lazy<Table>(() => Tabular(value, snapshot))));
            return;
        }
        var expr = new ExprCompiler(this, scope, caller?.Row ?? NoColumns).Compile(value);
        scope.Add(name, expr.IsConstant ? new ScalarLet(expr.Type, expr.Eval(new Chunk(1, [])).Get(0)) : new ExprLet(expr));
    }

    /// <summary>A scope for a call of a user function: each parameter bound to its argument (scalar or table) or its default.</summary>
    public Scope BindParameters(FunctionLet function, IReadOnlyList<SyntaxNode> args, Scope callerScope, ExprCompiler? caller)
    {
        var scope = new Scope(function.Closure);
        var parameters = function.Declaration.Node(SyntaxKind.FunctionParameters)!.Nodes().Where(n => n.Kind == SyntaxKind.FunctionParameter).ToList();
        for (var i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            var name = Naming.NameText(p.NodeAt(0)!);
            var arg = i < args.Count ? args[i] : p.Nodes().Skip(1).LastOrDefault(n => n.Kind != SyntaxKind.SchemaList);
            if (arg is null) throw new EvaluationException($"no value for parameter '{name}'", p.Span);
            if (p.Node(SyntaxKind.SchemaList) is not null)
            {
                scope.Add(name, new TabularLet(new Lazy<Table>(() => Tabular(arg, callerScope))));
                continue;
            }
            var expr = new ExprCompiler(this, i < args.Count ? callerScope : scope, caller?.Row ?? NoColumns).Compile(arg);
            var declared = p.Tokens().Skip(1).FirstOrDefault(t => t.Kind == SyntaxKind.Identifier);
            if (declared is not null && KqlTypeNames.TryParse(declared.Text, out var type) && type != expr.Type)
                expr = new MapExpr(type, [expr], v => Values.Kv.ConvertTo(v[0], type));
            scope.Add(name, expr.IsConstant ? new ScalarLet(expr.Type, expr.Eval(new Chunk(1, [])).Get(0)) : new ExprLet(expr));
        }
        return scope;
    }

    /// <summary>True when <paramref name="node"/> is a tabular expression (a pipeline, a table, a tabular let…).</summary>
    public bool IsTabular(SyntaxNode node, Scope scope)
    {
        switch (node.Kind)
        {
            case SyntaxKind.PipeExpression or SyntaxKind.DataTableExpression or SyntaxKind.PrintOperator or SyntaxKind.UnionOperator
                or SyntaxKind.RangeOperator:
                return true;
            case SyntaxKind.ParenthesizedExpression:
                return IsTabular(node.NodeAt(0)!, scope);
            case SyntaxKind.NameReference or SyntaxKind.BracketedName:
                var name = Naming.NameText(node);
                return scope.Lookup(name) switch
                {
                    TabularLet => true,
                    FunctionLet f => ReturnsTable(f),
                    null => Context.FindTable(name) is not null,
                    _ => false,
                };
            case SyntaxKind.CallExpression:
                var function = Naming.FunctionName(node);
                if (scope.Lookup(function) is FunctionLet user) return ReturnsTable(user);
                return function is "table" or "materialize";
            default:
                return false;
        }
    }

    private bool ReturnsTable(FunctionLet function)
    {
        var last = function.Declaration.Node(SyntaxKind.FunctionBody)!.Nodes().LastOrDefault(n => n.Kind == SyntaxKind.ExpressionStatement);
        if (last?.NodeAt(0) is not { } body) return false;
        var scope = new Scope(function.Closure);
        foreach (var p in function.Declaration.Node(SyntaxKind.FunctionParameters)!.Nodes().Where(n => n.Kind == SyntaxKind.FunctionParameter))
            if (p.Node(SyntaxKind.SchemaList) is not null) scope.Add(Naming.NameText(p.NodeAt(0)!), new TabularLet(new Lazy<Table>(() => throw new InvalidOperationException())));
        foreach (var let in function.Declaration.Node(SyntaxKind.FunctionBody)!.Nodes().Where(n => n.Kind == SyntaxKind.LetStatement))
            if (let.NodeAt(1)!.Kind != SyntaxKind.FunctionDeclaration && IsTabular(let.NodeAt(1)!, scope))
                scope.Add(Naming.NameText(let.NodeAt(0)!), new TabularLet(new Lazy<Table>(() => throw new InvalidOperationException())));
        return IsTabular(body, scope);
    }
}
