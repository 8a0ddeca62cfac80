using Detection.Kql.Syntax;

namespace Detection.Kql.Parsing;

public sealed partial class Parser
{
    // DynamicLiteral: 'dynamic' '(' DynamicValue ')'
    private SyntaxNode DynamicLiteral()
    {
        var word = Take();
        var open = Take();
        var value = Kind == SyntaxKind.CloseParen ? null : Nested(DynamicValue);
        return Node(SyntaxKind.DynamicLiteral, word, open, value, Expect(SyntaxKind.CloseParen, ")"));
    }

    // DynamicValue: '[' values ']' | '{' DynamicProperty (',' DynamicProperty)* '}' | scalar literal | null
    private SyntaxNode DynamicValue()
    {
        if (Kind is SyntaxKind.OpenBracket or SyntaxKind.OpenBrace)
        {
            var array = Kind == SyntaxKind.OpenBracket;
            var close = array ? SyntaxKind.CloseBracket : SyntaxKind.CloseBrace;
            var children = new List<SyntaxElement> { Take() };
            while (Kind != close && Kind != SyntaxKind.EndOfFile && Kind != SyntaxKind.CloseParen)
            {
                if (array) children.Add(Nested(DynamicValue));
                else
                {
                    var key = Kind == SyntaxKind.StringLiteral ? Node(SyntaxKind.StringLiteralExpression, Take()) : NameNode();
                    children.Add(Node(SyntaxKind.DynamicProperty, key, Expect(SyntaxKind.Colon, ":"), Nested(DynamicValue)));
                }
                if (Kind != SyntaxKind.Comma) break;
                children.Add(Take());
                if (Kind == close) children.Add(MissingExpression());
            }
            children.Add(Expect(close, array ? "]" : "}"));
            return Node(SyntaxKind.DynamicLiteral, children);
        }
        if (IsWord("null")) return Node(SyntaxKind.LiteralExpression, Take());
        return UnaryExpression();
    }

    // DataTableExpression: 'datatable' QueryParameter* SchemaList '[' (Expression (',' Expression)*)? ']'
    private SyntaxNode DataTable() => Node(SyntaxKind.DataTableExpression, SchemaAndValues());

    // ExternalDataExpression: 'externaldata' QueryParameter* SchemaList '[' urls ']' ('with' '(' properties ')')?
    private SyntaxNode ExternalData()
    {
        var children = SchemaAndValues();
        if (IsWord("with")) children.Add(WithProperties());
        return Node(SyntaxKind.ExternalDataExpression, children);
    }

    // The shared head of datatable and externaldata: keyword QueryParameter* SchemaList '[' (Expression (',' Expression)*)? ']'
    private List<SyntaxElement> SchemaAndValues()
    {
        var children = new List<SyntaxElement> { Take() };
        while (Kind == SyntaxKind.Identifier && PeekToken(1).Kind == SyntaxKind.Equal) children.Add(QueryParameter());
        children.Add(Kind == SyntaxKind.OpenParen ? SchemaList() : Missing(SyntaxKind.OpenParen));
        children.Add(Expect(SyntaxKind.OpenBracket, "["));
        while (Kind is not (SyntaxKind.CloseBracket or SyntaxKind.EndOfFile or SyntaxKind.Bar or SyntaxKind.Semicolon))
        {
            children.Add(Expression());
            if (Kind == SyntaxKind.Comma) children.Add(Take());
            else break;
        }
        children.Add(Expect(SyntaxKind.CloseBracket, "]"));
        return children;
    }

    // 'with' '(' Name '=' value (',' Name '=' value)* ')' kept as a QueryParameter list inside a node
    private SyntaxNode WithProperties()
    {
        var children = new List<SyntaxElement> { Take(), Expect(SyntaxKind.OpenParen, "(") };
        while (Kind is not (SyntaxKind.CloseParen or SyntaxKind.EndOfFile or SyntaxKind.Bar or SyntaxKind.Semicolon))
        {
            children.Add(QueryParameter());
            if (Kind == SyntaxKind.Comma) children.Add(Take());
            else break;
        }
        children.Add(Expect(SyntaxKind.CloseParen, ")"));
        return Node(SyntaxKind.ExpressionList, children);
    }

    // QueryParameter: Name ('.' Name)* '=' (literal | word | '(' list ')' | '-' number)
    private SyntaxNode QueryParameter()
    {
        var children = new List<SyntaxElement> { Take() };
        while (Kind == SyntaxKind.Dot && PeekToken(1).Kind == SyntaxKind.Identifier) { children.Add(Take()); children.Add(Take()); }
        children.Add(Expect(SyntaxKind.Equal, "="));
        if (Kind == SyntaxKind.Identifier) children.Add(Node(SyntaxKind.NameReference, Take()));
        else children.Add(UnaryExpression());
        return Node(SyntaxKind.QueryParameter, children);
    }
}
