using Detection.Kql.Syntax;

namespace Detection.Kql.Binding;

/// <summary>A name introduced by <c>let</c>, a function parameter or <c>declare query_parameters</c>.</summary>
internal abstract record LocalSymbol(string Name);

/// <summary>A let name or parameter with its type.</summary>
/// <param name="Name">The name.</param>
/// <param name="Type">Its type.</param>
/// <param name="Constant">The string value when known at bind time (a function argument given as a literal), so <c>table(name)</c> resolves.</param>
internal sealed record VariableSymbol(string Name, TypeSymbol Type, string? Constant = null) : LocalSymbol(Name);

internal sealed record ParameterInfo(string Name, TypeSymbol Type, bool HasDefault);

/// <summary>A user function: its parameters, its body and the scope it was declared in (KQL functions see the lets before them).</summary>
internal sealed record UserFunctionSymbol(string Name, IReadOnlyList<ParameterInfo> Parameters, SyntaxNode Body, Scope Closure)
    : LocalSymbol(Name);

/// <summary>A chain of name tables; inner scopes shadow outer ones.</summary>
internal sealed class Scope(Scope? parent)
{
    private readonly Dictionary<string, LocalSymbol> _symbols = new(StringComparer.Ordinal);

    public Scope? Parent { get; } = parent;

    public void Add(LocalSymbol symbol) => _symbols[symbol.Name] = symbol;

    public LocalSymbol? Lookup(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
            if (scope._symbols.TryGetValue(name, out var symbol)) return symbol;
        return null;
    }
}
