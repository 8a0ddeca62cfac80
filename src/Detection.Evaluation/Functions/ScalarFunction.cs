using Detection.Evaluation.Values;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Functions;

/// <summary>
/// One builtin scalar function: its result type given the argument types, its one-value form, and optionally a
/// whole-column form (used instead when present). The one-value form receives boxed values (see <see cref="Kv"/>).
/// </summary>
internal sealed record ScalarFunction(
    string Name,
    Func<IReadOnlyList<KqlType>, KqlType> ResultType,
    Func<object?[], object?> PerValue,
    Func<Vector[], int, Vector>? PerColumn = null);

/// <summary>The registry of implemented scalar builtins, one small file per family.</summary>
internal static partial class ScalarFunctions
{
    private static readonly Lazy<Dictionary<string, ScalarFunction>> All = new(() =>
        Strings().Concat(Conversions()).Concat(DateTimes()).Concat(Dynamics()).Concat(Numbers()).Concat(Logic()).Concat(Networks()).Concat(MoreNetworks()).Concat(Arrays()).Concat(Parsing()).Concat(SeriesFunctions())
            .ToDictionary(f => f.Name, StringComparer.Ordinal));

    public static ScalarFunction? Find(string name) => All.Value.GetValueOrDefault(name);

    public static IReadOnlyCollection<string> Names => All.Value.Keys;

    /// <summary>Handled by the compiler itself (they need the row, the clock or a type argument).</summary>
    public static readonly IReadOnlySet<string> SpecialForms = new HashSet<string>(StringComparer.Ordinal)
    {
        "iff", "iif", "case", "coalesce", "now", "ago", "toscalar", "column_ifexists", "columnifexists", "extract", "pack_all",
        "extract_json", "extractjson",
    };

    private static ScalarFunction F(string name, KqlType type, Func<object?[], object?> f) => new(name, _ => type, f);

    private static ScalarFunction F(string name, Func<IReadOnlyList<KqlType>, KqlType> type, Func<object?[], object?> f) => new(name, type, f);

    /// <summary>The argument at <paramref name="i"/>, or null when it was not given.</summary>
    private static object? Arg(object?[] a, int i) => i < a.Length ? a[i] : null;

    private static string Text(object? value) => Kv.ToText(value);
}
