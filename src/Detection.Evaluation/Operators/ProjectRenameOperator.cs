using Detection.Evaluation.Expressions;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Operators;

/// <summary><c>project-rename New = Old, …</c>: renames columns in place; the data is shared.</summary>
internal static class ProjectRenameOperator
{
    public static Table Run(SyntaxNode op, Table input)
    {
        var columns = input.Schema.Columns.ToList();
        foreach (var item in op.Nodes().Where(n => n.Kind == SyntaxKind.NamedExpression))
        {
            var newName = Naming.NameText(item.NodeAt(0)!);
            var old = Naming.NameText(item.NodeAt(1)!);
            var at = columns.FindIndex(c => c.Name == old);
            if (at < 0) throw new EvaluationException($"no column named '{old}'", item.Span);
            columns[at] = columns[at] with { Name = newName };
        }
        return new Table(new TableSymbol(input.Schema.Name, columns), input.Chunks);
    }
}
