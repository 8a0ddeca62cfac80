using Detection.Evaluation.Expressions;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Running;

/// <summary>What a let name (or function parameter) stands for.</summary>
internal abstract record LetValue;

/// <summary>A scalar let: computed once (a let is a calculation, but a scalar one has no row to depend on).</summary>
internal sealed record ScalarLet(KqlType Type, object? Value) : LetValue;

/// <summary>A scalar function parameter bound to the caller's expression (evaluated in the caller's row).</summary>
internal sealed record ExprLet(Expr Expr) : LetValue;

/// <summary>A tabular let: evaluated when first referenced, then reused.</summary>
internal sealed record TabularLet(Lazy<Table> Table) : LetValue;

/// <summary>A user function: its declaration and the scope it was declared in.</summary>
internal sealed record FunctionLet(SyntaxNode Declaration, Scope Closure) : LetValue;

/// <summary>A chain of name tables; inner scopes shadow outer ones (the innermost let wins).</summary>
internal sealed class Scope(Scope? parent)
{
    private readonly Dictionary<string, LetValue> _names = new(StringComparer.Ordinal);

    public void Add(string name, LetValue value) => _names[name] = value;

    public LetValue? Lookup(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
            if (scope._names.TryGetValue(name, out var value)) return value;
        return null;
    }

    public Scope? Parent { get; } = parent;
}
