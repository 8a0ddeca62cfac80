using Detection.Kql.Diagnostics;
using Detection.Kql.Syntax;

namespace Detection.Kql.Parsing;

public sealed partial class Parser
{
    private static readonly Dictionary<string, SyntaxKind> OperatorKinds = new(StringComparer.Ordinal)
    {
        ["where"] = SyntaxKind.WhereOperator, ["filter"] = SyntaxKind.WhereOperator,
        ["extend"] = SyntaxKind.ExtendOperator, ["project"] = SyntaxKind.ProjectOperator,
        ["project-away"] = SyntaxKind.ProjectAwayOperator, ["project-keep"] = SyntaxKind.ProjectKeepOperator,
        ["project-rename"] = SyntaxKind.ProjectRenameOperator, ["project-reorder"] = SyntaxKind.ProjectReorderOperator,
        ["summarize"] = SyntaxKind.SummarizeOperator, ["join"] = SyntaxKind.JoinOperator, ["lookup"] = SyntaxKind.LookupOperator,
        ["union"] = SyntaxKind.UnionOperator, ["mv-expand"] = SyntaxKind.MvExpandOperator, ["mvexpand"] = SyntaxKind.MvExpandOperator,
        ["mv-apply"] = SyntaxKind.MvApplyOperator, ["mvapply"] = SyntaxKind.MvApplyOperator,
        ["parse"] = SyntaxKind.ParseOperator, ["parse-where"] = SyntaxKind.ParseOperator, ["parse-kv"] = SyntaxKind.ParseKvOperator,
        ["make-series"] = SyntaxKind.MakeSeriesOperator, ["top"] = SyntaxKind.TopOperator,
        ["top-nested"] = SyntaxKind.TopNestedOperator, ["top-hitters"] = SyntaxKind.TopHittersOperator,
        ["sort"] = SyntaxKind.SortOperator, ["order"] = SyntaxKind.SortOperator,
        ["take"] = SyntaxKind.TakeOperator, ["limit"] = SyntaxKind.TakeOperator,
        ["sample"] = SyntaxKind.SampleOperator, ["sample-distinct"] = SyntaxKind.SampleDistinctOperator,
        ["distinct"] = SyntaxKind.DistinctOperator, ["count"] = SyntaxKind.CountOperator,
        ["evaluate"] = SyntaxKind.EvaluateOperator, ["as"] = SyntaxKind.AsOperator, ["serialize"] = SyntaxKind.SerializeOperator,
        ["invoke"] = SyntaxKind.InvokeOperator, ["render"] = SyntaxKind.RenderOperator, ["getschema"] = SyntaxKind.GetSchemaOperator,
        ["range"] = SyntaxKind.RangeOperator, ["print"] = SyntaxKind.PrintOperator, ["search"] = SyntaxKind.SearchOperator,
        ["find"] = SyntaxKind.FindOperator, ["consume"] = SyntaxKind.ConsumeOperator, ["facet"] = SyntaxKind.FacetOperator,
        ["reduce"] = SyntaxKind.FacetOperator, ["fork"] = SyntaxKind.FacetOperator, ["partition"] = SyntaxKind.FacetOperator,
        ["scan"] = SyntaxKind.FacetOperator, ["make-graph"] = SyntaxKind.FacetOperator, ["project-smart"] = SyntaxKind.ProjectOperator,
    };

    /// <summary>Words that may follow '|' (the parser's list of tabular operators).</summary>
    public static IReadOnlyCollection<string> OperatorWords => OperatorKinds.Keys;

    private static bool IsOperatorWord(string word) => OperatorKinds.ContainsKey(word);

    private SyntaxNode Operator()
    {
        if (Kind != SyntaxKind.Identifier)
        {
            Report(DiagnosticFactory.OperatorExpected(MissingSpan, Current.Text));
            return Node(SyntaxKind.UnknownOperator, Missing(SyntaxKind.Identifier));
        }
        if (!OperatorKinds.TryGetValue(Current.Text, out var kind))
        {
            // As Kusto recovers: the unknown word (and a parenthesized expression after it); what follows ends the statement.
            Report(DiagnosticFactory.OperatorExpected(Current.Span, Current.Text));
            var word = Take();
            return Kind == SyntaxKind.OpenParen
                ? Node(SyntaxKind.UnknownOperator, word, Expression())
                : Node(SyntaxKind.UnknownOperator, word);
        }
        return Nested(() => OperatorOfKind(kind));
    }

