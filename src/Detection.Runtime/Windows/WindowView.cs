using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Detection.Runtime.Rules;
using Detection.Tables;

namespace Detection.Runtime.Windows;

/// <summary>
/// The tables one run sees: for each table the rule reads, its retained rows with TimeGenerated in [from, to) plus any
/// extra chunks (late rows for NRT runs). Windows are computed on first use and shared through <paramref name="cache"/>
/// between runs with the same bounds. A table without retained rows is absent, so the evaluator reads it as an empty
/// table of its schema. Safe to read from several threads while the store is not written.
/// </summary>
internal sealed class WindowView(
    WindowStore store, CompiledRule rule, DateTime from, DateTime to,
    WindowCache cache,
    IReadOnlyDictionary<string, List<Chunk>>? extra = null) : IReadOnlyDictionary<string, Table>
{
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Table value)
    {
        value = null;
        if (!rule.Reads(key) || store.Find(key) is not { } window) return false;
        var table = cache.Get(window, from, to);
        value = extra is not null && extra.TryGetValue(key, out var more) && more.Count > 0
            ? new Table(table.Schema, table.Chunks.Concat(more))
            : table;
        return true;
    }

    public Table this[string key] => TryGetValue(key, out var table) ? table : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => store.Tables.Select(t => t.Schema.Name).Where(rule.Reads);

    public IEnumerable<Table> Values => Keys.Select(k => this[k]);

    public int Count => Keys.Count();

    public bool ContainsKey(string key) => rule.Reads(key) && store.Find(key) is not null;

    public IEnumerator<KeyValuePair<string, Table>> GetEnumerator() => Keys.Select(k => KeyValuePair.Create(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
