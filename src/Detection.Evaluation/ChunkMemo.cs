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
/// nothing but the chunk's rows are remembered (README.md, "Reuse across runs"). Thread-safe.
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
        var entries = _results.GetValue(input, static _ => new ConcurrentDictionary<MemoKey, Chunk?>());
        var key = new MemoKey(op, signature);
        if (entries.TryGetValue(key, out var known))
        {
            Interlocked.Increment(ref _reused);
            return known;
        }
        var result = compute(input);
        Interlocked.Increment(ref _computed);
        entries.TryAdd(key, result);
        return result;
    }

    private readonly record struct MemoKey(SyntaxNode Op, string Signature);
}
