using System.Collections.Immutable;

namespace Detection.Query.Syntax;

/// <summary>A parsed query: a table name and the operators piped after it, in order.</summary>
public sealed record QuerySyntax(NameSyntax Table, ImmutableArray<OperatorSyntax> Operators);

/// <summary>A table or column name and where it was written.</summary>
public sealed record NameSyntax(string Name, int Offset);

/// <summary>A tabular operator; <see cref="Offset"/> is where its keyword starts.</summary>
public abstract record OperatorSyntax(int Offset);

/// <summary><c>where Column op literal</c>, or <c>where Column in (literal, …)</c>.</summary>
public sealed record WhereSyntax(int Offset, NameSyntax Column, ComparisonOperator Operator, int OperatorOffset, ImmutableArray<LiteralSyntax> Values)
    : OperatorSyntax(Offset);

public sealed record ProjectSyntax(int Offset, ImmutableArray<NameSyntax> Columns) : OperatorSyntax(Offset);

/// <summary><c>take N</c> (or its alias <c>limit N</c>).</summary>
public sealed record TakeSyntax(int Offset, long Count) : OperatorSyntax(Offset);

public sealed record CountSyntax(int Offset) : OperatorSyntax(Offset);

public enum LiteralKind
{
    String,
    Long,
    Real,
    Bool,
    DateTime,
}

/// <summary>
/// A literal: its kind, its value (string, long, double, bool or UTC DateTime) and its source text.
/// </summary>
public sealed record LiteralSyntax(LiteralKind Kind, object Value, string Text, int Offset);

public enum ComparisonOperator
{
    Equal,
    NotEqual,
    EqualIgnoreCase,
    NotEqualIgnoreCase,
    Has,
    NotHas,
    Contains,
    NotContains,
    StartsWith,
    NotStartsWith,
    In,
    NotIn,
}
