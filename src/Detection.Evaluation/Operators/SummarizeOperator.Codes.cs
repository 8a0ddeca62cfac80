using Detection.Anomalies;
using Detection.Evaluation.Aggregates;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Operators;

internal static partial class SummarizeOperator
{
    /// <summary>
    /// Aggregates one chunk whose rows carry a code per distinct key combination (<see cref="KeyCodes"/>): each code's group
    /// is found once (from its first row), <c>count()</c> adds a per-code tally once per group, <c>dcount(s)</c> of a
    /// string column adds a hash computed once per distinct value; other aggregates get their boxed arguments row by row.
    /// Groups are created in order of first appearance, and every aggregate sees its group's rows in order, as on the
    /// general path.
    /// </summary>
    private static void AddByCodes(int[] codes, int codeCount, int rowCount, Vector[][] args, AggregateState[] sample,
        List<AggregateState[]> groupStates, Func<int, int> groupOfRow, GroupArrays?[] aside)
    {
        var groupOfCode = new int[codeCount];
        Array.Fill(groupOfCode, -1);
        var rowGroups = new int[rowCount];
        var tally = new int[groupOfCode.Length];
        for (var row = 0; row < rowCount; row++)
        {
            var code = codes[row];
            var g = groupOfCode[code];
            if (g < 0) g = groupOfCode[code] = groupOfRow(row);
            rowGroups[row] = g;
            tally[code]++;
        }
        for (var a = 0; a < sample.Length; a++)
        {
            var sign = sample[a] switch
            {
                AggregateFunctions.ArgExtreme extreme => extreme.Sign,
                AggregateFunctions.Extreme { IsPlain: true } extreme => extreme.Sign,
                _ => 0,
            };
            if (sign != 0 && args[a][0] is ColumnVector { Column: PrimitiveColumn<DateTime> times })
            {
                AddExtremes(codes, codeCount, times, sign, args[a], rowGroups, (ExtremeWinners)(aside[a] ??= new ExtremeWinners(sign)));
                continue;
            }
            if (sign != 0 && args[a][0] is ColumnVector { Column: PrimitiveColumn<long> longs })
            {
                AddExtremes(codes, codeCount, longs, sign, args[a], rowGroups, (ExtremeWinners)(aside[a] ??= new ExtremeWinners(sign)));
                continue;
            }
            if (sample[a] is AggregateFunctions.RowCount)
            {
                AddTallies(tally, groupOfCode, (GroupCounts)(aside[a] ??= new GroupCounts()));
                continue;
            }
            if (sample[a] is AggregateFunctions.CountIf && args[a][0].Type == KqlType.Bool)
            {
                var truths = BoolVector.Bytes(args[a][0]);
                var trueTally = new int[codeCount];
                for (var row = 0; row < rowCount; row++)
                    if (truths[row] == BoolVector.True) trueTally[codes[row]]++;
                AddTallies(trueTally, groupOfCode, (GroupCounts)(aside[a] ??= new GroupCounts()));
                continue;
            }
            // Winners kept aside are offered to their groups before rows taken another way, so the first of equals still wins.
            aside[a]?.Flush(groupStates, a);
            switch (sample[a])
            {
                case AggregateFunctions.DistinctCount { IsPlain: true } when args[a] is [ColumnVector { Column: StringColumn values }]:
                    AddHashes(values, rowGroups, groupStates, a);
                    break;
                case AggregateFunctions.ArgExtreme:
                    for (var row = 0; row < rowCount; row++) ((AggregateFunctions.ArgExtreme)groupStates[rowGroups[row]][a]).Add(args[a], row);
                    break;
                case AggregateFunctions.TakeAny { IsPlain: true }:
                    // A group keeps the first row it is offered: of a chunk, only each code's first row can be that row.
                    var first = new object?[args[a].Length];
                    var offered = new bool[codeCount];
                    for (var row = 0; row < rowCount; row++)
                    {
                        if (offered[codes[row]]) continue;
                        offered[codes[row]] = true;
                        for (var i = 0; i < first.Length; i++) first[i] = args[a][i].Get(row);
                        groupStates[rowGroups[row]][a].Add(first);
                    }
                    break;
                default:
                    var buffer = new object?[args[a].Length];
                    for (var row = 0; row < rowCount; row++)
                    {
                        for (var i = 0; i < buffer.Length; i++) buffer[i] = args[a][i].Get(row);
                        groupStates[rowGroups[row]][a].Add(buffer);
                    }
                    break;
            }
        }
    }

