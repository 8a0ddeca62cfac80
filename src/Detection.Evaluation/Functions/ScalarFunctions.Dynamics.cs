using System.Text.Json;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Functions;

internal static partial class ScalarFunctions
{
    private static IEnumerable<ScalarFunction> Dynamics() =>
    [
        F("array_length", KqlType.Long, a => a[0] is JsonElement { ValueKind: JsonValueKind.Array } e ? e.GetArrayLength() : null),
        F("pack_array", KqlType.Dynamic, a => Dyn.Array(a)),
        F("pack", KqlType.Dynamic, Pack),
        F("bag_pack", KqlType.Dynamic, Pack),
        F("bag_keys", KqlType.Dynamic, a => Dyn.IsBag(a[0]) ? Dyn.Array(((JsonElement)a[0]!).EnumerateObject().Select(p => (object?)p.Name)) : null),
        F("bag_has_key", KqlType.Bool, a => Dyn.IsBag(a[0]) && ((JsonElement)a[0]!).TryGetProperty(Text(a[1]), out _)),
        F("bag_merge", KqlType.Dynamic, a => Dyn.Bag(MergeBags(a))),
        F("bag_remove_keys", KqlType.Dynamic, a => Dyn.IsBag(a[0])
            ? Dyn.Bag(Slots(a[0]).Where(p => !Dyn.Elements(a[1]).Select(Text).Contains(p.Key)))
            : null),
        F("bag_set_key", KqlType.Dynamic, a => Dyn.IsBag(a[0]) ? Dyn.Bag(Slots(a[0]).Where(p => p.Key != Text(a[1])).Append(KeyValuePair.Create(Text(a[1]), a[2]))) : null),
        F("array_concat", KqlType.Dynamic, a => a.Any(x => !Dyn.IsArray(x)) ? null : Dyn.Array(a.SelectMany(Dyn.Elements))),
        F("array_slice", KqlType.Dynamic, a => Slice(a[0], Kv.ToLong(a[1]), Kv.ToLong(a[2]))),
        F("array_reverse", KqlType.Dynamic, a => Dyn.IsArray(a[0]) ? Dyn.Array(Dyn.Elements(a[0]).Reverse()) : null),
        F("array_index_of", KqlType.Long, a => Dyn.IsArray(a[0]) ? IndexOfElement(Dyn.Elements(a[0]).ToList(), a[1]) : null),
        F("array_sum", KqlType.Real, a => Dyn.IsArray(a[0]) ? Dyn.Elements(a[0]).Sum(e => Kv.ToReal(e) ?? 0) : null),
        F("array_sort_asc", KqlType.Dynamic, a => Dyn.IsArray(a[0]) ? Dyn.Array(Dyn.Elements(a[0]).Order(ValueComparer.Instance)) : null),
        F("array_sort_desc", KqlType.Dynamic, a => Dyn.IsArray(a[0]) ? Dyn.Array(Dyn.Elements(a[0]).OrderDescending(ValueComparer.Instance)) : null),
        F("set_has_element", KqlType.Bool, a => Dyn.Elements(a[0]).Any(e => Kv.Equal(e, a[1]) == true)),
        F("set_union", KqlType.Dynamic, a => a.Any(x => !Dyn.IsArray(x)) ? null : Dyn.Array(Distinct(a.SelectMany(Dyn.Elements)))),
        F("set_intersect", KqlType.Dynamic, a => a.Any(x => !Dyn.IsArray(x)) ? null
            : Dyn.Array(Distinct(Dyn.Elements(a[0])).Where(e => a.Skip(1).All(o => Dyn.Elements(o).Any(x => Same(x, e)))))),
        F("set_difference", KqlType.Dynamic, a => a.Any(x => !Dyn.IsArray(x)) ? null
            : Dyn.Array(Distinct(Dyn.Elements(a[0])).Where(e => !a.Skip(1).Any(o => Dyn.Elements(o).Any(x => Same(x, e)))))),
        F("jaccard_index", KqlType.Real, a => Jaccard(a[0], a[1])),
        F("zip", KqlType.Dynamic, Zip),
        F("range", KqlType.Dynamic, Range),
        F("repeat", KqlType.Dynamic, a => Kv.ToLong(a[1]) is { } n && n >= 0 ? Dyn.Array(Enumerable.Repeat(a[0], (int)n)) : null),
        F("treepath", KqlType.Dynamic, a => Dyn.Array(TreePaths(a[0], "$").Select(p => (object?)p))),
    ];

    private static object? Pack(object?[] a)
    {
        var slots = new List<KeyValuePair<string, object?>>();
        for (var i = 0; i + 1 < a.Length; i += 2) slots.Add(KeyValuePair.Create(Text(a[i]), a[i + 1]));
        return Dyn.Bag(slots);
    }

