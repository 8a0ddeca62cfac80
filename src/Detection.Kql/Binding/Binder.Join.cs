using Detection.Kql.Diagnostics;
using Detection.Kql.Syntax;

namespace Detection.Kql.Binding;

public sealed partial class Binder
{
    private TableShape BindJoin(SyntaxNode op, TableShape left)
    {
        var kind = ParameterValue(op, "kind") ?? (op.Kind == SyntaxKind.LookupOperator ? "leftouter" : "innerunique");
        if (!JoinKinds.Contains(kind) && op.Nodes().FirstOrDefault(n => n.Kind == SyntaxKind.QueryParameter && n.FirstToken!.Text == "kind") is { } kindNode)
            Report(DiagnosticFactory.Expected(kindNode.Nodes().Last().Span,
                "one of inner, innerunique, leftouter, rightouter, fullouter, leftsemi, rightsemi, leftanti, rightanti", kind));
        var rightNode = op.Nodes().FirstOrDefault(n => n.Kind is not (SyntaxKind.QueryParameter or SyntaxKind.OnClause));
        var right = TableShape.Open;
        if (rightNode is not null)
        {
            var saved = _row;
            _row = null;
            var type = BindTabularOrScalar(rightNode, expectTable: true);
            _row = saved;
            if (type.IsTabular) right = type.Table!;
            else if (!type.IsError) Report(DiagnosticFactory.Tabular(rightNode.Span, type.Display));
        }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (op.Node(SyntaxKind.OnClause) is { } on) BindJoinConditions(on, left, right, keys);

        var open = left.IsOpen || right.IsOpen;
        switch (kind)
        {
            case "leftsemi" or "leftanti" or "anti" or "leftantisemi":
                return left;
            case "rightsemi" or "rightanti" or "rightantisemi":
                return right;
        }
        var columns = left.Columns.ToList();
        var taken = columns.Select(c => c.Name).ToHashSet();
        foreach (var column in right.Columns)
        {
            // lookup drops the right side's copies of the keys; join keeps them, renamed.
            if (op.Kind == SyntaxKind.LookupOperator && keys.Contains(column.Name)) continue;
            var name = TableShape.Unique(column.Name, taken);
            taken.Add(name);
            columns.Add(column with { Name = name });
        }
        return new TableShape(columns, open);
    }

    private static readonly HashSet<string> JoinKinds = new(StringComparer.Ordinal)
    {
        "inner", "innerunique", "leftouter", "rightouter", "fullouter", "leftsemi", "rightsemi", "leftanti", "rightanti",
        "anti", "leftantisemi", "rightantisemi", "semi",
    };

    /// <summary>Binds <c>on A, $left.B == $right.C</c>; a bare name must be a column of both sides.</summary>
    private void BindJoinConditions(SyntaxNode on, TableShape left, TableShape right, HashSet<string> keys)
    {
        var saved = (_row, _joinSides);
        _joinSides = (left, right);
        try
        {
            foreach (var condition in on.Nodes())
            {
                if (condition.Kind is SyntaxKind.NameReference or SyntaxKind.BracketedName)
                {
                    var name = NameText(condition);
                    keys.Add(name);
                    if (!left.Contains(name) && !left.IsOpen) Report(DiagnosticFactory.NameUnknown(condition.Span, name));
                    else if (!right.Contains(name) && !right.IsOpen) Report(DiagnosticFactory.NameUnknown(condition.Span, name));
                    continue;
                }
                _row = left;
                BindScalar(condition);
                foreach (var access in condition.DescendantNodesAndSelf().Where(n => n.Kind == SyntaxKind.MemberAccess
                             && n.NodeAt(0)!.FirstToken!.Text == "$right"))
                    keys.Add(NameText(access.NodeAt(1)!));
            }
        }
        finally { (_row, _joinSides) = saved; }
    }

    /// <summary>The value of an operator parameter such as <c>kind=inner</c>, or null.</summary>
    private static string? ParameterValue(SyntaxNode op, string name) =>
        op.Nodes().Where(n => n.Kind == SyntaxKind.QueryParameter && n.FirstToken!.Text == name)
            .Select(n => n.Nodes().LastOrDefault()?.ToString())
            .FirstOrDefault();

    private TableShape BindUnion(SyntaxNode op, TableShape? input)
    {
        var legs = new List<TableShape>();
        if (input is not null) legs.Add(input);
        var fuzzy = ParameterValue(op, "isfuzzy") is "true" or "True";
        var saved = _row;
        _row = null;
        foreach (var leg in op.Nodes().Where(n => n.Kind != SyntaxKind.QueryParameter))
        {
            if (leg.Kind == SyntaxKind.WildcardName)
            {
                var pattern = string.Concat(leg.Tokens().Select(t => t.Text));
                var prefix = pattern.TrimEnd('*');
                legs.AddRange(_schemas.Tables.Where(t => t.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(TableShape.From));
                continue;
            }
            // isfuzzy=true: a leg naming nothing is skipped silently, as Kusto does.
            var quiet = fuzzy && leg.Kind is SyntaxKind.NameReference or SyntaxKind.BracketedName;
            if (quiet) _suppress++;
            TypeSymbol type;
            try { type = BindTabularOrScalar(leg, expectTable: true); }
            finally { if (quiet) _suppress--; }
            if (quiet && type.IsError) Report(DiagnosticFactory.FuzzyLeg(leg.Span, NameText(leg)));
            if (type.IsTabular) legs.Add(type.Table!);
            else if (!type.IsError) Report(DiagnosticFactory.Tabular(leg.Span, type.Display));
        }
        _row = saved;
        var columns = UnionColumns(legs, ParameterValue(op, "kind") == "inner");
        if ((ParameterValue(op, "withsource") ?? ParameterValue(op, "with_source")) is { } source)
            columns.Insert(0, new BoundColumn(source, TypeSymbol.String));
        return new TableShape(columns, legs.Any(l => l.IsOpen));
    }

    /// <summary>Kusto's union of columns: by name in order of appearance; one name with several types becomes name_type per type.</summary>
    private static List<BoundColumn> UnionColumns(List<TableShape> legs, bool inner)
    {
        var byName = new Dictionary<string, List<TypeSymbol>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var column in legs.SelectMany(l => l.Columns))
        {
            if (!byName.TryGetValue(column.Name, out var types))
            {
                byName[column.Name] = types = [];
                order.Add(column.Name);
            }
            if (!types.Any(t => SameType(t, column.Type))) types.Add(column.Type);
        }
        if (inner) order = order.Where(n => legs.All(l => l.Contains(n))).ToList();
        var result = new List<BoundColumn>();
        foreach (var name in order)
        {
            var types = byName[name];
            if (types.Count == 1) result.Add(new BoundColumn(name, types[0]));
            else result.AddRange(types.Select(t => new BoundColumn($"{name}_{t.Display}", t)));
        }
        return result;
    }

    private static bool SameType(TypeSymbol a, TypeSymbol b) =>
        a.IsError || b.IsError || (a.IsScalar && b.IsScalar && a.ScalarType == b.ScalarType);
}
