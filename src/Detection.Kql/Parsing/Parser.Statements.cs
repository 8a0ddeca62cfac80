using Detection.Kql.Diagnostics;
using Detection.Kql.Syntax;

namespace Detection.Kql.Parsing;

public sealed partial class Parser
{
    // Query: (Statement | ';')* SkippedTokens? EndOfFile
    private SyntaxNode Query()
    {
        var children = new List<SyntaxElement>();
        while (Kind != SyntaxKind.EndOfFile)
        {
            if (Kind == SyntaxKind.Semicolon) { children.Add(Take()); continue; }
            if (!CanStartStatement())
            {
                // As Kusto does: text that cannot start a statement ends the query; the rest is one skipped fragment.
                Report(DiagnosticFactory.Unexpected(Current.Span, Current.Text));
                var rest = new List<SyntaxElement>();
                while (Kind != SyntaxKind.EndOfFile) rest.Add(Take());
                children.Add(Node(SyntaxKind.SkippedTokens, rest));
                break;
            }
            var before = _index;
            children.Add(Statement());
            if (_index == before)
            {
                // Nothing could be parsed here: keep the token as skipped text so the loop always moves on.
                Report(DiagnosticFactory.Unexpected(Current.Span, Current.Text));
                children.Add(Node(SyntaxKind.SkippedTokens, Take()));
                continue;
            }
            if (Kind is not (SyntaxKind.Semicolon or SyntaxKind.EndOfFile) && CanStartStatement())
            {
                Report(DiagnosticFactory.Expected(ExpectedSpan, "';' or '|'", Current.Text));
                // A query operator here most likely lost its '|': parse it as a statement of its own.
                if (Kind == SyntaxKind.Identifier && IsOperatorWord(Current.Text) && PeekToken(1).Kind is not (SyntaxKind.Equal or SyntaxKind.Dot))
                    children.Add(Node(SyntaxKind.ExpressionStatement, PipeExpression(leadingOperator: true)));
            }
        }
        children.Add(Take());
        return Node(SyntaxKind.Query, children);
    }

    private bool CanStartStatement() =>
        Kind is SyntaxKind.Identifier or SyntaxKind.OpenParen or SyntaxKind.StringLiteral or SyntaxKind.LongLiteral
            or SyntaxKind.RealLiteral or SyntaxKind.TimespanLiteral or SyntaxKind.TypedLiteral or SyntaxKind.OpenBracket
            or SyntaxKind.Minus or SyntaxKind.Plus or SyntaxKind.Asterisk;

    private SyntaxNode Statement()
    {
        if (IsWord("let") && PeekToken(1).Kind is SyntaxKind.Identifier or SyntaxKind.OpenBracket) return LetStatement();
        if (IsWord("set") && PeekToken(1).Kind == SyntaxKind.Identifier) return SetStatement();
        if (IsWord("declare") && IsWord(1, "query_parameters")) return DeclareStatement();
        return Node(SyntaxKind.ExpressionStatement, PipeExpression());
    }

    // LetStatement: 'let' Name '=' (FunctionDeclaration | Expression)
    private SyntaxNode LetStatement()
    {
        var let = Take();
        var name = NameNode();
        var equal = Expect(SyntaxKind.Equal, "=");
        SyntaxNode value = IsFunctionDeclarationStart() ? FunctionDeclaration() : PipeExpression();
        return Node(SyntaxKind.LetStatement, let, name, equal, value);
    }

    private bool IsFunctionDeclarationStart()
    {
        var i = IsWord("view") ? 1 : 0;
        if (PeekToken(i).Kind != SyntaxKind.OpenParen) return false;
        var next = PeekToken(i + 1);
        if (next.Kind == SyntaxKind.CloseParen) return PeekToken(i + 2).Kind == SyntaxKind.OpenBrace;
        return next.Kind == SyntaxKind.Identifier && PeekToken(i + 2).Kind == SyntaxKind.Colon;
    }

    // FunctionDeclaration: 'view'? FunctionParameters FunctionBody
    private SyntaxNode FunctionDeclaration()
    {
        var view = TakeIfWord("view");
        var open = Take();
        var parameters = new List<SyntaxElement> { open };
        while (Kind is not (SyntaxKind.CloseParen or SyntaxKind.EndOfFile or SyntaxKind.OpenBrace))
        {
            parameters.Add(FunctionParameter());
            if (Kind == SyntaxKind.Comma) parameters.Add(Take());
            else break;
        }
        parameters.Add(Expect(SyntaxKind.CloseParen, ")"));
        return Node(SyntaxKind.FunctionDeclaration, view, Node(SyntaxKind.FunctionParameters, parameters), FunctionBody());
    }

