using Detection.Anomalies;
using Detection.Evaluation.Functions;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Aggregates;

internal static partial class AggregateFunctions
{
    private static IEnumerable<AggregateFunction> Numeric() =>
    [
        A("sum", t => SumType(t[0]), t => new Sum(SumType(t[0]), null)),
        A("sumif", t => SumType(t[0]), t => new Sum(SumType(t[0]), 1)),
        A("avg", KqlType.Real, () => new Average(null)),
        A("avgif", KqlType.Real, () => new Average(1)),
        A("min", t => t[0], _ => new Extreme(-1, null)),
        A("max", t => t[0], _ => new Extreme(1, null)),
        A("minif", t => t[0], _ => new Extreme(-1, 1)),
        A("maxif", t => t[0], _ => new Extreme(1, 1)),
        A("stdev", KqlType.Real, () => new Spread(null, m => m.SampleStdev)),
        A("stdevif", KqlType.Real, () => new Spread(1, m => m.SampleStdev)),
        A("stdevp", KqlType.Real, () => new Spread(null, m => m.PopulationStdev)),
        A("variance", KqlType.Real, () => new Spread(null, m => m.SampleVariance)),
        A("varianceif", KqlType.Real, () => new Spread(1, m => m.SampleVariance)),
        A("variancep", KqlType.Real, () => new Spread(null, m => m.PopulationVariance)),
        A("percentile", t => t[0], t => new Percentile(t[0], 1)),
    ];

    private static KqlType SumType(KqlType t) => t switch
    {
        KqlType.Int or KqlType.Long or KqlType.Bool => KqlType.Long,
        KqlType.Decimal or KqlType.TimeSpan => t,
        _ => KqlType.Real,
    };

    /// <summary>
    /// sum: nulls ignored (summarize-operator.md: sum over null, 5, 5, 5 → 15); no value at all → 0, the aggregate's
    /// default value (summarize-operator.md, "Default values of aggregations": sum_x and sumif_x are 0 on empty input).
    /// </summary>
    private sealed class Sum(KqlType type, int? predicate) : SingleState
    {
        private long _long;
        private double _real;
        private decimal _decimal;

        public override void Add(object?[] args)
        {
            if (predicate is { } p && !Kv.IsTrue(args[p])) return;
            var v = Dyn.Unwrap(args[0]);
            if (v is null) return;
            switch (type)
            {
                case KqlType.Long: _long += Kv.ToLong(v) ?? 0; break;
                case KqlType.TimeSpan: _long += v is TimeSpan t ? t.Ticks : 0; break;
                case KqlType.Decimal: _decimal += Kv.ToDecimal(v) ?? 0; break;
                default: _real += Kv.ToReal(v) ?? 0; break;
            }
        }

        public override object? Result() => type switch
        {
            KqlType.Long => _long,
            KqlType.TimeSpan => TimeSpan.FromTicks(_long),
            KqlType.Decimal => _decimal,
            _ => _real,
        };
    }

    /// <summary>
    /// avg over the non-null values (sum 15 over null, 5, 5, 5 → 5); over no value NaN, "due to dividing by 0"
    /// (summarize-operator.md's empty-input example shows avg_x = NaN).
    /// </summary>
    private sealed class Average(int? predicate) : SingleState
    {
        private double _sum;
        private long _count;

        public override void Add(object?[] args)
        {
            if (predicate is { } p && !Kv.IsTrue(args[p])) return;
            if (Kv.ToReal(args[0]) is not { } v) return;
            _sum += v;
            _count++;
        }

        public override object? Result() => _count == 0 ? double.NaN : _sum / _count;
    }

    internal sealed class Extreme(int sign, int? predicate) : SingleState
    {
        private object? _best;

        /// <summary>1 for max, -1 for min.</summary>
        public int Sign => sign;

        /// <summary>min/max without a predicate (minif/maxif have one).</summary>
        public bool IsPlain => predicate is null;

        public override void Add(object?[] args)
        {
            if (predicate is { } p && !Kv.IsTrue(args[p])) return;
            var v = args[0];
            if (v is null) return;
            if (_best is null || ValueComparer.Instance.Compare(v, _best) * sign > 0) _best = v;
        }

        public override object? Result() => _best;
    }

    private sealed class Spread(int? predicate, Func<Moments, double> result) : SingleState
    {
        private Moments _moments;

        public override void Add(object?[] args)
        {
            if (predicate is { } p && !Kv.IsTrue(args[p])) return;
            if (Kv.ToReal(args[0]) is { } v) _moments.Add(v);
        }

        // summarize-operator.md: the default value of variance and stdev (no value at all) is 0
        public override object? Result() => _moments.Count == 0 ? 0.0 : result(_moments);
    }

    /// <summary>percentile(x, p) and percentiles(x, p1, p2, …): nearest rank (Detection.Anomalies.Percentiles), in x's type.</summary>
    internal sealed class Percentile(KqlType type, int count) : AggregateState
    {
        private readonly List<double> _values = [];
        private double[] _percents = [];

        public override void Add(object?[] args)
        {
            if (_percents.Length == 0) _percents = args.Skip(1).Select(a => Kv.ToReal(a) ?? 50).ToArray();
            switch (Dyn.Unwrap(args[0]))
            {
                case null: return;
                case DateTime d: _values.Add(d.Ticks); break;
                case TimeSpan t: _values.Add(t.Ticks); break;
                case var v when Kv.ToReal(v) is { } r: _values.Add(r); break;
            }
        }

        public override void Results(List<object?> into)
        {
            if (_values.Count == 0)
            {
                // no row seen, so the percentages were never read: one null per requested percentile (summarize-operator.md)
                into.AddRange(Enumerable.Repeat((object?)null, count));
                return;
            }
            foreach (var r in Percentiles.Compute(_values.ToArray(), _percents))
            {
                into.Add(type switch
                {
                    KqlType.DateTime => new DateTime((long)r, DateTimeKind.Utc),
                    KqlType.TimeSpan => TimeSpan.FromTicks((long)r),
                    KqlType.Int or KqlType.Long => (long)Math.Round(r),
                    _ => r,
                });
            }
        }
    }
}