    private SyntaxNode OperatorOfKind(SyntaxKind kind)
    {
        var word = Take();
        var c = new List<SyntaxElement> { word };
        switch (kind)
        {
            case SyntaxKind.WhereOperator or SyntaxKind.TakeOperator or SyntaxKind.SampleOperator:
                c.Add(Expression());
                break;
            case SyntaxKind.ExtendOperator or SyntaxKind.ProjectOperator or SyntaxKind.SerializeOperator or SyntaxKind.PrintOperator:
                Parameters(c);
                // Kusto accepts an empty project (and serialize); extend and print need an item.
                ItemList(c, NamedItem, allowEmpty: kind is SyntaxKind.SerializeOperator or SyntaxKind.ProjectOperator);
                foreach (var star in c.OfType<SyntaxNode>().Where(n => n.Kind == SyntaxKind.StarExpression))
                    Report(DiagnosticFactory.Unexpected(star.Span, "*"));
                break;
            case SyntaxKind.ProjectRenameOperator:
                ItemList(c, NamedItem);
                break;
            case SyntaxKind.ProjectAwayOperator or SyntaxKind.ProjectKeepOperator or SyntaxKind.ProjectReorderOperator:
                ItemList(c, ColumnPatternItem, allowEmpty: true);
                break;
            case SyntaxKind.SummarizeOperator:
                Parameters(c);
                if (!IsWord("by")) ItemList(c, NamedItem, allowEmpty: true);
                if (IsWord("by")) c.Add(ByClause());
                break;
            case SyntaxKind.DistinctOperator:
                Parameters(c);
                ItemList(c, () => Kind == SyntaxKind.Asterisk ? Node(SyntaxKind.StarExpression, Take()) : NamedItem());
                break;
            case SyntaxKind.JoinOperator or SyntaxKind.LookupOperator:
                Parameters(c);
                c.Add(Expression());
                if (IsWord("on")) c.Add(JoinOnClause());
                else if (kind == SyntaxKind.JoinOperator)
                    Report(DiagnosticFactory.JoinOnMissing(TextSpan.FromBounds(word.Start, _tokens[_index - 1].Span.End)));
                break;
            case SyntaxKind.UnionOperator:
                Parameters(c);
                ItemList(c, UnionLeg);
                break;
            case SyntaxKind.MvExpandOperator or SyntaxKind.MvApplyOperator:
                MvExpand(c, kind == SyntaxKind.MvApplyOperator);
                break;
            case SyntaxKind.ParseOperator:
                Parse(c);
                break;
            case SyntaxKind.MakeSeriesOperator:
                MakeSeries(c);
                break;
            case SyntaxKind.TopOperator:
                Parameters(c);
                c.Add(Expression());
                c.Add(ExpectWord("by"));
                ItemList(c, SortItem);
                break;
            case SyntaxKind.SortOperator:
                Parameters(c);
                c.Add(ExpectWord("by"));
                ItemList(c, SortItem);
                break;
            case SyntaxKind.TopHittersOperator or SyntaxKind.SampleDistinctOperator:
                c.Add(Expression());
                c.Add(ExpectWord("of"));
                c.Add(Expression());
                if (IsWord("by")) c.Add(ByClause());
                break;
            case SyntaxKind.EvaluateOperator or SyntaxKind.InvokeOperator:
                Parameters(c);
                c.Add(Expression());
                break;
            case SyntaxKind.AsOperator:
                Parameters(c);
                c.Add(NameNode());
                break;
            case SyntaxKind.RangeOperator:
                c.Add(NameNode());
                c.Add(ExpectWord("from"));
                c.Add(Expression());
                c.Add(ExpectWord("to"));
                c.Add(Expression());
                c.Add(ExpectWord("step"));
                c.Add(Expression());
                break;
            case SyntaxKind.CountOperator or SyntaxKind.GetSchemaOperator or SyntaxKind.ConsumeOperator:
                Parameters(c);
                break;
            default:
                // render, top-nested, parse-kv, search, find, facet…: kept verbatim; the binder reports what it cannot check.
                var rest = SkipClause();
                if (rest is not null) c.Add(rest);
                break;
        }
        return Node(kind, c);
    }

    /// <summary>Operator parameters such as <c>kind=inner</c>, <c>hint.strategy=shuffle</c>, <c>isfuzzy=true</c>.</summary>
    private void Parameters(List<SyntaxElement> c)
    {
        while (Kind == SyntaxKind.Identifier && IsParameterStart()) c.Add(QueryParameter());
    }

    private bool IsParameterStart()
    {
        if (PeekToken(1).Kind == SyntaxKind.Equal)
            return Current.Text is "kind" or "withsource" or "with_source" or "isfuzzy" or "bagexpansion" or "with_itemindex"
                or "flags" or "decodeblocks" or "materialized" or "hint";
        return Current.Text == "hint" && PeekToken(1).Kind == SyntaxKind.Dot;
    }

    /// <summary>Comma-separated items; a missing comma between two items is reported and the list goes on (as Kusto does).</summary>
    private void ItemList(List<SyntaxElement> c, Func<SyntaxNode> item, bool allowEmpty = false)
    {
        if (allowEmpty && (AtEndOfClause() || IsListStop())) return;
        while (true)
        {
            var before = _index;
            c.Add(item());
            if (Kind == SyntaxKind.Comma) { c.Add(Take()); continue; }
            if (AtEndOfClause() || IsListStop() || _index == before) return;
            Report(DiagnosticFactory.Expected(Current.Span, "','", Current.Text));
        }
    }

