using System.Runtime.CompilerServices;
using Detection.Kql.Diagnostics;
using Detection.Kql.Schemas;
using Detection.Kql.Syntax;

namespace Detection.Kql.Binding;

/// <summary>
/// Resolves names and computes types over a parsed query: the output columns of every operator through the
/// pipeline, tables from the <see cref="SchemaSet"/>, let names, user functions and builtins (<see cref="Functions.Builtins"/>).
/// One instance binds one query on one thread; use <see cref="Bind"/>.
/// </summary>
public sealed partial class Binder
{
    private readonly SchemaSet _schemas;
    private readonly List<Diagnostic> _diagnostics = [];
    private Scope _scope = new(null);
    private int _suppress;

    /// <summary>The columns that plain names resolve to (the input of the operator being bound), or null outside a pipeline.</summary>
    private TableShape? _row;

    /// <summary>Inside a join's <c>on</c> clause: the two sides, for <c>$left</c>/<c>$right</c>.</summary>
    private (TableShape Left, TableShape Right)? _joinSides;

    /// <summary>True while binding the aggregates of summarize / make-series (aggregate functions take precedence).</summary>
    private bool _inAggregation;

    private Binder(SchemaSet schemas) => _schemas = schemas;

    public static BindingResult Bind(SyntaxNode query, SchemaSet schemas)
    {
        var binder = new Binder(schemas);
        TableShape? result = null;
        try
        {
            result = binder.BindStatements(query.Nodes());
        }
        catch (InsufficientExecutionStackException)
        {
            binder._diagnostics.Add(DiagnosticFactory.Nesting(query.Span, Parsing.Parser.MaxDepth));
        }
        return new BindingResult(binder._diagnostics, result);
    }

    private void Report(Diagnostic diagnostic)
    {
        if (_suppress == 0) _diagnostics.Add(diagnostic);
    }

    /// <summary>Binds statements in order, each let adding to the current scope; returns the last tabular result.</summary>
    private TableShape? BindStatements(IEnumerable<SyntaxNode> statements)
    {
        TableShape? last = null;
        foreach (var statement in statements)
        {
            switch (statement.Kind)
            {
                case SyntaxKind.LetStatement:
                    BindLet(statement);
                    break;
                case SyntaxKind.DeclareStatement:
                    foreach (var p in statement.Nodes().Where(n => n.Kind == SyntaxKind.FunctionParameter))
                        _scope.Add(new VariableSymbol(NameText(p.NodeAt(0)!), ParameterType(p)));
                    break;
                case SyntaxKind.ExpressionStatement:
                    // A bare name as a whole statement is reported as an unknown name, a piped one as an unknown table (as Kusto does).
                    var type = BindTabularOrScalar(statement.NodeAt(0)!, expectTable: false);
                    last = type.Table ?? last;
                    break;
            }
        }
        return last;
    }

    private void BindLet(SyntaxNode let)
    {
        var name = NameText(let.NodeAt(0)!);
        var value = let.NodeAt(1)!;
        if (value.Kind == SyntaxKind.FunctionDeclaration)
        {
            var function = DeclareFunction(name, value);
            _scope.Add(function);
            return;
        }
        var type = BindTabularOrScalar(value, expectTable: false);
        _scope.Add(new VariableSymbol(name, type));
    }

    private UserFunctionSymbol DeclareFunction(string name, SyntaxNode declaration)
    {
        var parameters = declaration.Node(SyntaxKind.FunctionParameters)!.Nodes()
            .Where(n => n.Kind == SyntaxKind.FunctionParameter)
            .Select(p => new ParameterInfo(NameText(p.NodeAt(0)!), ParameterType(p), p.Tokens().Any(t => t.Kind == SyntaxKind.Equal)))
            .ToList();
        var body = declaration.Node(SyntaxKind.FunctionBody)!;
        var symbol = new UserFunctionSymbol(name, parameters, body, _scope);
        // Bind the body once with the declared parameter types, to report errors inside it at the declaration.
        BindFunctionBody(symbol, parameters.Select(p => p.Type).ToList());
        return symbol;
    }

    private TypeSymbol BindFunctionBody(UserFunctionSymbol function, IReadOnlyList<TypeSymbol> arguments, IReadOnlyList<string?>? constants = null)
    {
        var saved = (_scope, _row, _joinSides, _inAggregation);
        _scope = new Scope(function.Closure);
        _row = null;
        _joinSides = null;
        _inAggregation = false;
        try
        {
            for (var i = 0; i < function.Parameters.Count; i++)
                _scope.Add(new VariableSymbol(function.Parameters[i].Name, i < arguments.Count ? arguments[i] : function.Parameters[i].Type,
                    constants is not null && i < constants.Count ? constants[i] : null));
            var result = TypeSymbol.Error;
            foreach (var statement in function.Body.Nodes())
            {
                if (statement.Kind == SyntaxKind.LetStatement) BindLet(statement);
                else if (statement.Kind == SyntaxKind.ExpressionStatement) result = BindTabularOrScalar(statement.NodeAt(0)!, expectTable: false);
            }
            return result;
        }
        finally
        {
            (_scope, _row, _joinSides, _inAggregation) = saved;
        }
    }

    /// <summary>The declared type of a function or query parameter: a scalar type, a tabular schema, or <c>(*)</c> (any table).</summary>
    private TypeSymbol ParameterType(SyntaxNode parameter)
    {
        var schema = parameter.Node(SyntaxKind.SchemaList);
        if (schema is not null)
            return TypeSymbol.TableOf(SchemaFromList(schema));
        var typeToken = parameter.Tokens().Skip(1).FirstOrDefault(t => t.Kind == SyntaxKind.Identifier);
        return typeToken is not null && Symbols.KqlTypeNames.TryParse(typeToken.Text, out var t) ? TypeSymbol.Of(t) : TypeSymbol.Error;
    }

    /// <summary>Columns of a <c>(a: string, b: long)</c> list; <c>(*)</c> is an open, empty shape.</summary>
    private static TableShape SchemaFromList(SyntaxNode schema)
    {
        if (schema.Tokens().Any(t => t.Kind == SyntaxKind.Asterisk)) return TableShape.Open;
        var columns = schema.Nodes().Where(n => n.Kind == SyntaxKind.SchemaColumn).Select(c =>
        {
            var typeToken = c.Tokens().LastOrDefault(t => t.Kind == SyntaxKind.Identifier);
            var type = typeToken is not null && Symbols.KqlTypeNames.TryParse(typeToken.Text, out var t) ? TypeSymbol.Of(t) : TypeSymbol.Dynamic;
            return new BoundColumn(NameText(c.NodeAt(0)!), type);
        });
        return new TableShape(columns);
    }

    /// <summary>Guards recursion: deep inputs end in a diagnostic instead of a stack overflow.</summary>
    private static void EnsureStack() => RuntimeHelpers.EnsureSufficientExecutionStack();
}
