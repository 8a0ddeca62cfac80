using Detection.Kql.Diagnostics;
using Detection.Kql.Syntax;

namespace Detection.Kql.Parsing;

public sealed partial class Parser
{
    /// <summary>Words that compare or match (all at one precedence level, between 'and' and '+').</summary>
    private static readonly HashSet<string> ComparisonWords = new(StringComparer.Ordinal)
    {
        "has", "!has", "has_cs", "!has_cs", "hasprefix", "!hasprefix", "hasprefix_cs", "!hasprefix_cs",
        "hassuffix", "!hassuffix", "hassuffix_cs", "!hassuffix_cs", "contains", "!contains", "contains_cs", "!contains_cs",
        "startswith", "!startswith", "startswith_cs", "!startswith_cs", "endswith", "!endswith", "endswith_cs", "!endswith_cs",
        "like", "notlike", "likecs", "notlikecs",
    };

    private static readonly HashSet<string> ListOperatorWords = new(StringComparer.Ordinal)
    {
        "in", "!in", "in~", "!in~", "has_any", "has_all",
    };

    // PipeExpression: Head ('|' Operator)*   (left-nested: PipeExpression(PipeExpression(head, |, op), |, op))
    private SyntaxNode PipeExpression(bool leadingOperator = false)
    {
        SyntaxNode left;
        if (leadingOperator && Kind == SyntaxKind.Identifier && IsOperatorWord(Current.Text)) left = Operator();
        else if (IsSourceOperatorStart()) left = Operator();
        else left = Expression();
        // Nothing to pipe from: the '|' belongs to an enclosing pipeline (recovering from a missing ')').
        if (left.Kind == SyntaxKind.MissingExpression) return left;
        while (Kind == SyntaxKind.Bar)
        {
            var bar = Take();
            left = Node(SyntaxKind.PipeExpression, left, bar, Operator());
        }
        return left;
    }

    private bool IsSourceOperatorStart()
    {
        if (Kind != SyntaxKind.Identifier) return false;
        var next = PeekToken(1);
        return Current.Text switch
        {
            "print" => true,
            "range" => next.Kind == SyntaxKind.Identifier && IsWord(2, "from"),
            "union" or "search" or "find" or "evaluate" => next.Kind != SyntaxKind.Equal && next.Kind != SyntaxKind.Dot,
            _ => false,
        };
    }

    /// <summary>A scalar or tabular expression without pipes (use <see cref="PipeExpression"/> where pipes may follow).</summary>
    private SyntaxNode Expression() => Nested(OrExpression);

    private SyntaxNode OrExpression()
    {
        var left = AndExpression();
        while (IsWord("or")) left = Node(SyntaxKind.BinaryExpression, left, Take(), AndExpression());
        return left;
    }

    private SyntaxNode AndExpression()
    {
        var left = ComparisonExpression();
        while (IsWord("and")) left = Node(SyntaxKind.BinaryExpression, left, Take(), ComparisonExpression());
        return left;
    }

    private SyntaxNode ComparisonExpression()
    {
        var left = AdditiveExpression();
        while (true)
        {
            if (Kind is SyntaxKind.EqualEqual or SyntaxKind.BangEqual or SyntaxKind.LessGreater or SyntaxKind.Less
                or SyntaxKind.LessEqual or SyntaxKind.Greater or SyntaxKind.GreaterEqual or SyntaxKind.EqualTilde or SyntaxKind.BangTilde)
                left = Node(SyntaxKind.BinaryExpression, left, Take(), AdditiveExpression());
            else if (Kind == SyntaxKind.Identifier && ComparisonWords.Contains(Current.Text))
                left = Node(SyntaxKind.BinaryExpression, left, Take(), AdditiveExpression());
            else if (IsWord("matches") && IsWord(1, "regex"))
                left = Node(SyntaxKind.BinaryExpression, left, Take(), Take(), AdditiveExpression());
            else if (Kind == SyntaxKind.Identifier && ListOperatorWords.Contains(Current.Text))
                left = Node(SyntaxKind.InExpression, left, Take(), OperandList());
            else if (IsWord("between") || IsWord("!between"))
                left = BetweenExpression(left);
            else return left;
        }
    }

