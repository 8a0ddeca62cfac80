using System.Text.RegularExpressions;
using Detection.Evaluation.Expressions;
using Detection.Evaluation.Running;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Operators;

/// <summary>
/// <c>union [kind=outer|inner] [withsource=Col] [isfuzzy=true] T1, (query), Pattern*</c>: rows of every leg, chunks shared.
/// Columns by name in order of appearance; one name with several types becomes <c>name_type</c> per type
/// (KQL-SEMANTICS §4); a column a leg lacks is null there. kind=inner keeps the columns every leg has.
/// </summary>
internal static class UnionOperator
{
    public static Table Run(SyntaxNode op, Table? input, QueryRunner runner, Scope scope)
    {
        var legs = new List<(string Name, Table Table)>();
        if (input is not null) legs.Add((input.Name, input));
        var fuzzy = Naming.Parameter(op, "isfuzzy") is "true" or "True";
        foreach (var leg in op.Nodes().Where(n => n.Kind != SyntaxKind.QueryParameter))
        {
            if (leg.Kind == SyntaxKind.WildcardName)
            {
                var pattern = string.Concat(leg.Tokens().Select(t => t.Text));
                var regex = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$");
                var names = runner.Context.Tables.Keys.Concat(runner.Context.Schemas.Tables.Select(t => t.Name)).Distinct().Where(n => regex.IsMatch(n)).Order(StringComparer.Ordinal);
                legs.AddRange(names.Select(n => (n, runner.Context.FindTable(n)!)));
                continue;
            }
            if (fuzzy && leg.Kind is SyntaxKind.NameReference && !runner.IsTabular(leg, scope)) continue;
            var name = leg.Kind is SyntaxKind.NameReference or SyntaxKind.BracketedName ? Naming.NameText(leg) : $"union_arg{legs.Count}";
            legs.Add((name, runner.Tabular(leg, scope)));
        }
        if (legs.Count == 0) throw new EvaluationException("union: no leg names a table", op.Span);

        var columns = Columns(legs.Select(l => l.Table.Schema).ToList(), Naming.Parameter(op, "kind") == "inner");
        var source = Naming.Parameter(op, "withsource") ?? Naming.Parameter(op, "with_source");
        var outputColumns = columns.Select(c => new ColumnSymbol(c.Output, c.Type)).ToList();
        if (source is not null) outputColumns.Insert(0, new ColumnSymbol(source, KqlType.String));
        var chunks = new List<Chunk>();
        var memo = runner.Context.ChunkMemo;
        foreach (var (legName, table) in legs)
        {
            var ordinals = columns.Select(c => table.Schema.Columns.ToList().FindIndex(x => x.Name == c.Name && x.Type == c.Type)).ToArray();
            Chunk Widen(Chunk chunk)
            {
                var built = ordinals.Select((o, i) => o >= 0 ? chunk.Columns[o] : ColumnFactory.Constant(columns[i].Type, null, chunk.RowCount)).ToList();
                if (source is not null) built.Insert(0, ColumnFactory.Constant(KqlType.String, legName, chunk.RowCount));
                return new Chunk(chunk.RowCount, built);
            }
            // The widened chunk is remembered only so that it keeps its identity across runs: the row-local operators
            // after the union then find their own remembered results for it.
            var signature = memo is null ? "" : Signature(legName, source, ordinals, outputColumns);
            foreach (var chunk in table.Chunks)
                chunks.Add(memo is null ? Widen(chunk) : memo.Get(op, signature, chunk, Widen)!);
        }
        return new Table(new TableSymbol("union", outputColumns), chunks);
    }

    private static string Signature(string legName, string? source, int[] ordinals, List<ColumnSymbol> output) =>
        $"{legName}|{source}|{string.Join(',', ordinals)}|{string.Join(',', output.Select(c => $"{c.Name}:{c.Type.Name()}"))}";

    private static List<(string Name, KqlType Type, string Output)> Columns(List<TableSymbol> legs, bool inner)
    {
        var types = new Dictionary<string, List<KqlType>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var column in legs.SelectMany(l => l.Columns))
        {
            if (!types.TryGetValue(column.Name, out var list))
            {
                types[column.Name] = list = [];
                order.Add(column.Name);
            }
            if (!list.Contains(column.Type)) list.Add(column.Type);
        }
        if (inner) order = order.Where(n => legs.All(l => l.IndexOf(n) >= 0)).ToList();
        var result = new List<(string, KqlType, string)>();
        var taken = new HashSet<string>(order, StringComparer.Ordinal);
        foreach (var name in order)
        {
            if (types[name].Count == 1) { result.Add((name, types[name][0], name)); continue; }
            foreach (var type in types[name])
            {
                var output = Naming.Unique($"{name}_{type.Name()}", taken);
                taken.Add(output);
                result.Add((name, type, output));
            }
        }
        return result;
    }
}
