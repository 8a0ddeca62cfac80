using System.Text;
using System.Text.Json;
using Detection.Ingestion.Coercion;
using Detection.Ingestion.Output;

namespace Detection.Ingestion.Rows;

/// <summary>
/// Log Analytics rows as JSON objects (JSON lines, arrays, or a single object): each field goes to the column of the same
/// name in the table its <c>Type</c> names; fields with no column are ignored and listed once in the notes.
/// </summary>
internal sealed class JsonRowReader(LoadContext context, string file)
{
    private readonly RowTableChooser _tables = new(context, file);
    private readonly SortedSet<string> _ignored = new(StringComparer.OrdinalIgnoreCase);

    public void Process(ReadOnlyMemory<byte> memory, long line, long index, string? type)
    {
        var row = memory.Span;
        var table = _tables.For(type, out var reason, () => FieldNames(memory.Span));
        if (table is null)
        {
            context.Reject(file, line, index, reason, row);
            return;
        }
        var sink = context.Sink(table);
        var map = RowColumnMap.For(sink);
        var reader = new Utf8JsonReader(row, isFinalBlock: true, state: default);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
            var target = map.Lookup(name);
            reader.Read();
            var value = JsonValue.Read(ref reader, row);
            if (target.Column < 0)
            {
                if (_ignored.Count < 200) _ignored.Add(Encoding.UTF8.GetString(name));
                continue;
            }
            var error = ValueCoercion.Stage(sink, target.Column, target.Priority, value, context.Scratch, context.Options.MaxFieldBytes);
            if (error is null) continue;
            sink.Discard();
            context.Reject(file, line, index, $"{table.Name} row, field '{Encoding.UTF8.GetString(name)}': {error}", row, table.Name);
            return;
        }
        sink.Commit();
    }

    private static List<string> FieldNames(ReadOnlySpan<byte> row)
    {
        var names = new List<string>();
        var reader = new Utf8JsonReader(row, isFinalBlock: true, state: default);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            names.Add(reader.GetString()!);
            reader.Read();
            reader.Skip();
        }
        return names;
    }

    public void Finish()
    {
        _ignored.Remove("$table");
        if (_ignored.Count > 0) context.Note($"{file}: fields with no column in their table, ignored: {string.Join(", ", _ignored)}");
    }
}