    // InExpression right side: '(' Expression (',' Expression)* ')' as an ExpressionList, or one expression (a dynamic array / tabular)
    private SyntaxNode OperandList()
    {
        if (Kind != SyntaxKind.OpenParen) return AdditiveExpression();
        var children = new List<SyntaxElement> { Take() };
        if (Kind == SyntaxKind.CloseParen) children.Add(MissingExpression());
        while (Kind is not (SyntaxKind.CloseParen or SyntaxKind.EndOfFile))
        {
            children.Add(Nested(() => PipeExpression()));
            if (Kind != SyntaxKind.Comma) break;
            children.Add(Take());
            if (Kind == SyntaxKind.CloseParen) children.Add(MissingExpression());
        }
        children.Add(Expect(SyntaxKind.CloseParen, ")"));
        return Node(SyntaxKind.ExpressionList, children);
    }

    // BetweenExpression: left ('between' | '!between') '(' Expression '..' Expression ')'
    private SyntaxNode BetweenExpression(SyntaxNode left)
    {
        var op = Take();
        var open = Expect(SyntaxKind.OpenParen, "(");
        var low = Expression();
        var dots = Expect(SyntaxKind.DotDot, "..");
        var high = Expression();
        return Node(SyntaxKind.BetweenExpression, left, op, open, low, dots, high, Expect(SyntaxKind.CloseParen, ")"));
    }

    private SyntaxNode AdditiveExpression()
    {
        var left = MultiplicativeExpression();
        while (Kind is SyntaxKind.Plus or SyntaxKind.Minus)
            left = Node(SyntaxKind.BinaryExpression, left, Take(), MultiplicativeExpression());
        return left;
    }

    private SyntaxNode MultiplicativeExpression()
    {
        var left = UnaryExpression();
        while (Kind is SyntaxKind.Asterisk or SyntaxKind.Slash or SyntaxKind.Percent && !IsStarArgument())
            left = Node(SyntaxKind.BinaryExpression, left, Take(), UnaryExpression());
        return left;
    }

    /// <summary>A '*' followed by ',' or ')' is the star argument of <c>arg_max(x, *)</c>, not multiplication.</summary>
    private bool IsStarArgument() => Kind == SyntaxKind.Asterisk && PeekToken(1).Kind is SyntaxKind.Comma or SyntaxKind.CloseParen;

    private SyntaxNode UnaryExpression()
    {
        if (Kind is SyntaxKind.Minus or SyntaxKind.Plus)
        {
            var op = Take();
            return Node(SyntaxKind.UnaryExpression, op, Nested(UnaryExpression));
        }
        return PostfixExpression(PrimaryExpression());
    }

    // MemberAccess: expr '.' Name; ElementAccess: expr '.'? '[' Expression ']'; CallExpression on a name: Name ArgumentList
    private SyntaxNode PostfixExpression(SyntaxNode expression)
    {
        while (true)
        {
            if (Kind == SyntaxKind.Dot && PeekToken(1).Kind == SyntaxKind.OpenBracket && PeekToken(1).Start == Current.Start + 1)
            {
                var dot = Take();
                var open = Take();
                expression = Node(SyntaxKind.ElementAccess, expression, dot, open, Expression(), Expect(SyntaxKind.CloseBracket, "]"));
            }
            else if (Kind == SyntaxKind.Dot && PeekToken(1) is { Kind: SyntaxKind.Identifier, Text: "and" or "or" })
            {
                // Keywords are not names: the member is missing and 'and'/'or' stays an operator (as in Kusto).
                var dot = Take();
                expression = Node(SyntaxKind.MemberAccess, expression, dot, MissingExpression());
            }
            else if (Kind == SyntaxKind.Dot && PeekToken(1).Kind is SyntaxKind.Identifier or SyntaxKind.TypedLiteral)
            {
                var dot = Take();
                var name = Take();
                expression = Node(SyntaxKind.MemberAccess, expression, dot, Node(SyntaxKind.NameReference, name));
            }
            else if (Kind == SyntaxKind.OpenBracket && Current.Trivia.Length == 0)
            {
                var open = Take();
                expression = Node(SyntaxKind.ElementAccess, expression, open, Expression(), Expect(SyntaxKind.CloseBracket, "]"));
            }
            else return expression;
        }
    }

