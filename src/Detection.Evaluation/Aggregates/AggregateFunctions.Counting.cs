using Detection.Anomalies;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Aggregates;

internal static partial class AggregateFunctions
{
    private static IEnumerable<AggregateFunction> Counting() =>
    [
        // count() and count(x) count rows (summarize-operator.md's example: count(y) over null, 5 → 2; KQL-SEMANTICS §1).
        A("count", KqlType.Long, () => new RowCount()),
        A("countif", KqlType.Long, () => new CountIf()),
        A("dcount", KqlType.Long, () => new DistinctCount(null)),
        A("dcountif", KqlType.Long, () => new DistinctCount(1)),
        A("count_distinct", KqlType.Long, () => new ExactDistinct(null)),
        A("count_distinctif", KqlType.Long, () => new ExactDistinct(1)),
    ];

    /// <summary>A count of rows; summarize adds a chunk's counted rows of a group at once with <see cref="AddRows"/>.</summary>
    internal abstract class Tally : SingleState
    {
        private long _rows;

        public void AddRows(long rows) => _rows += rows;

        public override object? Result() => _rows;
    }

    /// <summary>count(): the rows added.</summary>
    internal sealed class RowCount : Tally
    {
        public override void Add(object?[] args) => AddRows(1);
    }

    /// <summary>countif(predicate): the rows whose predicate is true (null counts as false).</summary>
    internal sealed class CountIf : Tally
    {
        public override void Add(object?[] args)
        {
            if (Kv.IsTrue(args[0])) AddRows(1);
        }
    }

    /// <summary>dcount: exact for small sets, HyperLogLog above (Detection.Anomalies, as Kusto); nulls ignored.</summary>
    internal sealed class DistinctCount(int? predicate) : SingleState
    {
        private HyperLogLog? _sketch;

        /// <summary>True for dcount(x) without predicate: summarize may then add precomputed hashes (<see cref="AddHash"/>).</summary>
        public bool IsPlain => predicate is null;

        /// <summary>Adds a value by its <see cref="StableHash"/> (what <see cref="Add"/> computes), at the default accuracy.</summary>
        public void AddHash(ulong hash) => (_sketch ??= new HyperLogLog(1)).AddHash(hash);

        public override void Add(object?[] args)
        {
            if (predicate is { } p && !Kv.IsTrue(args[p])) return;
            var accuracyArg = predicate is null ? 1 : 2;
            var sketch = _sketch ??= new HyperLogLog((int)(Kv.ToLong(Arg(args, accuracyArg)) ?? 1));
            switch (Dyn.Unwrap(args[0]))
            {
                case null: break;
                case string s: sketch.Add(s); break;
                case long l: sketch.Add(l); break;
                case int i: sketch.Add(i); break;
                case double d: sketch.Add(d); break;
                case DateTime t: sketch.Add(t.Ticks); break;
                case TimeSpan t: sketch.Add(t.Ticks); break;
                case var v: sketch.Add(Kv.ToText(v)); break;
            }
        }

        public override object? Result() => _sketch?.Count() ?? 0L;
    }

    private sealed class ExactDistinct(int? predicate) : SingleState
    {
        private readonly HashSet<object> _seen = [];

        public override void Add(object?[] args)
        {
            if (predicate is { } p && !Kv.IsTrue(args[p])) return;
            if (Kv.Key(Dyn.Unwrap(args[0])) is { } key) _seen.Add(key);
        }

        public override object? Result() => (long)_seen.Count;
    }
}