    private bool IsListStop() =>
        Kind == SyntaxKind.Identifier && Current.Text is "by" or "on" or "limit" or "with" or "to" or "from" or "step" or "of";

    // NamedExpression: Name '=' PipeExpression | CompoundNamedExpression: '(' Name (',' Name)* ')' '=' Expression | Expression
    private SyntaxNode NamedItem()
    {
        if (IsNameStart() is int length && PeekToken(length).Kind == SyntaxKind.Equal)
        {
            var name = NameNode();
            return Node(SyntaxKind.NamedExpression, name, Take(), Expression());
        }
        if (Kind == SyntaxKind.OpenParen && IsCompoundName())
        {
            var names = new List<SyntaxElement> { Take() };
            while (Kind is not (SyntaxKind.CloseParen or SyntaxKind.EndOfFile))
            {
                names.Add(NameNode());
                if (Kind == SyntaxKind.Comma) names.Add(Take());
                else break;
            }
            names.Add(Expect(SyntaxKind.CloseParen, ")"));
            return Node(SyntaxKind.CompoundNamedExpression, Node(SyntaxKind.ExpressionList, names), Take(), Expression());
        }
        return Expression();
    }

    /// <summary>The number of tokens of the name at the current position (1 for a word, 3 for <c>['x']</c>), or null.</summary>
    private int? IsNameStart()
    {
        if (Kind == SyntaxKind.Identifier) return 1;
        if (Kind == SyntaxKind.OpenBracket && PeekToken(1).Kind == SyntaxKind.StringLiteral && PeekToken(2).Kind == SyntaxKind.CloseBracket) return 3;
        return null;
    }

    private bool IsCompoundName()
    {
        var i = 1;
        while (PeekToken(i).Kind == SyntaxKind.Identifier)
        {
            if (PeekToken(i + 1).Kind == SyntaxKind.Comma) { i += 2; continue; }
            return PeekToken(i + 1).Kind == SyntaxKind.CloseParen && PeekToken(i + 2).Kind == SyntaxKind.Equal;
        }
        return false;
    }

    // A column name or a wildcard pattern such as Bar* or *_s (tokens adjacent, no trivia between them).
    private SyntaxNode ColumnPatternItem()
    {
        if (Kind == SyntaxKind.OpenBracket) return SortSuffix(NameNode());
        if (Kind is not (SyntaxKind.Identifier or SyntaxKind.Asterisk))
        {
            Report(DiagnosticFactory.NameExpected(MissingSpan, Current.Text));
            return Node(SyntaxKind.NameReference, Missing(SyntaxKind.Identifier));
        }
        var parts = new List<SyntaxElement> { Take() };
        while (Kind is SyntaxKind.Identifier or SyntaxKind.Asterisk or SyntaxKind.LongLiteral && Current.Trivia.Length == 0) parts.Add(Take());
        var node = parts.Count == 1 && parts[0].Kind == SyntaxKind.Identifier
            ? Node(SyntaxKind.NameReference, parts)
            : Node(SyntaxKind.WildcardName, parts);
        return SortSuffix(node);
    }

    private SyntaxNode SortSuffix(SyntaxNode node) =>
        IsWord("asc") || IsWord("desc") || IsWord("granny-asc") ? Node(SyntaxKind.SortItem, node, Take()) : node;

    // SortItem: Expression ('asc' | 'desc')? ('nulls' ('first' | 'last'))?
    private SyntaxNode SortItem()
    {
        var children = new List<SyntaxElement> { Expression() };
        if (IsWord("asc") || IsWord("desc")) children.Add(Take());
        if (IsWord("nulls") && (IsWord(1, "first") || IsWord(1, "last"))) { children.Add(Take()); children.Add(Take()); }
        return Node(SyntaxKind.SortItem, children);
    }

    // ByClause: 'by' NamedItem (',' NamedItem)*
    private SyntaxNode ByClause()
    {
        var children = new List<SyntaxElement> { Take() };
        ItemList(children, NamedItem);
        return Node(SyntaxKind.ByClause, children);
    }

    // OnClause (join): 'on' Expression (',' Expression)*
    private SyntaxNode JoinOnClause()
    {
        var children = new List<SyntaxElement> { Take() };
        ItemList(children, Expression);
        return Node(SyntaxKind.OnClause, children);
    }

    // Union leg: a wildcard table pattern, or an expression (name, call, parenthesized query)
    private SyntaxNode UnionLeg()
    {
        if (Kind == SyntaxKind.Identifier && PeekToken(1).Kind == SyntaxKind.Asterisk && PeekToken(1).Trivia.Length == 0)
            return ColumnPatternItem();
        return Expression();
    }
}