    /// <summary>Adds each code's tally to its group's count kept aside.</summary>
    private static void AddTallies(int[] tally, int[] groupOfCode, GroupCounts counts)
    {
        for (var code = 0; code < tally.Length; code++)
            if (tally[code] > 0) counts.Add(groupOfCode[code], tally[code]);
    }

    /// <summary>
    /// arg_max / arg_min, or min / max, of a stored time or long: only each code's winning row of the chunk
    /// (<see cref="BestRows"/>) is offered to its group's entry in <paramref name="winners"/>, in row order so that the
    /// first of equal rows still wins across codes of one group.
    /// </summary>
    private static void AddExtremes<T>(int[] codes, int codeCount, PrimitiveColumn<T> by, int sign,
        Vector[] args, int[] rowGroups, ExtremeWinners winners)
        where T : unmanaged
    {
        var bestRow = BestRows(codes, codeCount, by, sign);
        var values = by.Values;
        for (var row = 0; row < rowGroups.Length; row++)
        {
            if (bestRow[codes[row]] == row) winners.Offer(rowGroups[row], Order(values[row]), args, row);
        }
    }

    /// <summary>
    /// The winning row so far of each group for one arg_max / arg_min (or min / max) of a stored time or long, in arrays
    /// indexed by group: offering a row is a comparison of two longs, not a call on the group's aggregate object (32,000
    /// groups' objects are scattered over the heap; their arrays are not). The winners reach the aggregates at
    /// <see cref="Flush"/>.
    /// </summary>
    internal sealed class ExtremeWinners(int sign) : GroupArrays
    {
        private long[] _order = new long[64];
        private Vector[]?[] _args = new Vector[]?[64];
        private int[] _row = new int[64];

        public void Offer(int group, long order, Vector[] args, int row)
        {
            if (group >= _args.Length) Grow(group);
            if (_args[group] is not null && (sign > 0 ? order <= _order[group] : order >= _order[group])) return;
            _order[group] = order;
            _args[group] = args;
            _row[group] = row;
        }

        /// <summary>Offers each group's winner to its aggregate (index <paramref name="a"/> of the group's states) and forgets them.</summary>
        public override void Flush(List<AggregateState[]> groupStates, int a)
        {
            for (var group = 0; group < _args.Length; group++)
            {
                if (_args[group] is not { } args) continue;
                if (groupStates[group][a] is AggregateFunctions.ArgExtreme extreme) extreme.Add(args, _row[group], _order[group]);
                else groupStates[group][a].Add([args[0].Get(_row[group])]);
                _args[group] = null;
            }
        }

        private void Grow(int group)
        {
            var size = Math.Max(group + 1, _args.Length * 2);
            Array.Resize(ref _order, size);
            Array.Resize(ref _args, size);
            Array.Resize(ref _row, size);
        }
    }

    /// <summary>
    /// Each code's row with the largest (<paramref name="sign"/> 1) or smallest (-1) non-null value, comparing raw values
    /// (the first of equals); -1 for a code whose values are all null.
    /// </summary>
    private static int[] BestRows<T>(int[] codes, int codeCount, PrimitiveColumn<T> by, int sign)
        where T : unmanaged
    {
        var bestRow = new int[codeCount];
        Array.Fill(bestRow, -1);
        if (by.IsAllNull) return bestRow;
        var bestValue = new long[codeCount];
        var values = by.Values;
        for (var row = 0; row < by.Length; row++)
        {
            if (by.IsNull(row)) continue;
            var code = codes[row];
            var value = Order(values[row]);
            if (bestRow[code] >= 0 && (sign > 0 ? value <= bestValue[code] : value >= bestValue[code])) continue;
            bestRow[code] = row;
            bestValue[code] = value;
        }
        return bestRow;
    }

    /// <summary>A time's ticks or a long itself (the branch is resolved when the method is compiled for T).</summary>
    private static long Order<T>(T value)
        where T : unmanaged =>
        typeof(T) == typeof(DateTime) ? System.Runtime.CompilerServices.Unsafe.As<T, DateTime>(ref value).Ticks
        : typeof(T) == typeof(long) ? System.Runtime.CompilerServices.Unsafe.As<T, long>(ref value)
        : throw new NotSupportedException(typeof(T).Name);

    /// <summary>
    /// One code per row such that rows with equal codes have equal keys (string and dynamic columns: their dictionary
    /// codes; stored primitive columns: a code per distinct value; several keys: a code per distinct combination), and
    /// the number of codes; null when a key is computed row by row (the caller then groups boxed values).
    /// </summary>
    private static (int[] Codes, int Count)? KeyCodes(Vector[] keys, int rowCount)
    {
        if (keys.Length == 0) return (new int[rowCount], 1);
        // Each key's codes are a fresh array: the first one's takes the combined codes.
        if (KeyCodes(keys[0], rowCount) is not { } combined) return null;
        foreach (var key in keys.AsSpan(1))
        {
            if (KeyCodes(key, rowCount) is not { } own) return null;
            combined.Count = Combine(combined.Codes, combined.Count, own.Codes, own.Count, rowCount);
        }
        return combined;
    }

