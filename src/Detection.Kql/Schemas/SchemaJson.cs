using System.Text.Json;
using Detection.Kql.Symbols;

namespace Detection.Kql.Schemas;

/// <summary>Reads the table schema format <c>{"name": …, "columns": [{"name": …, "type": …}]}</c>.</summary>
public static class SchemaJson
{
    public static TableSymbol Read(Stream stream, string origin)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new SchemaFormatException(origin, $"not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new SchemaFormatException(origin, "expected an object with \"name\" and \"columns\"");
            var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : null;
            if (string.IsNullOrWhiteSpace(name))
                throw new SchemaFormatException(origin, "missing the table's \"name\"");
            if (!root.TryGetProperty("columns", out var cols) || cols.ValueKind != JsonValueKind.Array)
                throw new SchemaFormatException(origin, $"table {name}: missing the \"columns\" array");
            var source = root.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : origin;

            var columns = new List<ColumnSymbol>();
            var index = 0;
            foreach (var col in cols.EnumerateArray())
            {
                var colName = col.ValueKind == JsonValueKind.Object && col.TryGetProperty("name", out var cn) ? cn.GetString() : null;
                var colType = col.ValueKind == JsonValueKind.Object && col.TryGetProperty("type", out var ct) ? ct.GetString() : null;
                if (string.IsNullOrWhiteSpace(colName) || colType is null)
                    throw new SchemaFormatException(origin, $"table {name}: column #{index} needs \"name\" and \"type\"");
                if (!KqlTypeNames.TryParse(colType, out var type))
                    throw new SchemaFormatException(origin, $"table {name}: column {colName} has unknown type '{colType}'");
                columns.Add(new ColumnSymbol(colName, type));
                index++;
            }

            try
            {
                return new TableSymbol(name, columns, source);
            }
            catch (ArgumentException e)
            {
                throw new SchemaFormatException(origin, e.Message);
            }
        }
    }
}
