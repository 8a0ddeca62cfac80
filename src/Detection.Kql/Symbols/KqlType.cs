namespace Detection.Kql.Symbols;

/// <summary>The scalar types of KQL. Every column and every scalar expression has exactly one.</summary>
public enum KqlType : byte
{
    Bool,
    Int,
    Long,
    Real,
    Decimal,
    String,
    DateTime,
    TimeSpan,
    Guid,
    Dynamic,
}

/// <summary>KQL's spelling of type names, including the aliases the language accepts.</summary>
public static class KqlTypeNames
{
    private static readonly Dictionary<string, KqlType> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bool"] = KqlType.Bool,
        ["boolean"] = KqlType.Bool,
        ["int"] = KqlType.Int,
        ["int32"] = KqlType.Int,
        ["long"] = KqlType.Long,
        ["int64"] = KqlType.Long,
        ["real"] = KqlType.Real,
        ["double"] = KqlType.Real,
        ["decimal"] = KqlType.Decimal,
        ["string"] = KqlType.String,
        ["datetime"] = KqlType.DateTime,
        ["date"] = KqlType.DateTime,
        ["timespan"] = KqlType.TimeSpan,
        ["time"] = KqlType.TimeSpan,
        ["guid"] = KqlType.Guid,
        ["uniqueid"] = KqlType.Guid,
        ["dynamic"] = KqlType.Dynamic,
    };

    /// <summary>The canonical lower-case name, as Log Analytics and the query API print it.</summary>
    public static string Name(this KqlType type) => type switch
    {
        KqlType.Bool => "bool",
        KqlType.Int => "int",
        KqlType.Long => "long",
        KqlType.Real => "real",
        KqlType.Decimal => "decimal",
        KqlType.String => "string",
        KqlType.DateTime => "datetime",
        KqlType.TimeSpan => "timespan",
        KqlType.Guid => "guid",
        KqlType.Dynamic => "dynamic",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParse(string name, out KqlType type) => ByName.TryGetValue(name.Trim(), out type);

    public static KqlType Parse(string name) =>
        TryParse(name, out var type) ? type : throw new FormatException($"'{name}' is not a KQL type (expected one of bool, int, long, real, decimal, string, datetime, timespan, guid, dynamic)");

    public static bool IsNumeric(this KqlType type) => type is KqlType.Int or KqlType.Long or KqlType.Real or KqlType.Decimal;
}
