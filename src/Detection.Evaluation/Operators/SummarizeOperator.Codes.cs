using Detection.Anomalies;
using Detection.Evaluation.Aggregates;
using Detection.Evaluation.Values;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Operators;

internal static partial class SummarizeOperator
{
    /// <summary>
    /// Aggregates one chunk grouped by one string column, on its dictionary codes: each distinct value's group is found
    /// once, <c>count()</c> adds a per-code tally once per group, <c>dcount(s)</c> of a string column adds a hash
    /// computed once per distinct value; other aggregates get their boxed arguments row by row. Groups are created in
    /// order of first appearance, and every aggregate sees its group's rows in order, as on the general path.
    /// </summary>
    private static void AddByCodes(StringColumn key, int rowCount, Vector[][] args, AggregateState[] sample,
        List<AggregateState[]> groupStates, Func<int, int> groupOfValue)
    {
        var codes = key.Codes;
        var groupOfCode = new int[key.Dictionary.Count];
        Array.Fill(groupOfCode, -1);
        var rowGroups = new int[rowCount];
        var tally = new int[groupOfCode.Length];
        for (var row = 0; row < rowCount; row++)
        {
            var code = codes[row];
            var g = groupOfCode[code];
            if (g < 0) g = groupOfCode[code] = groupOfValue(code);
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
