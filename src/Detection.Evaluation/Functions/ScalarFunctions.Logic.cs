using Detection.Evaluation.Values;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Functions;

internal static partial class ScalarFunctions
{
    private static IEnumerable<ScalarFunction> Logic() =>
    [
        // isempty: "" or null of any type; isnull on a string is always false (null-values.md).
        F("isempty", KqlType.Bool, a => a[0] is null || (a[0] is string s && s.Length == 0)),
        F("isnotempty", KqlType.Bool, a => !(a[0] is null || (a[0] is string s && s.Length == 0))),
        F("isnull", KqlType.Bool, a => a[0] is null),
        F("isnotnull", KqlType.Bool, a => a[0] is not null),
        F("not", KqlType.Bool, a => Kv.Condition(a[0]) is { } b ? !b : null),
    ];
}
