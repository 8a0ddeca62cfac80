using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Detection.Kql.Symbols;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Query.Output;

/// <summary>
/// The Log Analytics query API response: <c>{"tables":[{"name":"PrimaryResult","columns":[{"name":…,"type":…}],"rows":[[…]]}]}</c>
/// on one line, with KQL type names. Numbers and bools are JSON numbers and bools (NaN and infinities as strings),
/// datetimes, timespans and guids strings (see <see cref="CellText"/>), dynamic values a string holding their compact
/// JSON (as the API returns them), nulls JSON null. Written in pieces, so a large result is not held twice in memory.
/// </summary>
public sealed class JsonTableWriter : ITableWriter
{
    private const int FlushBytes = 64 * 1024;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Write(Table table, TextWriter output)
    {
        var buffer = new ArrayBufferWriter<byte>(FlushBytes * 2);
        using var json = new Utf8JsonWriter(buffer, Options);
        json.WriteStartObject();
        json.WriteStartArray("tables");
        json.WriteStartObject();
        json.WriteString("name", "PrimaryResult");
        json.WriteStartArray("columns");
        foreach (var column in table.Schema.Columns)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("type", column.Type.Name());
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("rows");
        foreach (var chunk in table.Chunks)
        {
            for (var row = 0; row < chunk.RowCount; row++)
            {
                json.WriteStartArray();
                foreach (var column in chunk.Columns) WriteValue(json, column, row);
                json.WriteEndArray();
                if (json.BytesPending + buffer.WrittenCount >= FlushBytes) Drain(json, buffer, output);
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        Drain(json, buffer, output);
        output.WriteLine();
    }

    private static void Drain(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, TextWriter output)
    {
        json.Flush();
        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        buffer.ResetWrittenCount();
    }

    private static void WriteValue(Utf8JsonWriter json, Column column, int row)
    {
        if (column.IsNull(row))
        {
            json.WriteNullValue();
            return;
        }
        switch (column)
        {
            case StringColumn strings: json.WriteStringValue(strings.GetUtf8(row)); break;
            case DynamicColumn dynamic: json.WriteStringValue(CellText.Dynamic(dynamic.GetJson(row))); break;
            case PrimitiveColumn<bool> c: json.WriteBooleanValue(c.Get(row)); break;
            case PrimitiveColumn<int> c: json.WriteNumberValue(c.Get(row)); break;
            case PrimitiveColumn<long> c: json.WriteNumberValue(c.Get(row)); break;
            case PrimitiveColumn<double> c when double.IsFinite(c.Get(row)): json.WriteNumberValue(c.Get(row)); break;
            case PrimitiveColumn<double> c: json.WriteStringValue(CellText.Real(c.Get(row))); break;
            case PrimitiveColumn<decimal> c: json.WriteNumberValue(c.Get(row)); break;
            default: json.WriteStringValue(CellText.Format(column, row)); break;
        }
    }
}
