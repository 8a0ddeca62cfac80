using Detection.Tables;
using Detection.Testing;

namespace Detection.Incidents.Tests.Support;

/// <summary>Result tables written inline: a terse schema and rows of values (null leaves a cell empty).</summary>
internal static class TestTables
{
    public static Table Build(string schema, params object?[][] rows) => InlineTable.Create("Result", schema, rows);

    public static DateTime At(int hour, int minute = 0, int second = 0) => new(2026, 11, 2, hour, minute, second, DateTimeKind.Utc);
}
