using Detection.Evaluation.Values;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Aggregates;

internal static partial class AggregateFunctions
{
    private static IEnumerable<AggregateFunction> Collections() =>
    [
        A("make_set", KqlType.Dynamic, () => new Collect(true, null, 1, false)),
        A("makeset", KqlType.Dynamic, () => new Collect(true, null, 1, false)),
        A("make_set_if", KqlType.Dynamic, () => new Collect(true, 1, 2, false)),
        A("make_list", KqlType.Dynamic, () => new Collect(false, null, 1, false)),
        A("makelist", KqlType.Dynamic, () => new Collect(false, null, 1, false)),
        A("make_list_if", KqlType.Dynamic, () => new Collect(false, 1, 2, false)),
        A("make_list_with_nulls", KqlType.Dynamic, () => new Collect(false, null, 1, true)),
        A("make_bag", KqlType.Dynamic, () => new Bag(null)),
        A("make_bag_if", KqlType.Dynamic, () => new Bag(1)),
    ];

    /// <summary>make_set / make_list: nulls ignored (unless with_nulls); an optional size limit (default 1,048,576); empty → [].</summary>
    private sealed class Collect(bool distinct, int? predicate, int maxArg, bool keepNulls) : SingleState
    {
        private readonly List<object?> _items = [];
        private readonly HashSet<object> _seen = [];
        private long _max = -1;

        public override void Add(object?[] args)
        {
            if (predicate is { } p && !Kv.IsTrue(args[p])) return;
            if (_max < 0) _max = Kv.ToLong(Arg(args, maxArg)) ?? 1_048_576;
            var v = args[0];
            if ((v is null && !keepNulls) || _items.Count >= _max) return;
            if (distinct && !_seen.Add(Kv.Key(Dyn.Unwrap(v)) ?? "\u0000null")) return;
            _items.Add(v);
        }

        public override object? Result() => Dyn.Array(_items);
    }

    /// <summary>make_bag: the union of the bags' slots; for a key in several bags the first seen wins.</summary>
    private sealed class Bag(int? predicate) : SingleState
    {
        private readonly Dictionary<string, object?> _slots = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];

        public override void Add(object?[] args)
        {
            if (predicate is { } p && !Kv.IsTrue(args[p])) return;
            if (args[0] is not System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Object } bag) return;
            foreach (var slot in bag.EnumerateObject())
                if (_slots.TryAdd(slot.Name, Dyn.Normalize(slot.Value))) _order.Add(slot.Name);
        }

        public override object? Result() => Dyn.Bag(_order.Select(k => KeyValuePair.Create(k, _slots[k])));
    }
}
