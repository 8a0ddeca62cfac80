using Detection.Kql.Diagnostics;
using Detection.Kql.Parsing;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;

namespace Detection.Kql.Binding;

public sealed partial class Binder
{
    /// <summary>Binds any expression; <paramref name="expectTable"/> makes an unknown bare name an unknown table rather than an unknown column.</summary>
    private TypeSymbol BindTabularOrScalar(SyntaxNode node, bool expectTable)
    {
        EnsureStack();
        switch (node.Kind)
        {
            case SyntaxKind.PipeExpression:
                return BindPipe(node);
            case SyntaxKind.NameReference or SyntaxKind.BracketedName:
                return BindName(node, expectTable);
            case SyntaxKind.ParenthesizedExpression:
                return BindTabularOrScalar(node.NodeAt(0)!, expectTable);
            case SyntaxKind.DataTableExpression or SyntaxKind.ExternalDataExpression:
                foreach (var value in node.Nodes().Where(n => n.Kind is not (SyntaxKind.SchemaList or SyntaxKind.QueryParameter or SyntaxKind.ExpressionList)))
                    BindScalar(value);
                return TypeSymbol.TableOf(SchemaFromList(node.Node(SyntaxKind.SchemaList) ?? new SyntaxNode(SyntaxKind.SchemaList)));
            default:
                if (IsOperatorNode(node.Kind))
                {
                    if (!IsSourceOperator(node.Kind)) Report(DiagnosticFactory.NoInput(node.FirstToken!.Span, node.FirstToken.Text));
                    return TypeSymbol.TableOf(BindOperator(node, null));
                }
                return BindExpression(node);
        }
    }

    private static bool IsSourceOperator(SyntaxKind kind) =>
        kind is SyntaxKind.PrintOperator or SyntaxKind.RangeOperator or SyntaxKind.UnionOperator or SyntaxKind.SearchOperator
            or SyntaxKind.FindOperator or SyntaxKind.EvaluateOperator or SyntaxKind.UnknownOperator;

    private static bool IsOperatorNode(SyntaxKind kind) => kind is >= SyntaxKind.WhereOperator and <= SyntaxKind.UnknownOperator;

    private TypeSymbol BindPipe(SyntaxNode pipe)
    {
        // Pipelines nest to the left; walk them iteratively so a long pipeline costs no stack.
        var operators = new Stack<SyntaxNode>();
        var head = pipe;
        while (head.Kind == SyntaxKind.PipeExpression)
        {
            operators.Push(head.NodeAt(1)!);
            head = head.NodeAt(0)!;
        }
        var source = BindTabularOrScalar(head, expectTable: true);
        TableShape shape;
        if (source.IsTabular) shape = source.Table!;
        else
        {
            if (!source.IsError) Report(DiagnosticFactory.Tabular(head.Span, source.Display));
            shape = TableShape.Open;
        }
        while (operators.Count > 0) shape = BindOperator(operators.Pop(), shape);
        return TypeSymbol.TableOf(shape);
    }

    /// <summary>Binds an expression that must be scalar (a tabular one is reported).</summary>
    private TypeSymbol BindScalar(SyntaxNode node)
    {
        var type = BindTabularOrScalar(node, expectTable: false);
        if (type.IsTabular)
        {
            Report(DiagnosticFactory.Scalar(node.Span));
            return TypeSymbol.Error;
        }
        return type;
    }

    private TypeSymbol BindExpression(SyntaxNode node)
    {
        switch (node.Kind)
        {
            case SyntaxKind.LiteralExpression:
                return LiteralType(node.FirstToken!);
            case SyntaxKind.StringLiteralExpression:
                return TypeSymbol.String;
            case SyntaxKind.DynamicLiteral:
                return DynamicLiteralType(node);
            case SyntaxKind.MemberAccess:
                return BindMemberAccess(node);
            case SyntaxKind.ElementAccess:
            {
                var target = BindScalar(node.NodeAt(0)!);
                BindScalar(node.NodeAt(1)!);
                if (target.Form == TypeSymbol.TypeForm.Array) return target.Element ?? TypeSymbol.Dynamic;
                if (target.IsKnownScalar)
                {
                    var bracket = node.Tokens().First(t => t.Kind == SyntaxKind.OpenBracket);
                    Report(DiagnosticFactory.Index(TextSpan.FromBounds(bracket.Start, node.Span.End), target.Display));
                }
                return target.IsDynamic ? TypeSymbol.Dynamic : TypeSymbol.Error;
            }
            case SyntaxKind.UnaryExpression:
            {
                var operand = BindScalar(node.NodeAt(0)!);
                if (operand.IsKnownScalar && !operand.ScalarType.IsNumeric() && operand.ScalarType != KqlType.TimeSpan)
                {
                    Report(DiagnosticFactory.UnaryOperatorType(node.FirstToken!.Span, node.FirstToken.Text, operand.Display));
                    return TypeSymbol.Error;
                }
                return operand;
            }
            case SyntaxKind.BinaryExpression:
                return BindBinary(node);
            case SyntaxKind.InExpression:
            {
                var left = BindScalar(node.NodeAt(0)!);
                BindOperandList(node.NodeAt(1)!);
                if (node.Tokens().First().Text is "has_any" or "has_all" && left.IsKnownScalar && left.ScalarType != KqlType.String)
                    Report(DiagnosticFactory.ArgumentType(node.NodeAt(0)!.Span, "string or dynamic", left.Display));
                return TypeSymbol.Bool;
            }
            case SyntaxKind.BetweenExpression:
                foreach (var operand in node.Nodes()) BindScalar(operand);
                return TypeSymbol.Bool;
            case SyntaxKind.CallExpression:
                return BindCall(node);
            case SyntaxKind.ExpressionList:
                foreach (var item in node.Nodes()) BindTabularOrScalar(item, expectTable: false);
                return TypeSymbol.Error;
            case SyntaxKind.NamedExpression:
                return BindScalar(node.NodeAt(1)!);
            case SyntaxKind.TypeofExpression:
                CheckTypeName(node.Tokens().Skip(1).FirstOrDefault(t => t.Kind == SyntaxKind.Identifier));
                return TypeSymbol.Error;
            default:
                // StarExpression, MissingExpression, SkippedTokens: nothing to resolve, already reported if wrong.
                return TypeSymbol.Error;
        }
    }

