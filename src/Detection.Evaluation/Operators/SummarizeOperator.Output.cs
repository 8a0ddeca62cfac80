using Detection.Evaluation.Aggregates;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Operators;

internal static partial class SummarizeOperator
{
    /// <summary>A group's key: boxed values, or the row of the chunk's key vectors where the group first appeared.</summary>
    internal readonly record struct KeySource(object?[]? Values, Vector[]? Vectors, int Row)
    {
        public object? Get(int k) => Values is { } values ? values[k] : Vectors![k].Get(Row);

        public Column? StoredColumn(int k, KqlType type) => Values is null ? Stored(Vectors![k], type) : null;
    }

    /// <summary>The stored column behind <paramref name="vector"/> when it has type <paramref name="type"/>, else null.</summary>
    private static Column? Stored(Vector vector, KqlType type) =>
        vector is ColumnVector { Column: var column } && column.Type == type ? column : null;

    /// <summary>
    /// One row a group, column by column. A column whose every value is a stored row — keys first seen in a stored column,
    /// arg_max/arg_min winners read from one — is gathered from those rows (strings are not decoded and encoded again);
    /// the others are built from the aggregates' boxed results.
    /// </summary>
    private static Table Output(TableSymbol schema, List<KeySource> keys, List<AggregatePlan> plans, List<AggregateState[]> states)
    {
        var groups = keys.Count;
        if (groups == 0) return new Table(schema, []);
        var columns = new Column[schema.Columns.Length];
        var keyCount = columns.Length - plans.Sum(p => p.Columns.Count);
        var sources = new Column?[groups];
        var rows = new int[groups];
        for (var k = 0; k < keyCount; k++)
        {
            var type = schema.Columns[k].Type;
            var stored = true;
            for (var g = 0; g < groups && stored; g++)
            {
                sources[g] = keys[g].StoredColumn(k, type);
                rows[g] = keys[g].Row;
                stored = sources[g] is not null;
            }
            columns[k] = stored ? CellGather.Gather(type, sources, rows)
                : ColumnFactory.FromValues(type, keys.Select(key => Kv.Fit(key.Get(k), type)).ToList());
        }
        var at = keyCount;
        for (var a = 0; a < plans.Count; a++)
        {
            var width = plans[a].Columns.Count;
            if (!WinnerRows(states, a, schema, at, width, out var winners, out var winnerRows))
                BoxedResults(states, a, schema, at, width, columns);
            else
            {
                // Winners lie in any chunk: read chunk by chunk (a group's winner columns all come from one chunk).
                var visit = CellGather.SourceOrder(winners);
                for (var i = 0; i < width; i++)
                {
                    for (var g = 0; g < groups; g++) sources[g] = winners[g] is { } vectors ? Stored(vectors[i], schema.Columns[at + i].Type) : null;
                    columns[at + i] = CellGather.Gather(schema.Columns[at + i].Type, sources, winnerRows, visit);
                }
            }
            at += width;
        }
        return new Table(schema, [new Chunk(groups, columns)]);
    }

    /// <summary>Each group's arg_max/arg_min winner as stored columns' row, when aggregate <paramref name="a"/> has one for every group.</summary>
    private static bool WinnerRows(List<AggregateState[]> states, int a, TableSymbol schema, int at, int width,
        out Vector[]?[] winners, out int[] rows)
    {
        winners = new Vector[]?[states.Count];
        rows = new int[states.Count];
        for (var g = 0; g < states.Count; g++)
        {
            if (states[g][a] is not AggregateFunctions.ArgExtreme extreme || !extreme.TryWinnerRow(out var vectors, out rows[g])) return false;
            for (var i = 0; vectors is not null && i < width; i++)
                if (Stored(vectors[i], schema.Columns[at + i].Type) is null) return false;
            winners[g] = vectors;
        }
        return true;
    }

    private static void BoxedResults(List<AggregateState[]> states, int a, TableSymbol schema, int at, int width, Column[] columns)
    {
        var values = Enumerable.Range(0, width).Select(_ => new List<object?>(states.Count)).ToArray();
        var results = new List<object?>(width);
        foreach (var group in states)
        {
            results.Clear();
            group[a].Results(results);
            for (var i = 0; i < width; i++) values[i].Add(Kv.Fit(results[i], schema.Columns[at + i].Type));
        }
        for (var i = 0; i < width; i++) columns[at + i] = ColumnFactory.FromValues(schema.Columns[at + i].Type, values[i]);
    }
}
