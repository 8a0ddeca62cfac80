using Detection.Kql.Diagnostics;
using Detection.Kql.Syntax;

namespace Detection.Kql.Parsing;

public sealed partial class Parser
{
    // mv-expand QueryParameter* Item (',' Item)* LimitClause?; Item: NamedItem ToTypeClause?
    // mv-apply  … the same … OnClause('on' ParenthesizedExpression(leading operator))
    private void MvExpand(List<SyntaxElement> c, bool apply)
    {
        Parameters(c);
        ItemList(c, () =>
        {
            var item = NamedItem();
            if (!IsWord("to") || !IsWord(1, "typeof")) return item;
            var to = Node(SyntaxKind.ToTypeClause, Take(), Take(), Expect(SyntaxKind.OpenParen, "("), TypeName(), Expect(SyntaxKind.CloseParen, ")"));
            return Node(SyntaxKind.NamedExpression, item, to);
        });
        if (IsWord("limit")) c.Add(Node(SyntaxKind.LimitClause, Take(), Expression()));
        if (!apply) return;
        var on = ExpectWord("on");
        var open = Expect(SyntaxKind.OpenParen, "(");
        var body = Nested(() => PipeExpression(leadingOperator: true));
        c.Add(Node(SyntaxKind.OnClause, on, Node(SyntaxKind.ParenthesizedExpression, open, body, Expect(SyntaxKind.CloseParen, ")"))));
    }

    // parse QueryParameter* Expression 'with' ParsePattern; ParsePattern: ('*' | string | Name (':' Type)?)*
    private void Parse(List<SyntaxElement> c)
    {
        Parameters(c);
        c.Add(Expression());
        c.Add(ExpectWord("with"));
        var pattern = new List<SyntaxElement>();
        while (!AtEndOfClause())
        {
            if (Kind == SyntaxKind.Asterisk) pattern.Add(Node(SyntaxKind.StarExpression, Take()));
            else if (Kind == SyntaxKind.StringLiteral) pattern.Add(Node(SyntaxKind.StringLiteralExpression, Take()));
            else if (IsNameStart() is not null)
            {
                var afterColumn = pattern.OfType<SyntaxNode>().LastOrDefault()?.Kind is SyntaxKind.NameReference or SyntaxKind.BracketedName or SyntaxKind.SchemaColumn;
                var name = NameNode();
                var column = Kind == SyntaxKind.Colon ? Node(SyntaxKind.SchemaColumn, name, Take(), TypeName()) : name;
                if (afterColumn) Report(DiagnosticFactory.ParseColumnsAdjacent(column.Span, name.ToString()));
                pattern.Add(column);
            }
            else if (Kind == SyntaxKind.Comma) pattern.Add(Take());
            else break;
        }
        c.Add(Node(SyntaxKind.ParsePattern, pattern));
    }

    // make-series QueryParameter* Aggregate (',' Aggregate)* 'on' Expression MakeSeriesRange ByClause?
    // Aggregate: NamedItem ('default' '=' Expression)?; MakeSeriesRange: ('from' E)? ('to' E)? 'step' E | 'in' 'range' '(' E, E, E ')'
    private void MakeSeries(List<SyntaxElement> c)
    {
        Parameters(c);
        ItemList(c, () =>
        {
            var item = NamedItem();
            if (!IsWord("default") || PeekToken(1).Kind != SyntaxKind.Equal) return item;
            return Node(SyntaxKind.NamedExpression, item, Node(SyntaxKind.QueryParameter, Take(), Take(), Expression()));
        });
        c.Add(ExpectWord("on"));
        // The axis is a plain column: 'in range(…)' after it belongs to make-series, not to an 'in' expression.
        c.Add(Nested(AdditiveExpression));
        var range = new List<SyntaxElement>();
        if (IsWord("in")) { range.Add(Take()); range.Add(Expression()); }
        else
        {
            if (IsWord("from")) { range.Add(Take()); range.Add(Expression()); }
            if (IsWord("to")) { range.Add(Take()); range.Add(Expression()); }
            range.Add(ExpectWord("step"));
            range.Add(Expression());
        }
        c.Add(Node(SyntaxKind.MakeSeriesRange, range));
        if (IsWord("by")) c.Add(ByClause());
    }
}