    private void BindOperandList(SyntaxNode list)
    {
        if (list.Kind != SyntaxKind.ExpressionList)
        {
            BindTabularOrScalar(list, expectTable: false);
            return;
        }
        foreach (var item in list.Nodes()) BindTabularOrScalar(item, expectTable: false);
    }

    private TypeSymbol BindMemberAccess(SyntaxNode node)
    {
        var left = node.NodeAt(0)!;
        var member = node.NodeAt(1)!;
        var memberName = NameText(member);
        if (left.Kind == SyntaxKind.NameReference && left.FirstToken!.Text is "$left" or "$right" && _joinSides is { } sides)
        {
            var side = left.FirstToken!.Text == "$left" ? sides.Left : sides.Right;
            if (side.Find(memberName) is { } column) return column.Type;
            if (side.IsOpen) return TypeSymbol.Dynamic;
            Report(DiagnosticFactory.NameUnknown(member.Span, memberName));
            return TypeSymbol.Error;
        }
        var target = BindTabularOrScalar(left, expectTable: false);
        if (target.IsError || target.IsDynamic) return target.IsError ? TypeSymbol.Error : TypeSymbol.Dynamic;
        if (target.IsTabular)
        {
            if (target.Table!.Find(memberName) is { } column) return column.Type;
            if (target.Table.IsOpen) return TypeSymbol.Dynamic;
        }
        Report(DiagnosticFactory.NameUnknown(member.Span, memberName));
        return TypeSymbol.Error;
    }

    private TypeSymbol LiteralType(SyntaxToken token)
    {
        switch (token.Kind)
        {
            case SyntaxKind.LongLiteral:
                return TypeSymbol.Long;
            case SyntaxKind.RealLiteral:
                return TypeSymbol.Of(KqlType.Real);
            case SyntaxKind.TimespanLiteral:
                return TypeSymbol.Of(KqlType.TimeSpan);
            case SyntaxKind.TypedLiteral:
                var open = token.Text.IndexOf('(');
                var word = token.Text[..open];
                var content = token.Text[(open + 1)..^1].Trim();
                var type = KqlTypeNames.TryParse(word, out var t) ? t : KqlType.Dynamic;
                if (!Literals.IsValid(type, content)) Report(DiagnosticFactory.BadLiteral(token.Span, token.Text, type.Name()));
                return TypeSymbol.Of(type);
            default:
                return token.Text is "true" or "false" ? TypeSymbol.Bool : TypeSymbol.Dynamic;
        }
    }

    private static TypeSymbol DynamicLiteralType(SyntaxNode node)
    {
        var value = node.FirstToken!.Is("dynamic") ? node.NodeAt(0) : node;
        if (value is null) return TypeSymbol.Dynamic;
        if (value.Kind != SyntaxKind.DynamicLiteral) return TypeSymbol.Dynamic;
        if (value.FirstToken!.Kind == SyntaxKind.OpenBrace) return TypeSymbol.Bag;
        var elements = value.Nodes().Select(e => e.Kind switch
        {
            SyntaxKind.StringLiteralExpression => KqlType.String,
            SyntaxKind.LiteralExpression when e.FirstToken!.Kind == SyntaxKind.LongLiteral => KqlType.Long,
            SyntaxKind.LiteralExpression when e.FirstToken!.Kind == SyntaxKind.RealLiteral => KqlType.Real,
            SyntaxKind.LiteralExpression when e.FirstToken!.Text is "true" or "false" => KqlType.Bool,
            _ => KqlType.Dynamic,
        }).Distinct().ToList();
        return TypeSymbol.ArrayOf(elements.Count == 1 && elements[0] != KqlType.Dynamic ? TypeSymbol.Of(elements[0]) : null);
    }
}
