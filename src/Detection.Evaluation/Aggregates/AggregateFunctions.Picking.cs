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

        /// <summary>True without a predicate: only the first row offered is taken, so summarize may offer a group's first rows alone.</summary>
        public bool IsPlain => predicate is null;

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
        // The winner is either boxed values or a row of argument vectors, read only when the results are taken; its first
        // argument is kept boxed, or as a raw long when it came by Add(args, row, order).
        private object?[]? _best;
        private Vector[]? _bestVectors;
        private int _bestRow;
        private object? _bestKey;
        private bool _hasOrder;
        private long _bestOrder;

        /// <summary>1 for arg_max, -1 for arg_min.</summary>
        public int Sign => sign;

        public override void Add(object?[] args)
        {
            if (!Wins(args[0])) return;
            _best = (object?[])args.Clone();
            _bestVectors = null;
            _bestKey = args[0];
            _hasOrder = false;
        }

        /// <summary>The same as <see cref="Add(object?[])"/> on the row's values; the row's other columns are read only if it is the final winner.</summary>
        public void Add(Vector[] args, int row)
        {
            var x = args[0].Get(row);
            if (!Wins(x)) return;
            Keep(args, row);
            _bestKey = x;
        }

        /// <summary>
        /// The same, the first argument (not null) also given as <paramref name="order"/> (a time's ticks, a long): compared
        /// unboxed when the best so far came this way too.
        /// </summary>
        public void Add(Vector[] args, int row, long order)
        {
            if (_hasOrder)
            {
                if (sign > 0 ? order <= _bestOrder : order >= _bestOrder) return;
            }
            else if (!Wins(args[0].Get(row))) return;
            Keep(args, row);
            _hasOrder = true;
            _bestOrder = order;
        }

        private void Keep(Vector[] args, int row)
        {
            _best = null;
            _bestVectors = args;
            _bestRow = row;
            _bestKey = null;
            _hasOrder = false;
        }

        private bool Wins(object? x)
        {
            if (x is null) return false;
            if (_best is null && _bestVectors is null) return true;
            var best = _bestKey ??= _bestVectors is { } vectors ? vectors[0].Get(_bestRow) : _best![0];
            return ValueComparer.Instance.Compare(x, best) * sign > 0;
        }

        /// <summary>
        /// The winner as a row of argument vectors (null vectors: no winner, every result null); false when it came as
        /// boxed values.
        /// </summary>
        public bool TryWinnerRow(out Vector[]? vectors, out int row)
        {
            vectors = _bestVectors;
            row = _bestRow;
            return _best is null;
        }

        public override void Results(List<object?> into)
        {
            for (var i = 0; i < columns; i++) into.Add(_bestVectors is { } vectors ? vectors[i].Get(_bestRow) : _best?[i]);
        }
    }
}
