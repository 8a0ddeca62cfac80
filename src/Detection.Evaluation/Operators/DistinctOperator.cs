using Detection.Evaluation.Running;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Operators;

/// <summary>
/// <c>distinct a, b</c> or <c>distinct *</c>: one row per distinct combination, in order of first appearance. The first
/// rows are gathered chunk by chunk (dictionaries kept); one or two string columns are keyed by their string ids
/// (<see cref="KeyIds"/>).
/// </summary>
internal static class DistinctOperator
{
    public static Table Run(SyntaxNode op, Table input, QueryRunner runner, Scope scope)
    {
        var items = op.Nodes().Where(n => n.Kind is not SyntaxKind.QueryParameter).ToList();
        var source = items.Any(i => i.Kind == SyntaxKind.StarExpression) ? input : ProjectOperator.Run(op, input, runner, scope);
        // Ids are given in order of first appearance: a row is the first of its key when it gets the next new id.
        var ids = new KeyIds(runner.Strings);
        var next = 0;
        var chunks = new List<Chunk>();
        foreach (var chunk in source.Chunks)
        {
            var idOf = Ids(chunk, ids);
            var first = new List<int>();
            for (var r = 0; r < chunk.RowCount; r++)
            {
                if (idOf(r) != next) continue;
                next++;
                first.Add(r);
            }
            if (first.Count == chunk.RowCount) chunks.Add(chunk);
            else if (first.Count > 0) chunks.Add(chunk.Gather(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(first)));
        }
        return new Table(source.Schema, chunks);
    }

    private static Func<int, int> Ids(Chunk chunk, KeyIds ids)
    {
        if (ids.ForColumns(chunk.Columns, add: true) is { } stringIds) return stringIds;
        var vectors = chunk.Columns.Select(c => new ColumnVector(c)).ToArray();
        return r =>
        {
            var values = new object?[vectors.Length];
            for (var i = 0; i < values.Length; i++) values[i] = Kv.Key(vectors[i].Get(r));
            return ids.Find(values, add: true);
        };
    }
}

/// <summary>
/// A tuple of values compared with <see cref="Kv.Key"/> equality (grouping, distinct, join keys). The hash is computed
/// once: a key is looked up many times (a join probes with each row's key).
/// </summary>
internal readonly struct GroupKey : IEquatable<GroupKey>
{
    private readonly int _hash;

    public GroupKey(object?[] values)
    {
        Values = values;
        var hash = new HashCode();
        foreach (var v in values) hash.Add(v);
        _hash = hash.ToHashCode();
    }

    public object?[] Values { get; }

    public bool Equals(GroupKey other)
    {
        if (_hash != other._hash || Values.Length != other.Values.Length) return false;
        if (ReferenceEquals(Values, other.Values)) return true;
        for (var i = 0; i < Values.Length; i++)
            if (!Equals(Values[i], other.Values[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is GroupKey k && Equals(k);

    public override int GetHashCode() => _hash;
}
