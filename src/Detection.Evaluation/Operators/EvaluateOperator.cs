using Detection.Evaluation.Expressions;
using Detection.Evaluation.Running;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Operators;

/// <summary>
/// <c>evaluate plugin(…)</c>. Only <c>bag_unpack(column [, prefix])</c> (bag-unpack-plugin.md): the bag column is
/// replaced by one dynamic column per key, in order of first appearance; a key clashing with an existing column is an
/// error, as in Kusto. Other plugins are not supported yet.
/// </summary>
internal static class EvaluateOperator
{
    public static Table Run(SyntaxNode op, Table input, QueryRunner runner, Scope scope)
    {
        var call = op.Nodes().FirstOrDefault(n => n.Kind == SyntaxKind.CallExpression)
                   ?? throw EvaluationException.NotSupported("evaluate without a plugin call", op);
        var plugin = Naming.FunctionName(call);
        if (plugin != "bag_unpack") throw EvaluationException.NotSupported($"plugin {plugin}", call);
        var args = Naming.Arguments(call);
        var bagColumn = Naming.NameText(args[0]);
        var ordinal = input.Schema.IndexOf(bagColumn);
        if (ordinal < 0) throw new EvaluationException($"bag_unpack: no column named '{bagColumn}'", args[0].Span);
        var prefix = args.Count > 1 ? Kv.ToText(new ExprCompiler(runner, scope, QueryRunner.NoColumns).Compile(args[1]).Eval(new Chunk(1, [])).Get(0)) : "";

        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = ResultBuilder.Rows(input).ToList();
        foreach (var row in rows)
            if (row[ordinal] is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Object } bag)
                foreach (var p in bag.EnumerateObject())
                    if (seen.Add(p.Name)) keys.Add(p.Name);
        var kept = Enumerable.Range(0, input.Schema.Columns.Length).Where(i => i != ordinal).ToList();
        var columns = kept.Select(i => input.Schema.Columns[i]).ToList();
        foreach (var key in keys)
        {
            if (columns.Any(c => c.Name == prefix + key))
                throw new EvaluationException($"bag_unpack: the key '{key}' clashes with the column '{prefix + key}'", call.Span);
            columns.Add(new ColumnSymbol(prefix + key, KqlType.Dynamic));
        }
        var builder = new ResultBuilder(new TableSymbol(input.Schema.Name, columns));
        foreach (var row in rows)
            builder.Add([.. kept.Select(i => row[i]), .. keys.Select(k => Dyn.Member(row[ordinal], k))]);
        return builder.Build();
    }
}
