using Detection.Ingestion.Coercion;
using Detection.Ingestion.Output;

namespace Detection.Ingestion.Rows;

/// <summary>Field name → column of one table, resolved once per name (<see cref="ColumnResolver"/>) and cached on the sink.</summary>
internal sealed class RowColumnMap
{
    private readonly Utf8NameCache<ColumnTarget> _cache;

    private RowColumnMap(TableSink sink) => _cache = new Utf8NameCache<ColumnTarget>(name => ColumnResolver.Resolve(sink.Schema, name));

    public static RowColumnMap For(TableSink sink)
    {
        if (!sink.Caches.TryGetValue(typeof(RowColumnMap), out var map)) sink.Caches[typeof(RowColumnMap)] = map = new RowColumnMap(sink);
        return (RowColumnMap)map;
    }

    public ColumnTarget Lookup(ReadOnlySpan<byte> utf8Name) => _cache.Get(utf8Name);
}