    private static IEnumerable<KeyValuePair<string, object?>> Slots(object? bag) =>
        bag is JsonElement { ValueKind: JsonValueKind.Object } e ? e.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Dyn.Normalize(p.Value))) : [];

    /// <summary>bag_merge: the first bag's value wins for a key present in several.</summary>
    private static IEnumerable<KeyValuePair<string, object?>> MergeBags(object?[] bags)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var bag in bags)
            foreach (var slot in Slots(bag))
                if (seen.Add(slot.Key)) yield return slot;
    }

    private static object? Slice(object? array, long? start, long? end)
    {
        if (!Dyn.IsArray(array) || start is null || end is null) return null;
        var items = Dyn.Elements(array).ToList();
        var from = start < 0 ? Math.Max(0, items.Count + start.Value) : start.Value;
        var to = end < 0 ? items.Count + end.Value : Math.Min(end.Value, items.Count - 1);
        return from > to || from >= items.Count ? Dyn.Array([]) : Dyn.Array(items.Skip((int)from).Take((int)(to - from + 1)));
    }

    private static long IndexOfElement(List<object?> items, object? value)
    {
        for (var i = 0; i < items.Count; i++)
            if (Kv.Equal(items[i], value) == true) return i;
        return -1;
    }

    private static bool Same(object? a, object? b) => a is null ? b is null : b is not null && Kv.Equal(a, b) == true;

    private static IEnumerable<object?> Distinct(IEnumerable<object?> items)
    {
        var seen = new HashSet<object?>();
        foreach (var item in items)
            if (seen.Add(Kv.Key(Dyn.Unwrap(item)) ?? "\u0000null")) yield return item;
    }

    private static object? Jaccard(object? a, object? b)
    {
        if (!Dyn.IsArray(a) || !Dyn.IsArray(b)) return null;
        var x = Distinct(Dyn.Elements(a)).Select(e => Kv.Key(Dyn.Unwrap(e))).ToHashSet();
        var y = Distinct(Dyn.Elements(b)).Select(e => Kv.Key(Dyn.Unwrap(e))).ToHashSet();
        var union = x.Union(y).Count();
        return union == 0 ? 0.0 : (double)x.Intersect(y).Count() / union;
    }

    private static object? Zip(object?[] a)
    {
        if (a.Any(x => !Dyn.IsArray(x))) return null;
        var lists = a.Select(x => Dyn.Elements(x).ToList()).ToList();
        var length = lists.Max(l => l.Count);
        return Dyn.Array(Enumerable.Range(0, length).Select(i => (object?)Dyn.Array(lists.Select(l => i < l.Count ? l[i] : null))));
    }

    private static object? Range(object?[] a)
    {
        var step = Arg(a, 2);
        if (a[0] is DateTime d0 && a[1] is DateTime d1)
        {
            var s = step as TimeSpan? ?? TimeSpan.FromDays(1);
            if (s <= TimeSpan.Zero) return null;
            var list = new List<object?>();
            for (var t = d0; t <= d1 && list.Count < 1_000_000; t += s) list.Add(t);
            return Dyn.Array(list);
        }
        if (Kv.ToReal(a[0]) is not { } from || Kv.ToReal(a[1]) is not { } to) return null;
        var by = step is null ? 1 : Kv.ToReal(step) ?? 1;
        if (by == 0) return null;
        var integral = a[0] is long or int && a[1] is long or int && step is null or long or int;
        var values = new List<object?>();
        for (var x = from; by > 0 ? x <= to : x >= to; x += by)
        {
            values.Add(integral ? (long)x : x);
            if (values.Count >= 1_000_000) break;
        }
        return Dyn.Array(values);
    }

    private static IEnumerable<string> TreePaths(object? value, string path)
    {
        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Object } bag:
                foreach (var p in bag.EnumerateObject())
                {
                    var child = $"{path}['{p.Name}']";
                    yield return child;
                    foreach (var sub in TreePaths(Dyn.Normalize(p.Value), child)) yield return sub;
                }
                break;
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                var inner = $"{path}[0]";
                yield return inner;
                foreach (var e in array.EnumerateArray())
                    foreach (var sub in TreePaths(Dyn.Normalize(e), inner)) yield return sub;
                break;
        }
    }
}

/// <summary>KQL order for sorting values of one column: nulls first, then by <see cref="Kv.Order"/>, incomparable by text.</summary>
internal sealed class ValueComparer : IComparer<object?>
{
    public static readonly ValueComparer Instance = new();

    public int Compare(object? x, object? y)
    {
        if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
        return Kv.Order(x, y) ?? string.CompareOrdinal(Kv.ToText(x), Kv.ToText(y));
    }
}
