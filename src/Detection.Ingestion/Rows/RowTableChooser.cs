using Detection.Ingestion.Output;
using Detection.Kql.Symbols;

namespace Detection.Ingestion.Rows;

/// <summary>Chooses each row's table: its own Type when it names a known table, else the file's default, once decided.</summary>
internal sealed class RowTableChooser(LoadContext context, string file)
{
    private TableSymbol? _fileTable;
    private bool _decided;

    /// <summary>The file-level table (option, file name, then <paramref name="header"/> when given); null when none fits.</summary>
    public TableSymbol? FileTable(IReadOnlyList<string>? header = null)
    {
        if (_decided) return _fileTable;
        _decided = true;
        var schemas = context.Options.Schemas;
        if (context.Options.Table is { } option)
        {
            _fileTable = schemas.TableIgnoreCase(option);
            return _fileTable;
        }
        _fileTable = TableNames.FromFileName(schemas, file);
        if (_fileTable is not null)
        {
            context.Note($"{file}: rows without Type go to {_fileTable.Name} (from the file name)");
            return _fileTable;
        }
        if (header is not null && TableNames.FromHeader(schemas, header) is { } inferred)
        {
            _fileTable = inferred;
            context.Note($"{file}: rows without Type go to {inferred.Name} (the table whose columns its header or fields name best)");
        }
        return _fileTable;
    }

    /// <summary>
    /// The row's table, or null with <paramref name="reason"/>. A Type that names no known table (a hunting query may
    /// project its own <c>Type</c>) falls back to the file's table, with a note.
    /// </summary>
    public TableSymbol? For(string? type, out string reason, Func<IReadOnlyList<string>>? header = null)
    {
        reason = "";
        var hasType = !string.IsNullOrWhiteSpace(type);
        if (hasType && context.Options.Schemas.TableIgnoreCase(type!.Trim()) is { } table) return table;
        if (FileTable(header?.Invoke()) is { } fileTable)
        {
            if (hasType) context.Note($"{file}: Type '{type}' names no known table; such rows go to {fileTable.Name}");
            return fileTable;
        }
        reason = hasType
            ? $"Type '{type}' names no known table, and neither --table nor the file name or fields name one"
            : context.Options.Table is { } option
                ? $"--table '{option}' names no known table"
                : "the row has no Type, and neither --table nor the file name or header names a table";
        return null;
    }
}
