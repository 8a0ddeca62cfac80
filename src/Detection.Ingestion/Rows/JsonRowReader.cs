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
        TableSink? sink = null;
        try
        {
            var table = _tables.For(type, out var reason, () => FieldNames(memory.Span));
            if (table is null)
            {
                context.Reject(file, line, index, reason, row);
                return;
            }
            sink = context.Sink(table);
            if (Stage(row, sink) is { } error)
            {
                sink.Discard();
                context.Reject(file, line, index, $"{table.Name} row, {error}", row, table.Name);
                return;
            }
            sink.Commit();
        }
        catch (InvalidOperationException ex)
        {
            // A string the reader cannot decode (a lone surrogate escape): the row is malformed, as an export record would be.
            sink?.Discard();
            context.Reject(file, line, index, $"malformed JSON: {ex.Message}", row, sink?.Schema.Name);
        }
    }

    /// <summary>Stages the row's fields into <paramref name="sink"/>; the first field's error, else null.</summary>
    private string? Stage(ReadOnlySpan<byte> row, TableSink sink)
    {
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
            if (error is not null) return $"field '{Encoding.UTF8.GetString(name)}': {error}";
        }
        return null;
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