    /// <summary>
    /// Renumbers each row's (code so far, this key's code) pair: one new code per distinct pair, in order of first
    /// appearance. A table indexed by the pair when the pairs are few enough, else a hash map.
    /// </summary>
    private static int Combine(int[] codes, int count, int[] own, int ownCount, int rowCount)
    {
        var cells = (long)count * ownCount;
        if (cells <= Math.Max(4L * rowCount, 4096))
        {
            var table = System.Buffers.ArrayPool<int>.Shared.Rent((int)cells);
            Array.Fill(table, -1, 0, (int)cells);
            var next = 0;
            for (var row = 0; row < rowCount; row++)
            {
                ref var slot = ref table[codes[row] * ownCount + own[row]];
                if (slot < 0) slot = next++;
                codes[row] = slot;
            }
            System.Buffers.ArrayPool<int>.Shared.Return(table);
            return next;
        }
        // Open addressing over the pairs (at most one per row): no entry objects, no division.
        var bits = Math.Max(4, 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)rowCount * 2));
        var size = 1 << bits;
        var keys = System.Buffers.ArrayPool<long>.Shared.Rent(size);
        var slots = System.Buffers.ArrayPool<int>.Shared.Rent(size);
        Array.Fill(slots, -1, 0, size);
        var mask = size - 1;
        var distinct = 0;
        for (var row = 0; row < rowCount; row++)
        {
            var key = ((long)codes[row] << 32) | (uint)own[row];
            var i = (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> (64 - bits));
            while (slots[i] >= 0 && keys[i] != key) i = (i + 1) & mask;
            if (slots[i] < 0)
            {
                keys[i] = key;
                slots[i] = distinct++;
            }
            codes[row] = slots[i];
        }
        System.Buffers.ArrayPool<long>.Shared.Return(keys);
        System.Buffers.ArrayPool<int>.Shared.Return(slots);
        return distinct;
    }

    private static (int[] Codes, int Count)? KeyCodes(Vector key, int rowCount) => key switch
    {
        ColumnVector { Column: StringColumn s } => DenseCodes.Of(s.Codes, rowCount, s.Dictionary.Count),
        ColumnVector { Column: DynamicColumn d } => DenseCodes.Of(d.Codes, rowCount, d.Dictionary.Count),
        CodedVector c => DenseCodes.Of(c.Codes, rowCount, c.ByCode.Length),
        ColumnVector { Column: PrimitiveColumn<long> p } => ValueCodes(p, rowCount),
        ColumnVector { Column: PrimitiveColumn<int> p } => ValueCodes(p, rowCount),
        ColumnVector { Column: PrimitiveColumn<DateTime> p } => ValueCodes(p, rowCount),
        ColumnVector { Column: PrimitiveColumn<TimeSpan> p } => ValueCodes(p, rowCount),
        ColumnVector { Column: PrimitiveColumn<bool> p } => ValueCodes(p, rowCount),
        _ => null,
    };

    /// <summary>Code 0 for null, then one code per distinct value in order of appearance.</summary>
    private static (int[] Codes, int Count) ValueCodes<T>(PrimitiveColumn<T> column, int rowCount)
        where T : unmanaged, IEquatable<T>
    {
        var codes = new int[rowCount];
        var seen = new Dictionary<T, int>();
        for (var row = 0; row < rowCount; row++)
        {
            if (column.IsNull(row)) continue;
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(seen, column.Get(row), out var exists);
            if (!exists) slot = seen.Count;
            codes[row] = slot;
        }
        return (codes, seen.Count + 1);
    }

    private static void AddHashes(StringColumn values, int[] rowGroups, List<AggregateState[]> groupStates, int a)
    {
        var codes = values.Codes;
        var hashes = new ulong[values.Dictionary.Count];
        var hashed = new bool[hashes.Length];
        for (var row = 0; row < rowGroups.Length; row++)
        {
            var code = codes[row];
            if (!hashed[code])
            {
                hashes[code] = StableHash.OfString(values.Dictionary.GetString(code));
                hashed[code] = true;
            }
            ((AggregateFunctions.DistinctCount)groupStates[rowGroups[row]][a]).AddHash(hashes[code]);
        }
    }
}
