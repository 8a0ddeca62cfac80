using Detection.Kql.Symbols;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Service.Live;

/// <summary>The latest TimeGenerated of a decoded table (null without a datetime TimeGenerated or timed rows).</summary>
internal static class EventTimes
{
    public static DateTime? Latest(Table table)
    {
        var column = table.Schema.IndexOf("TimeGenerated");
        if (column < 0 || table.Schema.Columns[column].Type != KqlType.DateTime) return null;
        DateTime? latest = null;
        foreach (var chunk in table.Chunks)
        {
            var times = (PrimitiveColumn<DateTime>)chunk.Columns[column];
            for (var i = 0; i < chunk.RowCount; i++)
            {
                if (times.IsNull(i)) continue;
                var t = times.Get(i);
                if (latest is null || t > latest) latest = t;
            }
        }
        return latest is { } l ? Incidents.Times.Utc(l) : null;
    }
}
