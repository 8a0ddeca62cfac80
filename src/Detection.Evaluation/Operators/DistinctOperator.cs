using Detection.Evaluation.Running;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Operators;

/// <summary><c>distinct a, b</c> or <c>distinct *</c>: one row per distinct combination, in order of first appearance.</summary>
internal static class DistinctOperator
{
    public static Table Run(SyntaxNode op, Table input, QueryRunner runner, Scope scope)
    {
        var items = op.Nodes().Where(n => n.Kind is not SyntaxKind.QueryParameter).ToList();
        var source = items.Any(i => i.Kind == SyntaxKind.StarExpression) ? input : ProjectOperator.Run(op, input, runner, scope);
        var seen = new HashSet<GroupKey>();
        var builder = new ResultBuilder(new TableSymbol(source.Schema.Name, source.Schema.Columns));
        foreach (var row in ResultBuilder.Rows(source))
            if (seen.Add(new GroupKey(row.Select(Kv.Key).ToArray()))) builder.Add(row);
        return builder.Build();
    }
}

/// <summary>A tuple of values compared with <see cref="Kv.Key"/> equality (grouping, distinct, join keys).</summary>
internal readonly struct GroupKey(object?[] values) : IEquatable<GroupKey>
{
    public object?[] Values { get; } = values;

    public bool Equals(GroupKey other)
    {
        if (Values.Length != other.Values.Length) return false;
        for (var i = 0; i < Values.Length; i++)
            if (!Equals(Values[i], other.Values[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is GroupKey k && Equals(k);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var v in Values) hash.Add(v);
        return hash.ToHashCode();
    }
}
