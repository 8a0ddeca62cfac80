using Detection.Anomalies;
using Detection.Evaluation.Aggregates;
using Detection.Evaluation.Values;
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
        List<AggregateState[]> groupStates, Func<int, int> groupOfRow)
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
            switch (sample[a])
            {
                case AggregateFunctions.RowCount:
                    for (var code = 0; code < tally.Length; code++)
                        if (tally[code] > 0) ((AggregateFunctions.RowCount)groupStates[groupOfCode[code]][a]).AddRows(tally[code]);
                    break;
                case AggregateFunctions.DistinctCount { IsPlain: true } when args[a] is [ColumnVector { Column: StringColumn values }]:
                    AddHashes(values, rowGroups, groupStates, a);
                    break;
                case AggregateFunctions.ArgExtreme extreme when args[a][0] is ColumnVector { Column: PrimitiveColumn<DateTime> times }:
                    AddExtremes(codes, codeCount, times, t => t.Ticks, extreme.Sign, args[a], rowGroups, groupStates, a);
                    break;
                case AggregateFunctions.ArgExtreme extreme when args[a][0] is ColumnVector { Column: PrimitiveColumn<long> longs }:
                    AddExtremes(codes, codeCount, longs, v => v, extreme.Sign, args[a], rowGroups, groupStates, a);
                    break;
                case AggregateFunctions.ArgExtreme:
                    for (var row = 0; row < rowCount; row++) ((AggregateFunctions.ArgExtreme)groupStates[rowGroups[row]][a]).Add(args[a], row);
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

    /// <summary>
    /// arg_max / arg_min by a stored time or long: each code's winning row of the chunk is found comparing raw values
    /// (the first of equals), then only those rows are offered to their groups, in row order so that the first of equal
    /// rows still wins across codes of one group.
    /// </summary>
    private static void AddExtremes<T>(int[] codes, int codeCount, PrimitiveColumn<T> by, Func<T, long> order, int sign,
        Vector[] args, int[] rowGroups, List<AggregateState[]> groupStates, int a)
        where T : unmanaged
    {
        var bestRow = new int[codeCount];
        Array.Fill(bestRow, -1);
        var bestValue = new long[codeCount];
        var values = by.Values;
        for (var row = 0; row < rowGroups.Length; row++)
        {
            if (by.IsNull(row)) continue;
            var code = codes[row];
            var value = order(values[row]);
            if (bestRow[code] >= 0 && (sign > 0 ? value <= bestValue[code] : value >= bestValue[code])) continue;
            bestRow[code] = row;
            bestValue[code] = value;
        }
        for (var row = 0; row < rowGroups.Length; row++)
        {
            if (bestRow[codes[row]] == row)
                ((AggregateFunctions.ArgExtreme)groupStates[rowGroups[row]][a]).Add(args, row, order(values[row]));
        }
    }

    /// <summary>
    /// One code per row such that rows with equal codes have equal keys (string and dynamic columns: their dictionary
    /// codes; stored primitive columns: a code per distinct value; several keys: a code per distinct combination), and
    /// the number of codes; null when a key is computed row by row (the caller then groups boxed values).
    /// </summary>
    private static (int[] Codes, int Count)? KeyCodes(Vector[] keys, int rowCount)
    {
        var codes = new int[rowCount];
        var count = 1;
        Dictionary<long, int>? pairs = null;
        foreach (var key in keys)
        {
            if (KeyCodes(key, rowCount) is not { } own) return null;
            if (count == 1)
            {
                Array.Copy(own.Codes, codes, rowCount);
                count = own.Count;
                continue;
            }
            // Combines the codes so far with this key's: one new code per distinct pair.
            (pairs ??= []).Clear();
            for (var row = 0; row < rowCount; row++)
            {
                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(pairs, ((long)codes[row] << 32) | (uint)own.Codes[row], out var exists);
                if (!exists) slot = pairs.Count - 1;
                codes[row] = slot;
            }
            count = pairs.Count;
        }
        return (codes, count);
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
