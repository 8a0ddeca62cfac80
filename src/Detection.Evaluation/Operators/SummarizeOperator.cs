using Detection.Evaluation.Aggregates;
using Detection.Evaluation.Expressions;
using Detection.Evaluation.Running;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Operators;

/// <summary>
/// <c>summarize aggregates by keys</c>: hash aggregation chunk by chunk. Output columns are the keys, then the aggregates,
/// named as Kusto names them (KQL-SEMANTICS §4); groups come out in order of first appearance. Without keys there is
/// always exactly one row, even over no input.
/// </summary>
internal static partial class SummarizeOperator
{
    public static Table Run(SyntaxNode op, Table input, QueryRunner runner, Scope scope)
    {
        var compiler = new ExprCompiler(runner, scope, input.Schema);
        var keys = new List<(string Name, Expr Expr)>();
        var counter = 0;
        foreach (var item in op.Node(SyntaxKind.ByClause)?.Nodes() ?? [])
        {
            var (name, expr) = ExtendOperator.Item(item, runner, scope, input.Schema, ref counter);
            keys.Add((name, expr));
        }
        var byNames = keys.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        var plans = op.Nodes().Where(n => n.Kind is not (SyntaxKind.ByClause or SyntaxKind.QueryParameter))
            .Select(item => Plan(item, compiler, input.Schema, byNames)).ToList();

        var taken = new HashSet<string>(byNames, StringComparer.Ordinal);
        var outputColumns = keys.Select(k => new ColumnSymbol(k.Name, k.Expr.Type)).ToList();
        foreach (var plan in plans)
            foreach (var (name, type) in plan.Columns)
            {
                var unique = Naming.Unique(name, taken);
                taken.Add(unique);
                outputColumns.Add(new ColumnSymbol(unique, type));
            }

        // Group g has key id g: ids are given in order of first appearance, as groups are.
        var groups = new KeyIds(runner.Strings);
        var groupKeys = new List<KeySource>();
        var groupStates = new List<AggregateState[]>();
        var buffers = plans.Select(p => new object?[p.Args.Count]).ToArray();
        int NewGroup(KeySource key)
        {
            groupKeys.Add(key);
            var states = new AggregateState[plans.Count];
            for (var a = 0; a < states.Length; a++) states[a] = plans[a].Create();
            groupStates.Add(states);
            return groupKeys.Count - 1;
        }
        int GroupOf(object?[] values)
        {
            var normalized = new object?[values.Length];
            for (var k = 0; k < values.Length; k++) normalized[k] = Kv.Key(values[k]);
            var id = groups.Find(normalized, add: true);
            return id < groupKeys.Count ? id : NewGroup(new KeySource(values, null, 0));
        }

        var sample = plans.Select(p => p.Create()).ToArray();
        var aside = new GroupArrays?[plans.Count];
        foreach (var chunk in input.Chunks)
        {
            var keyVectors = keys.Select(k => k.Expr.Eval(chunk)).ToArray();
            var argVectors = plans.Select(p => p.Args.Select(a => a.Eval(chunk)).ToArray()).ToArray();
            // Keys that are dictionary codes or typed values: the group of each distinct combination is found once a chunk.
            if (KeyCodes(keyVectors, chunk.RowCount) is { } keyCodes)
            {
                var idOfRow = keyVectors.All(k => k is ColumnVector)
                    ? groups.ForColumns(keyVectors.Select(k => ((ColumnVector)k).Column).ToList(), add: true)
                    : null;
                Func<int, int> groupOfRow = idOfRow is null
                    ? row => GroupOf(keyVectors.Select(k => k.Get(row)).ToArray())
                    : row => idOfRow(row) is var id && id < groupKeys.Count ? id : NewGroup(new KeySource(null, keyVectors, row));
                AddByCodes(keyCodes.Codes, keyCodes.Count, chunk.RowCount, argVectors, sample, groupStates, groupOfRow, aside);
                continue;
            }
            for (var a = 0; a < aside.Length; a++) aside[a]?.Flush(groupStates, a);
            for (var row = 0; row < chunk.RowCount; row++)
            {
                var values = new object?[keyVectors.Length];
                for (var k = 0; k < values.Length; k++) values[k] = keyVectors[k].Get(row);
                var states = groupStates[GroupOf(values)];
                for (var a = 0; a < plans.Count; a++)
                {
                    var buffer = buffers[a];
                    for (var i = 0; i < buffer.Length; i++) buffer[i] = argVectors[a][i].Get(row);
                    states[a].Add(buffer);
                }
            }
        }
        for (var a = 0; a < aside.Length; a++) aside[a]?.Flush(groupStates, a);
        if (keys.Count == 0 && groupKeys.Count == 0) NewGroup(new KeySource([], null, 0));
        return Output(new TableSymbol(input.Schema.Name, outputColumns), groupKeys, plans, groupStates);
    }
}