    private SyntaxNode PrimaryExpression()
    {
        switch (Kind)
        {
            case SyntaxKind.LongLiteral or SyntaxKind.RealLiteral or SyntaxKind.TimespanLiteral or SyntaxKind.TypedLiteral:
                return Node(SyntaxKind.LiteralExpression, Take());
            case SyntaxKind.StringLiteral:
                var strings = new List<SyntaxElement>();
                while (Kind == SyntaxKind.StringLiteral) strings.Add(Take());
                return Node(SyntaxKind.StringLiteralExpression, strings);
            case SyntaxKind.OpenParen:
                return Nested(Parenthesized);
            case SyntaxKind.OpenBracket when PeekToken(1).Kind == SyntaxKind.StringLiteral:
                return NameNode();
            case SyntaxKind.Asterisk:
                return Node(SyntaxKind.StarExpression, Take());
            case SyntaxKind.Identifier:
                return WordExpression();
            default:
                return MissingExpression();
        }
    }

    private SyntaxNode MissingExpression()
    {
        Report(DiagnosticFactory.ExpressionMissing(MissingSpan, Current.Text));
        return Node(SyntaxKind.MissingExpression, Missing(SyntaxKind.Identifier));
    }

    // ParenthesizedExpression: '(' PipeExpression ')'. KQL has no tuples: a list is only valid after in/has_any (OperandList).
    private SyntaxNode Parenthesized()
    {
        var open = Take();
        var first = PipeExpression();
        return Node(SyntaxKind.ParenthesizedExpression, open, first, Expect(SyntaxKind.CloseParen, ")"));
    }

    private SyntaxNode WordExpression()
    {
        var word = Current.Text;
        var next = PeekToken(1).Kind;
        if (word is "true" or "false" && next != SyntaxKind.OpenParen) return Node(SyntaxKind.LiteralExpression, Take());
        if (word == "dynamic" && next == SyntaxKind.OpenParen) return DynamicLiteral();
        if (word == "typeof" && next == SyntaxKind.OpenParen)
            return Node(SyntaxKind.TypeofExpression, Take(), Take(), TypeOrSchema(), Expect(SyntaxKind.CloseParen, ")"));
        if (word == "datatable" && next is SyntaxKind.OpenParen or SyntaxKind.Identifier) return DataTable();
        if (word == "externaldata" && next is SyntaxKind.OpenParen or SyntaxKind.Identifier) return ExternalData();
        var name = Node(SyntaxKind.NameReference, Take());
        if (Kind == SyntaxKind.OpenParen) return Node(SyntaxKind.CallExpression, name, ArgumentList());
        return name;
    }

    private SyntaxElement TypeOrSchema() => Kind == SyntaxKind.OpenParen ? SchemaList() : TypeName();

    // ArgumentList: '(' (Argument (',' Argument)*)? ')'; Argument: (Name '=')? PipeExpression | '*'
    private SyntaxNode ArgumentList()
    {
        var children = new List<SyntaxElement> { Take() };
        while (Kind is not (SyntaxKind.CloseParen or SyntaxKind.EndOfFile))
        {
            children.Add(Argument());
            if (Kind != SyntaxKind.Comma) break;
            children.Add(Take());
            if (Kind == SyntaxKind.CloseParen) children.Add(MissingExpression());
        }
        children.Add(Expect(SyntaxKind.CloseParen, ")"));
        return Node(SyntaxKind.ArgumentList, children);
    }

    private SyntaxNode Argument()
    {
        if (Kind == SyntaxKind.Identifier && PeekToken(1).Kind == SyntaxKind.Equal)
            return Node(SyntaxKind.NamedExpression, Node(SyntaxKind.NameReference, Take()), Take(), Nested(() => PipeExpression()));
        return Nested(() => PipeExpression());
    }
}
