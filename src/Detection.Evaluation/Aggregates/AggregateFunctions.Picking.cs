using Detection.Evaluation.Functions;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Aggregates;

internal static partial class AggregateFunctions
{
    private static IEnumerable<AggregateFunction> Picking() =>
    [
        A("any", t => t[0], _ => new TakeAny(null)),
        A("anyif", t => t[0], _ => new TakeAny(1)),
        A("take_anyif", t => t[0], _ => new TakeAny(1)),
    ];

    /// <summary>take_any: the values of the first row seen (deterministic where Kusto picks any row).</summary>
    internal sealed class TakeAny(int? predicate, int columns = 1) : AggregateState
    {
        private object?[]? _row;

        public override void Add(object?[] args)
        {
            if (_row is not null) return;
            if (predicate is { } p && !Kv.IsTrue(args[p])) return;
            _row = args.Take(predicate is null ? columns : 1).ToArray();
        }

        public override void Results(List<object?> into)
        {
            for (var i = 0; i < (predicate is null ? columns : 1); i++) into.Add(_row?[i]);
        }
    }

    /// <summary>arg_max / arg_min: the row with the largest (smallest) first argument; its other arguments are returned with it.</summary>
    internal sealed class ArgExtreme(int sign, int columns) : AggregateState
    {
        private object?[]? _best;

        public override void Add(object?[] args)
        {
            if (args[0] is null) return;
            if (_best is null || ValueComparer.Instance.Compare(args[0], _best[0]) * sign > 0) _best = (object?[])args.Clone();
        }

        /// <summary>The same as <see cref="Add(object?[])"/> on the row's values, boxing the other columns only when the row wins.</summary>
        public void Add(Vector[] args, int row)
        {
            var x = args[0].Get(row);
            if (x is null || (_best is not null && ValueComparer.Instance.Compare(x, _best[0]) * sign <= 0)) return;
            _best = new object?[args.Length];
            _best[0] = x;
            for (var i = 1; i < args.Length; i++) _best[i] = args[i].Get(row);
        }

        public override void Results(List<object?> into)
        {
            for (var i = 0; i < columns; i++) into.Add(_best?[i]);
        }
    }
}
