using System.Text.Json;
using Detection.Kql.Symbols;
using Detection.Tables;
using Detection.Tables.Building;

namespace Detection.Query.Tests.Support;

/// <summary>Tables written inline: a terse schema and rows of values (null for a null; JSON text for dynamic).</summary>
internal static class TestTables
{
    public static Table Create(string name, string schema, IEnumerable<object?[]> rows, int chunkRows = TableBuilder.DefaultChunkRows)
    {
        var symbol = TableSymbol.FromTerse(name, schema);
        var builder = new TableBuilder(symbol, chunkRows);
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++) Set(builder, c, row[c]);
            builder.CommitRow();
        }
        return builder.Build();
    }

    private static void Set(TableBuilder builder, int column, object? value)
    {
        switch (value)
        {
            case null: break;
            case string s when builder.Schema.Columns[column].Type == KqlType.Dynamic: builder.SetDynamic(column, JsonDocument.Parse(s).RootElement); break;
            case string s: builder.SetString(column, s); break;
            case bool b: builder.SetBool(column, b); break;
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
