using System.Text.RegularExpressions;
using Detection.Kql.Diagnostics;
using Detection.Kql.Syntax;

namespace Detection.Kql.Binding;

public sealed partial class Binder
{
    /// <summary>The input columns a project-away/keep/reorder item names (a name or a wildcard pattern), reporting names that match nothing.</summary>
    private List<BoundColumn> MatchColumns(SyntaxNode item, TableShape input, bool columnExpected)
    {
        if (item.Kind == SyntaxKind.SortItem) item = item.NodeAt(0)!;
        if (item.Kind == SyntaxKind.WildcardName)
        {
            var pattern = string.Concat(item.Tokens().Select(t => t.Text));
            var regex = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
            var matches = input.Columns.Where(c => regex.IsMatch(c.Name)).ToList();
            if (matches.Count == 0 && !input.IsOpen) Report(DiagnosticFactory.NameUnknown(item.Span, pattern));
            return matches;
        }
        if (item.Kind is not (SyntaxKind.NameReference or SyntaxKind.BracketedName))
        {
            if (columnExpected && item.Kind != SyntaxKind.MissingExpression) Report(DiagnosticFactory.ColumnExpected(item.Span, item.ToString()));
            return [];
        }
        var name = NameText(item);
        if (input.Find(name) is { } column) return [column];
        if (!input.IsOpen && name.Length > 0)
        {
            if (columnExpected) Report(DiagnosticFactory.ColumnExpected(item.Span, name));
            Report(DiagnosticFactory.NameUnknown(item.Span, name));
        }
        return [];
    }

    private TableShape BindProjectAway(SyntaxNode op, TableShape input)
    {
        var removed = op.Nodes().SelectMany(i => MatchColumns(i, input, columnExpected: true)).Select(c => c.Name).ToHashSet();
        return new TableShape(input.Columns.Where(c => !removed.Contains(c.Name)), input.IsOpen);
    }

    private TableShape BindProjectKeep(SyntaxNode op, TableShape input)
    {
        var kept = op.Nodes().SelectMany(i => MatchColumns(i, input, columnExpected: true)).Select(c => c.Name).ToHashSet();
        return new TableShape(input.Columns.Where(c => kept.Contains(c.Name)), input.IsOpen);
    }

    private TableShape BindProjectReorder(SyntaxNode op, TableShape input)
    {
        var first = op.Nodes().SelectMany(i => MatchColumns(i, input, columnExpected: false)).DistinctBy(c => c.Name).ToList();
        var names = first.Select(c => c.Name).ToHashSet();
        return new TableShape(first.Concat(input.Columns.Where(c => !names.Contains(c.Name))), input.IsOpen);
    }

    private TableShape BindProjectRename(SyntaxNode op, TableShape input)
    {
        var columns = input.Columns.ToList();
        foreach (var item in op.Nodes().Where(n => n.Kind == SyntaxKind.NamedExpression))
        {
            var newName = NameText(item.NodeAt(0)!);
            var old = item.NodeAt(1)!;
            var oldColumn = MatchColumns(old, input, columnExpected: true).FirstOrDefault();
            if (oldColumn is null)
            {
                if (input.IsOpen) columns.Add(new BoundColumn(newName, TypeSymbol.Dynamic));
                continue;
            }
            var at = columns.FindIndex(c => c.Name == oldColumn.Name);
            if (at >= 0) columns[at] = oldColumn with { Name = newName };
        }
        return new TableShape(columns, input.IsOpen);
    }
}
