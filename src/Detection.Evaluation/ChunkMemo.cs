using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation;

/// <summary>
/// Remembers what row-local operators (where, extend, project, project-away/keep/reorder/rename, and union's
/// widening of a leg) made of each input chunk, so a query run again over mostly the same chunks — a scheduled rule's
/// hourly windows share all but the newest hour — computes only the new ones. An entry lives as long as its input
/// chunk (a weak key): the results of an evicted window segment go with it. Only operators whose result depends on
/// nothing but the chunk's rows are remembered (README.md, "Reuse across runs"), and only over chunks that a later run
/// meets again: the chunks of the tables a query names and the remembered results themselves. Thread-safe.
/// </summary>
public sealed class ChunkMemo
{
    private readonly ConditionalWeakTable<Chunk, ConcurrentDictionary<MemoKey, Chunk?>> _results = new();

    /// <summary>Chunks computed (misses) and reused (hits) so far; for benchmarks and tests.</summary>
    public long Computed => Interlocked.Read(ref _computed);

    public long Reused => Interlocked.Read(ref _reused);

    private long _computed;
    private long _reused;

    /// <summary>
    /// The result of <paramref name="op"/> over <paramref name="input"/>: remembered, else <paramref name="compute"/>d and
    /// remembered. <paramref name="signature"/> holds whatever besides the chunk the result depends on (the input
    /// schema, the values of the scalar lets the operator reads). Null when no row passes.
    /// </summary>
    internal Chunk? Get(SyntaxNode op, string signature, Chunk input, Func<Chunk, Chunk?> compute)
    {
        // A chunk neither of a table nor remembered (rows a run-dependent filter kept, a let's result) is not met again.
        if (!_results.TryGetValue(input, out var entries)) return compute(input);
        var key = new MemoKey(op, signature);
        if (entries.TryGetValue(key, out var known))
        {
            Interlocked.Increment(ref _reused);
            return known;
        }
        var result = compute(input);
        Interlocked.Increment(ref _computed);
        entries.TryAdd(key, result);
        if (result is not null) Track(result);
        return result;
    }

    /// <summary>True when results over <paramref name="chunk"/> are remembered (see <see cref="Track(Table)"/>).</summary>
    internal bool IsTracked(Chunk chunk) => _results.TryGetValue(chunk, out _);

    /// <summary>Makes the chunks of <paramref name="table"/> (a table the query names) ones whose results are remembered.</summary>
    internal void Track(Table table)
    {
        foreach (var chunk in table.Chunks) Track(chunk);
    }

    private void Track(Chunk chunk) => _results.GetValue(chunk, static _ => new ConcurrentDictionary<MemoKey, Chunk?>());

    private readonly record struct MemoKey(SyntaxNode Op, string Signature);
}
