using Detection.Kql.Symbols;
using Detection.Tables;
using Detection.Tables.Building;

namespace Detection.Incidents.Tests.Support;

/// <summary>Result tables written inline: a terse schema and rows of values (null leaves a cell empty).</summary>
internal static class TestTables
{
    public static Table Build(string schema, params object?[][] rows)
    {
        var builder = new TableBuilder(TableSymbol.FromTerse("Result", schema));
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                switch (row[c])
                {
                    case null: break;
                    case string s: builder.SetString(c, s); break;
                    case DateTime t: builder.SetDateTime(c, t); break;
                    case long l: builder.SetLong(c, l); break;
                    case int i: builder.SetInt(c, i); break;
                    default: throw new ArgumentException($"unsupported test value {row[c]}");
                }
            }
            builder.CommitRow();
        }
        return builder.Build();
    }

    public static DateTime At(int hour, int minute = 0, int second = 0) => new(2026, 11, 2, hour, minute, second, DateTimeKind.Utc);
}
