using System.Globalization;
using System.Text.Json;
using Detection.Kql.Symbols;
using Detection.Tables;
using Detection.Tables.Building;

namespace Detection.Testing;

/// <summary>
/// Tables written inline in tests: a terse schema and rows of boxed values. Null leaves a cell null (empty for
/// strings); a string in a dynamic, datetime, timespan or guid column is parsed (JSON text, ISO date-time, c-format
/// timespan, guid); an int widens into long and real columns.
/// </summary>
public static class InlineTable
{
    public static Table Create(string name, string schema, IEnumerable<object?[]> rows, int chunkRows = TableBuilder.DefaultChunkRows)
    {
        var builder = new TableBuilder(TableSymbol.FromTerse(name, schema), chunkRows);
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++) Set(builder, c, row[c]);
            builder.CommitRow();
        }
        return builder.Build();
    }

    private static void Set(TableBuilder builder, int column, object? value)
    {
        var type = builder.Schema.Columns[column].Type;
        switch (value)
        {
            case null: break;
            case string s when type == KqlType.Dynamic: builder.SetDynamic(column, JsonDocument.Parse(s).RootElement); break;
            case string s when type == KqlType.DateTime: builder.SetDateTime(column, DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)); break;
            case string s when type == KqlType.TimeSpan: builder.SetTimeSpan(column, TimeSpan.Parse(s, CultureInfo.InvariantCulture)); break;
            case string s when type == KqlType.Guid: builder.SetGuid(column, Guid.Parse(s)); break;
            case string s: builder.SetString(column, s); break;
            case bool b: builder.SetBool(column, b); break;
            case int i when type == KqlType.Long: builder.SetLong(column, i); break;
            case int i when type == KqlType.Real: builder.SetReal(column, i); break;
            case int i: builder.SetInt(column, i); break;
            case long l: builder.SetLong(column, l); break;
            case double d: builder.SetReal(column, d); break;
            case decimal m: builder.SetDecimal(column, m); break;
            case DateTime t: builder.SetDateTime(column, t); break;
            case TimeSpan t: builder.SetTimeSpan(column, t); break;
            case Guid g: builder.SetGuid(column, g); break;
            default: throw new ArgumentException($"no test setter for {value.GetType().Name}");
        }
    }
}
