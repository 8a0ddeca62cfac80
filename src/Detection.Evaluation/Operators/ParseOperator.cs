using System.Text;
using System.Text.RegularExpressions;
using Detection.Evaluation.Expressions;
using Detection.Evaluation.Running;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Operators;

/// <summary>
/// <c>parse [kind=simple|regex|relaxed [flags=…]] expr with [*] "const" col[:type] …</c> and <c>parse-where</c>
/// (parse-operator.md, KQL-SEMANTICS §9): the pattern becomes one regular expression anchored at the start (and at the
/// end when it ends with a column, which then takes the rest). <c>*</c> is <c>.*?</c>, a string column <c>(.*?)</c>.
/// Rows that do not match are kept with null / "" columns; parse-where drops them. relaxed: a typed column whose text
/// does not convert is null instead of failing the match.
/// </summary>
internal static class ParseOperator
{
    public static Table Run(SyntaxNode op, Table input, QueryRunner runner, Scope scope)
    {
        var where = op.FirstToken!.Text == "parse-where";
        var kind = Naming.Parameter(op, "kind") ?? "simple";
        var flags = Naming.Parameter(op, "flags")?.Trim('"', '\'') ?? "";
        var source = new ExprCompiler(runner, scope, input.Schema).Compile(op.Nodes().First(n => n.Kind != SyntaxKind.QueryParameter));
        var pattern = op.Node(SyntaxKind.ParsePattern) ?? throw new EvaluationException("parse needs a pattern", op.Span);
        var (regex, targets) = Build(pattern, kind, flags);

        var columns = input.Schema.Columns.ToList();
        var ordinals = new List<int>();
        foreach (var (name, type) in targets)
        {
            var at = columns.FindIndex(c => c.Name == name);
            if (at >= 0) columns[at] = new ColumnSymbol(name, type);
            else { at = columns.Count; columns.Add(new ColumnSymbol(name, type)); }
            ordinals.Add(at);
        }
        var builder = new ResultBuilder(new TableSymbol(input.Schema.Name, columns));
        foreach (var chunk in input.Chunks)
        {
            var text = source.Eval(chunk);
            var stored = chunk.Columns.Select(c => new ColumnVector(c)).ToArray();
            for (var row = 0; row < chunk.RowCount; row++)
            {
                var match = regex.Match(Kv.ToText(text.Get(row)));
                var values = new object?[columns.Count];
                for (var c = 0; c < stored.Length; c++) values[c] = stored[c].Get(row);
                var ok = match.Success;
                var parsed = new object?[targets.Count];
                for (var t = 0; ok && t < targets.Count; t++)
                {
                    parsed[t] = Kv.ConvertTo(match.Groups[t + 1].Value, targets[t].Type);
                    if (parsed[t] is null && kind != "relaxed") ok = false;
                }
                if (!ok && where) continue;
                for (var t = 0; t < targets.Count; t++) values[ordinals[t]] = ok ? parsed[t] : null;
                builder.Add(values);
            }
        }
        return builder.Build();
    }

    private static (Regex Regex, List<(string Name, KqlType Type)> Targets) Build(SyntaxNode pattern, string kind, string flags)
    {
        var sb = new StringBuilder("^");
        var targets = new List<(string, KqlType)>();
        var lastIsColumn = false;
        foreach (var part in pattern.Nodes())
        {
            lastIsColumn = false;
            switch (part.Kind)
            {
                case SyntaxKind.StarExpression:
                    sb.Append(".*?");
                    break;
                case SyntaxKind.StringLiteralExpression:
                    var text = StringLiterals.Value(part);
                    sb.Append(kind == "regex" ? text : Regex.Escape(text));
                    break;
                case SyntaxKind.NameReference or SyntaxKind.BracketedName or SyntaxKind.SchemaColumn:
                    var name = Naming.NameText(part.Kind == SyntaxKind.SchemaColumn ? part.NodeAt(0)! : part);
                    var type = part.Kind == SyntaxKind.SchemaColumn
                        ? KqlTypeNames.Parse(part.Tokens().Last(t => t.Kind == SyntaxKind.Identifier).Text)
                        : KqlType.String;
                    sb.Append(kind == "relaxed" ? "(.*?)" : type switch
                    {
                        KqlType.Int or KqlType.Long => @"(\-?\d+)",
                        KqlType.Real or KqlType.Decimal => @"(\-?\d+(?:\.\d*)?(?:[eE][\-+]?\d+)?)",
                        _ => "(.*?)",
                    });
                    targets.Add((name, type));
                    lastIsColumn = true;
                    break;
            }
        }
        if (lastIsColumn) sb.Append('$');
        var options = RegexOptions.CultureInvariant;
        if (flags.Contains('i')) options |= RegexOptions.IgnoreCase;
        if (flags.Contains('m')) options |= RegexOptions.Multiline;
        if (flags.Contains('s') || kind != "regex") options |= RegexOptions.Singleline;
        return (new Regex(sb.ToString(), options, TimeSpan.FromSeconds(5)), targets);
    }
}
