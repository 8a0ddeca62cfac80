using Detection.Evaluation.Values;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Functions;

internal static partial class ScalarFunctions
{
    private static IEnumerable<ScalarFunction> Arrays() =>
    [
        F("array_rotate_left", KqlType.Dynamic, a => Rotate(a[0], -(Kv.ToLong(a[1]) ?? 0))),
        F("array_rotate_right", KqlType.Dynamic, a => Rotate(a[0], Kv.ToLong(a[1]) ?? 0)),
        F("array_shift_left", KqlType.Dynamic, a => Shift(a[0], -(Kv.ToLong(a[1]) ?? 0), Arg(a, 2))),
        F("array_shift_right", KqlType.Dynamic, a => Shift(a[0], Kv.ToLong(a[1]) ?? 0, Arg(a, 2))),
        F("array_split", KqlType.Dynamic, a => SplitArray(a[0], a[1])),
        F("array_iff", KqlType.Dynamic, ArrayIff),
        F("array_iif", KqlType.Dynamic, ArrayIff),
        F("bag_zip", KqlType.Dynamic, a => Dyn.IsArray(a[0]) && Dyn.IsArray(a[1])
            ? Dyn.Bag(Dyn.Elements(a[0]).Zip(Dyn.Elements(a[1]).Concat(Enumerable.Repeat<object?>(null, int.MaxValue)))
                .Where(p => Dyn.Unwrap(p.First) is string).Select(p => KeyValuePair.Create((string)Dyn.Unwrap(p.First)!, p.Second)))
            : null),
    ];

    private static object? Rotate(object? array, long by)
    {
        if (!Dyn.IsArray(array)) return null;
        var items = Dyn.Elements(array).ToList();
        if (items.Count == 0) return array;
        var k = (int)(((by % items.Count) + items.Count) % items.Count);
        return Dyn.Array(items.Skip(items.Count - k).Concat(items.Take(items.Count - k)));
    }

    /// <summary>array_shift_left/right: moves elements, filling the vacated slots with the fill value (null by default).</summary>
    private static object? Shift(object? array, long by, object? fill)
    {
        if (!Dyn.IsArray(array)) return null;
        var items = Dyn.Elements(array).ToList();
        var n = items.Count;
        var result = new object?[n];
        for (var i = 0; i < n; i++)
        {
            var from = i - by;
            result[i] = from >= 0 && from < n ? items[(int)from] : fill;
        }
        return Dyn.Array(result);
    }

    private static object? SplitArray(object? array, object? indices)
    {
        if (!Dyn.IsArray(array)) return null;
        var items = Dyn.Elements(array).ToList();
        var cuts = (Dyn.IsArray(indices) ? Dyn.Elements(indices) : [indices]).Select(Kv.ToLong).Where(i => i is not null)
            .Select(i => (int)Math.Clamp(i!.Value < 0 ? items.Count + i.Value : i.Value, 0, items.Count)).ToList();
        var parts = new List<object?>();
        var start = 0;
        foreach (var cut in cuts.Append(items.Count))
        {
            parts.Add(Dyn.Array(items.Skip(start).Take(Math.Max(0, cut - start))));
            start = Math.Max(start, cut);
        }
        return Dyn.Array(parts);
    }

    /// <summary>array_iff(conditions, then, else): element-wise; scalar then/else apply to every element.</summary>
    private static object? ArrayIff(object?[] a)
    {
        if (!Dyn.IsArray(a[0])) return null;
        var conditions = Dyn.Elements(a[0]).ToList();
        object? At(object? v, int i) => Dyn.IsArray(v) ? Dyn.Elements(v).ElementAtOrDefault(i) : v;
        return Dyn.Array(conditions.Select((c, i) => Kv.ToBool(c) is { } b ? (b ? At(a[1], i) : At(a[2], i)) : null));
    }
}
