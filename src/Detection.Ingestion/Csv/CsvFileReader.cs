using System.Text;
using Detection.Ingestion.Coercion;
using Detection.Ingestion.Input;
using Detection.Ingestion.Output;
using Detection.Ingestion.Rows;
using Detection.Kql.Symbols;

namespace Detection.Ingestion.Csv;

/// <summary>
/// A Log Analytics CSV export: a header row naming columns (see <see cref="ColumnResolver"/> for the spellings accepted),
/// then one row per record. The table comes from a <c>Type</c> (or <c>$table</c>) column, else --table, the file name or
/// the header. An unnamed first column (a pandas index) is ignored. A row whose field count differs from the header's is rejected.
/// </summary>
internal sealed class CsvFileReader(LoadContext context, ByteReader input, string file)
{
    private readonly RowTableChooser _tables = new(context, file);
    private readonly Dictionary<string, ColumnTarget[]> _maps = new(StringComparer.Ordinal);
    private string[] _header = [];

    public void Run()
    {
        var csv = new CsvTokenizer(input, context.Options.MaxRecordBytes);
        if (!csv.Next(out var headerError) || headerError is not null)
        {
            context.Reject(file, 1, null, headerError ?? "the file has no header row");
            return;
        }
        _header = Enumerable.Range(0, csv.Count).Select(i => Encoding.UTF8.GetString(csv[i]).Trim()).ToArray();
        var typeIndex = Array.FindIndex(_header, h => h.Equals("Type", StringComparison.OrdinalIgnoreCase));
        if (typeIndex < 0) typeIndex = Array.FindIndex(_header, h => h.Equals("$table", StringComparison.OrdinalIgnoreCase));
        var index = 0L;
        while (csv.Next(out var error))
        {
            if (csv.IsBlank && error is null) continue;
            index++;
            if (error is not null)
            {
                context.Reject(file, csv.Line, index, error);
                continue;
            }
            if (csv.Count != _header.Length)
            {
                context.Reject(file, csv.Line, index,
                    $"the row has {csv.Count} fields, the header has {_header.Length} ({(csv.Count < _header.Length ? "short row" : "long row")})",
                    RawRow(csv));
                continue;
            }
            var type = typeIndex >= 0 ? Encoding.UTF8.GetString(csv[typeIndex]) : null;
            var table = _tables.For(type, out var reason, () => _header);
            if (table is null)
            {
                context.Reject(file, csv.Line, index, reason, RawRow(csv));
                continue;
            }
            WriteRow(csv, table, index);
        }
        NoteIgnoredColumns();
    }

    private void WriteRow(CsvTokenizer csv, TableSymbol table, long index)
    {
        var sink = context.Sink(table);
        var map = Map(table);
        for (var i = 0; i < map.Length; i++)
        {
            var target = map[i];
            if (target.Column < 0) continue;
            var error = ValueCoercion.StageText(sink, target.Column, target.Priority, csv[i], context.Scratch, context.Options.MaxFieldBytes);
            if (error is null) continue;
            sink.Discard();
            context.Reject(file, csv.Line, index, $"{table.Name} row, column '{_header[i]}': {error}", RawRow(csv), table.Name);
            return;
        }
        sink.Commit();
    }

    private ColumnTarget[] Map(TableSymbol table)
    {
        if (_maps.TryGetValue(table.Name, out var map)) return map;
        map = _header.Select(h => ColumnResolver.Resolve(table, h)).ToArray();
        _maps[table.Name] = map;
        return map;
    }

    private void NoteIgnoredColumns()
    {
        foreach (var (table, map) in _maps)
        {
            var ignored = _header.Where((h, i) => map[i].Column < 0 && h.Length > 0 && h != "$table").ToList();
            if (ignored.Count > 0) context.Note($"{file}: columns with no {table} column, ignored: {string.Join(", ", ignored)}");
        }
    }

    private static byte[] RawRow(CsvTokenizer csv)
    {
        var parts = Enumerable.Range(0, csv.Count).Select(i => Encoding.UTF8.GetString(csv[i]));
        return Encoding.UTF8.GetBytes(string.Join(",", parts));
    }
}
