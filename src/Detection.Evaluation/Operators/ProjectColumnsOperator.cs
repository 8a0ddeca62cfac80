using System.Text.RegularExpressions;
using Detection.Evaluation.Expressions;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Operators;

/// <summary><c>project-away</c>, <c>project-keep</c> and <c>project-reorder</c>: column names and wildcard patterns (<c>Prop*</c>).</summary>
internal static class ProjectColumnsOperator
{
    public static Table Run(SyntaxNode op, Table input)
    {
        var columns = input.Schema.Columns;
        var matched = new List<int>();
        var descending = new HashSet<int>();
        foreach (var item in op.Nodes().Where(n => n.Kind != SyntaxKind.QueryParameter))
        {
            var pattern = item.Kind == SyntaxKind.SortItem ? item.NodeAt(0)! : item;
            foreach (var i in Match(pattern, columns))
            {
                if (!matched.Contains(i)) matched.Add(i);
                if (item.Kind == SyntaxKind.SortItem && item.Tokens().Any(t => t.Text == "desc")) descending.Add(i);
            }
        }
        int[] order = op.Kind switch
        {
            SyntaxKind.ProjectAwayOperator => Enumerable.Range(0, columns.Length).Where(i => !matched.Contains(i)).ToArray(),
            SyntaxKind.ProjectKeepOperator => Enumerable.Range(0, columns.Length).Where(matched.Contains).ToArray(),
            _ => matched.Concat(Enumerable.Range(0, columns.Length).Where(i => !matched.Contains(i))).ToArray(),
        };
        return Select(input, order);
    }

    public static IEnumerable<int> Match(SyntaxNode pattern, IReadOnlyList<ColumnSymbol> columns)
    {
        if (pattern.Kind == SyntaxKind.WildcardName)
        {
            var text = string.Concat(pattern.Tokens().Select(t => t.Text));
            var regex = new Regex("^" + Regex.Escape(text).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
            return Enumerable.Range(0, columns.Count).Where(i => regex.IsMatch(columns[i].Name));
        }
        var name = Naming.NameText(pattern);
        var at = columns.ToList().FindIndex(c => c.Name == name);
        if (at < 0) throw new EvaluationException($"no column named '{name}'", pattern.Span);
        return [at];
    }

    /// <summary>The table with only the columns <paramref name="order"/>, in that order (columns shared).</summary>
    public static Table Select(Table input, IReadOnlyList<int> order)
    {
        var schema = new TableSymbol(input.Schema.Name, order.Select(i => input.Schema.Columns[i]));
        return new Table(schema, input.Chunks.Select(c => new Chunk(c.RowCount, order.Select(i => c.Columns[i]))));
    }
}
