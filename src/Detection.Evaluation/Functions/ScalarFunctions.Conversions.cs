using Detection.Evaluation.Values;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Functions;

internal static partial class ScalarFunctions
{
    private static IEnumerable<ScalarFunction> Conversions() =>
    [
        F("tostring", KqlType.String, a => Text(a[0])),
        F("toint", KqlType.Int, a => Kv.ToInt(a[0])),
        F("tolong", KqlType.Long, a => Kv.ToLong(a[0])),
        F("toreal", KqlType.Real, a => Kv.ToReal(a[0])),
        F("todouble", KqlType.Real, a => Kv.ToReal(a[0])),
        F("todecimal", KqlType.Decimal, a => Kv.ToDecimal(a[0])),
        F("tobool", KqlType.Bool, a => Kv.ToBool(a[0])),
        F("toboolean", KqlType.Bool, a => Kv.ToBool(a[0])),
        F("todatetime", KqlType.DateTime, a => Kv.ToDateTime(a[0])),
        F("totimespan", KqlType.TimeSpan, a => Kv.ToTimeSpan(a[0])),
        F("totime", KqlType.TimeSpan, a => Kv.ToTimeSpan(a[0])),
        F("toguid", KqlType.Guid, a => Kv.ToGuid(a[0])),
        F("parse_json", KqlType.Dynamic, a => ParseJson(a[0])),
        F("parsejson", KqlType.Dynamic, a => ParseJson(a[0])),
        F("todynamic", KqlType.Dynamic, a => ParseJson(a[0])),
        F("toobject", KqlType.Dynamic, a => ParseJson(a[0])),
        F("gettype", KqlType.String, a => TypeName(a[0])),
    ];

    /// <summary>
    /// <c>parse_json</c> (parse-json-function.md): a dynamic stays as is, valid JSON is parsed, invalid JSON gives a
    /// dynamic holding the original string (not null); the empty string is null.
    /// </summary>
    private static object? ParseJson(object? value)
    {
        if (value is not string s) return Dyn.From(value);
        if (s.Length == 0) return null;
        return Dyn.TryParse(s) ?? (s.Trim() == "null" ? null : Dyn.From(s));
    }

    private static string TypeName(object? value) => value switch
    {
        null => "null",
        System.Text.Json.JsonElement e => e.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Array => "array",
            System.Text.Json.JsonValueKind.Object => "dictionary",
            System.Text.Json.JsonValueKind.String => "string",
            System.Text.Json.JsonValueKind.Number => e.TryGetInt64(out _) ? "long" : "real",
            _ => "bool",
        },
        int => "int",
        double => "real",
        _ => Kv.TypeOf(value)!.Value.Name(),
    };
}
