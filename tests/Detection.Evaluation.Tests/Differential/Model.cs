using System.Globalization;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Tests.Differential;

/// <summary>The column types of the differential suite (the subset SQLite can hold exactly).</summary>
internal enum Ty { Int, Long, Real, String, Bool, DateTime, TimeSpan }

/// <summary>
/// A scalar expression written twice: KQL text and SQL text with KQL's semantics, its KQL result type, a bound on the
/// absolute value of integer results (so generated arithmetic never overflows a long, where SQLite would switch to
/// real) and whether the value is computed the same way on both sides (false for real sums and averages, which may
/// differ in the last bits).
/// </summary>
internal sealed record Ex(string Kql, string Sql, Ty Type, double Bound = 0, bool Exact = true);

/// <summary>A column of a relation: its name, type, exactness (see <see cref="Ex"/>) and bound on |integer value|.</summary>
internal sealed record Col(string Name, Ty Type, bool Exact = true, double Bound = 0)
{
    public Ex Ref() => new(Name, Sql.Name(Name), Type, Bound, Exact);
}

/// <summary>A relation written twice: a KQL tabular expression and a SQL SELECT giving the same columns in order.</summary>
internal sealed record Rel(string Kql, string Sql, IReadOnlyList<Col> Cols)
{
    public Col? Find(string name) => Cols.FirstOrDefault(c => c.Name == name);
}

internal static class Types
{
    public static KqlType Kql(this Ty t) => t switch
    {
        Ty.Int => KqlType.Int,
        Ty.Long => KqlType.Long,
        Ty.Real => KqlType.Real,
        Ty.String => KqlType.String,
        Ty.Bool => KqlType.Bool,
        Ty.DateTime => KqlType.DateTime,
        _ => KqlType.TimeSpan,
    };

    public static bool IsNumeric(this Ty t) => t is Ty.Int or Ty.Long or Ty.Real;

    public static bool IsInteger(this Ty t) => t is Ty.Int or Ty.Long;
}

/// <summary>SQL spelling helpers.</summary>
internal static class Sql
{
    public static string Name(string name) => "\"" + name + "\"";

    public static string Str(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Num(double d) => d.ToString("R", CultureInfo.InvariantCulture) is var s && !s.Contains('.') && !s.Contains('E') ? s + ".0" : s;

    /// <summary>KQL's <c>==</c> in SQL: null == null → null, null == value → false (null-values.md).</summary>
    public static string Eq(string a, string b) =>
        $"(CASE WHEN ({a}) IS NULL AND ({b}) IS NULL THEN NULL WHEN ({a}) IS NULL OR ({b}) IS NULL THEN 0 ELSE ({a}) = ({b}) END)";

    /// <summary>KQL's <c>!=</c> in SQL: null != null → null, null != value → true.</summary>
    public static string Ne(string a, string b) =>
        $"(CASE WHEN ({a}) IS NULL AND ({b}) IS NULL THEN NULL WHEN ({a}) IS NULL OR ({b}) IS NULL THEN 1 ELSE ({a}) <> ({b}) END)";
}

internal static class Kql
{
    public static string Str(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static string Num(double d) => Sql.Num(d);

    public static string DateTime(DateTime t) => $"datetime({t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)})";
}