    // FunctionParameter: Name ':' (Type | SchemaList | '(' '*' ')') ('=' Expression)?
    private SyntaxNode FunctionParameter()
    {
        var name = NameNode();
        var colon = Expect(SyntaxKind.Colon, ":");
        SyntaxElement type = Kind == SyntaxKind.OpenParen ? SchemaList() : TypeName();
        SyntaxToken? equal = null;
        SyntaxNode? defaultValue = null;
        if (Kind == SyntaxKind.Equal)
        {
            equal = Take();
            defaultValue = Expression();
        }
        return Node(SyntaxKind.FunctionParameter, name, colon, type, equal, defaultValue);
    }

    // FunctionBody: '{' (Statement ';')* Statement? '}'
    private SyntaxNode FunctionBody()
    {
        var children = new List<SyntaxElement> { Expect(SyntaxKind.OpenBrace, "{") };
        while (Kind is not (SyntaxKind.CloseBrace or SyntaxKind.EndOfFile))
        {
            if (Kind == SyntaxKind.Semicolon) { children.Add(Take()); continue; }
            if (!CanStartStatement())
            {
                Report(DiagnosticFactory.Unexpected(Current.Span, Current.Text));
                children.Add(Node(SyntaxKind.SkippedTokens, Take()));
                continue;
            }
            var before = _index;
            children.Add(Nested(Statement));
            if (_index == before)
            {
                Report(DiagnosticFactory.Unexpected(Current.Span, Current.Text));
                children.Add(Node(SyntaxKind.SkippedTokens, Take()));
            }
        }
        children.Add(Expect(SyntaxKind.CloseBrace, "}"));
        return Node(SyntaxKind.FunctionBody, children);
    }

    // SchemaList: '(' (SchemaColumn (',' SchemaColumn)* | '*') ')'; SchemaColumn: Name ':' Type
    private SyntaxNode SchemaList()
    {
        var children = new List<SyntaxElement> { Take() };
        if (Kind == SyntaxKind.Asterisk) children.Add(Take());
        else
        {
            while (Kind is not (SyntaxKind.CloseParen or SyntaxKind.EndOfFile))
            {
                var name = NameNode();
                var colon = Expect(SyntaxKind.Colon, ":");
                children.Add(Node(SyntaxKind.SchemaColumn, name, colon, TypeName()));
                if (Kind == SyntaxKind.Comma) children.Add(Take());
                else break;
            }
        }
        children.Add(Expect(SyntaxKind.CloseParen, ")"));
        return Node(SyntaxKind.SchemaList, children);
    }

    /// <summary>A type name is a word; `int(…)`-style literal tokens never appear here because no '(' follows.</summary>
    private SyntaxToken TypeName()
    {
        if (Kind == SyntaxKind.Identifier) return Take();
        Report(DiagnosticFactory.Expected(MissingSpan, "a type name (string, long, datetime, dynamic…)", Current.Text));
        return Missing(SyntaxKind.Identifier);
    }

    // SetStatement: 'set' Name ('=' Expression)?
    private SyntaxNode SetStatement()
    {
        var set = Take();
        var name = Take();
        var children = new List<SyntaxElement> { set, name };
        while (Kind == SyntaxKind.Dot && PeekToken(1).Kind == SyntaxKind.Identifier) { children.Add(Take()); children.Add(Take()); }
        if (Kind == SyntaxKind.Equal)
        {
            children.Add(Take());
            children.Add(Expression());
        }
        return Node(SyntaxKind.SetStatement, children);
    }

    // DeclareStatement: 'declare' 'query_parameters' SchemaList-with-defaults
    private SyntaxNode DeclareStatement()
    {
        var children = new List<SyntaxElement> { Take(), Take(), Expect(SyntaxKind.OpenParen, "(") };
        while (Kind is not (SyntaxKind.CloseParen or SyntaxKind.EndOfFile))
        {
            children.Add(FunctionParameter());
            if (Kind == SyntaxKind.Comma) children.Add(Take());
            else break;
        }
        children.Add(Expect(SyntaxKind.CloseParen, ")"));
        return Node(SyntaxKind.DeclareStatement, children);
    }

    /// <summary>A name: a word, or a bracketed name <c>['a b']</c>.</summary>
    private SyntaxNode NameNode()
    {
        if (Kind == SyntaxKind.OpenBracket && PeekToken(1).Kind == SyntaxKind.StringLiteral)
            return Node(SyntaxKind.BracketedName, Take(), Take(), Expect(SyntaxKind.CloseBracket, "]"));
        if (Kind == SyntaxKind.Identifier) return Node(SyntaxKind.NameReference, Take());
        Report(DiagnosticFactory.NameExpected(MissingSpan, Current.Text));
        return Node(SyntaxKind.NameReference, Missing(SyntaxKind.Identifier));
    }
}
