using Detection.Kql.Syntax;

namespace Detection.Kql.Diagnostics;

/// <summary>
/// The one place diagnostics are made. Codes are stable: a code, once published, keeps its meaning.
/// KQL0xx are syntax, KQL1xx binding (names and types), KQL2xx warnings about what we cannot check.
/// </summary>
public static class DiagnosticFactory
{
    public static readonly DiagnosticDescriptor UnexpectedCharacter = new("KQL001", DiagnosticSeverity.Error, "Unexpected character", null);
    public static readonly DiagnosticDescriptor UnterminatedString = new("KQL002", DiagnosticSeverity.Error, "Unterminated string literal", "KS001");
    public static readonly DiagnosticDescriptor InvalidLiteral = new("KQL003", DiagnosticSeverity.Warning, "Literal value cannot be read", null);
    public static readonly DiagnosticDescriptor ExpectedToken = new("KQL004", DiagnosticSeverity.Error, "Expected token missing", "KS005");
    public static readonly DiagnosticDescriptor MissingExpression = new("KQL005", DiagnosticSeverity.Error, "Expression missing", "KS006");
    public static readonly DiagnosticDescriptor QueryOperatorExpected = new("KQL006", DiagnosticSeverity.Error, "Query operator expected after '|'", "KS176");
    public static readonly DiagnosticDescriptor UnexpectedText = new("KQL007", DiagnosticSeverity.Error, "Text cannot be parsed here", "KS198");
    public static readonly DiagnosticDescriptor TooDeeplyNested = new("KQL008", DiagnosticSeverity.Error, "Expression nested too deeply", null);
    public static readonly DiagnosticDescriptor ExpectedName = new("KQL009", DiagnosticSeverity.Error, "Name expected", "KS005");
    public static readonly DiagnosticDescriptor ParseColumnAfterColumn = new("KQL010", DiagnosticSeverity.Error, "parse column not after a string literal", "KS101");

    public static readonly DiagnosticDescriptor UnknownName = new("KQL100", DiagnosticSeverity.Error, "Unknown column or variable", "KS142");
    public static readonly DiagnosticDescriptor UnknownTable = new("KQL101", DiagnosticSeverity.Error, "Unknown table", "KS204");
    public static readonly DiagnosticDescriptor UnknownFunction = new("KQL102", DiagnosticSeverity.Error, "Unknown function", "KS211");
    public static readonly DiagnosticDescriptor WrongArgumentCount = new("KQL103", DiagnosticSeverity.Error, "Wrong number of arguments", "KS119");
    public static readonly DiagnosticDescriptor OperatorNotDefined = new("KQL104", DiagnosticSeverity.Error, "Operator not defined for the operand types", "KS106");
    public static readonly DiagnosticDescriptor ArgumentTypeExpected = new("KQL105", DiagnosticSeverity.Error, "Argument of the wrong type", "KS107");
    public static readonly DiagnosticDescriptor ExpressionTypeExpected = new("KQL106", DiagnosticSeverity.Error, "Expression of the wrong type", "KS141");
    public static readonly DiagnosticDescriptor DynamicArrayExpected = new("KQL107", DiagnosticSeverity.Error, "Dynamic array expected", "KS234");
    public static readonly DiagnosticDescriptor ColumnNameExpected = new("KQL108", DiagnosticSeverity.Error, "Column name expected", "KS109");
    public static readonly DiagnosticDescriptor TabularExpected = new("KQL109", DiagnosticSeverity.Error, "Tabular expression expected", "KS185");
    public static readonly DiagnosticDescriptor ScalarExpected = new("KQL110", DiagnosticSeverity.Error, "Scalar expression expected", "KS183");
    public static readonly DiagnosticDescriptor StarNotAllowed = new("KQL111", DiagnosticSeverity.Error, "'*' not allowed here", "KS191");
    public static readonly DiagnosticDescriptor UnknownType = new("KQL112", DiagnosticSeverity.Error, "Unknown type name", "KS160");
    public static readonly DiagnosticDescriptor AggregateNotAllowed = new("KQL113", DiagnosticSeverity.Error, "Aggregate outside summarize", "KS144");
    public static readonly DiagnosticDescriptor DynamicNotAllowed = new("KQL115", DiagnosticSeverity.Error, "Dynamic value used as a group key", "KS116");
    public static readonly DiagnosticDescriptor NotAnAggregate = new("KQL116", DiagnosticSeverity.Error, "Summarize item is not an aggregate", "KS236");
    public static readonly DiagnosticDescriptor IndexNotAllowed = new("KQL117", DiagnosticSeverity.Error, "Element access on a non-dynamic value", "KS147");
    public static readonly DiagnosticDescriptor ArgumentListRequired = new("KQL118", DiagnosticSeverity.Error, "Function named without arguments", "KS117");
    public static readonly DiagnosticDescriptor OperatorWithoutInput = new("KQL114", DiagnosticSeverity.Error, "Operator without input", "KS174");
    public static readonly DiagnosticDescriptor FuzzyLegUnresolved = new("KQL203", DiagnosticSeverity.Warning, "Fuzzy union leg not found", "KS205");

    public static readonly DiagnosticDescriptor SentinelFunctionWithoutData = new("KQL200", DiagnosticSeverity.Warning, "Sentinel function whose columns are not known", null);
    public static readonly DiagnosticDescriptor IgnoredOperator = new("KQL201", DiagnosticSeverity.Info, "Operator accepted and ignored", null);
    public static readonly DiagnosticDescriptor OutputNotChecked = new("KQL202", DiagnosticSeverity.Warning, "Output columns not checked", null);

    /// <summary>Every descriptor, in code order (the README's table is this list).</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        UnexpectedCharacter, UnterminatedString, InvalidLiteral, ExpectedToken, MissingExpression, QueryOperatorExpected,
        UnexpectedText, TooDeeplyNested, ExpectedName, ParseColumnAfterColumn,
        UnknownName, UnknownTable, UnknownFunction, WrongArgumentCount, OperatorNotDefined, ArgumentTypeExpected,
        ExpressionTypeExpected, DynamicArrayExpected, ColumnNameExpected, TabularExpected, ScalarExpected,
        StarNotAllowed, UnknownType, AggregateNotAllowed, OperatorWithoutInput, DynamicNotAllowed, NotAnAggregate, IndexNotAllowed, ArgumentListRequired,
        SentinelFunctionWithoutData, IgnoredOperator, OutputNotChecked, FuzzyLegUnresolved,
    ];

    private static Diagnostic Make(DiagnosticDescriptor d, TextSpan span, string message) =>
        new(d.Code, d.Severity, span, message) { OfficialCode = d.OfficialCode };

    public static Diagnostic Character(TextSpan span, char c) =>
        Make(UnexpectedCharacter, span, $"Unexpected character '{c}' (U+{(int)c:X4}); expected a name, a literal, an operator or punctuation.");

    public static Diagnostic Unterminated(TextSpan span, string closing) =>
        Make(UnterminatedString, span, $"The string literal is not closed; expected {closing} before the end of the line or text.");

    public static Diagnostic BadLiteral(TextSpan span, string text, string type) =>
        Make(InvalidLiteral, span, $"'{text}' is not a valid {type} literal.");

    public static Diagnostic Expected(TextSpan span, string expected, string found) =>
        Make(ExpectedToken, span, $"Expected {expected} but found {Describe(found)}.");

    public static Diagnostic ExpressionMissing(TextSpan span, string found) =>
        Make(MissingExpression, span, $"Expected an expression but found {Describe(found)}.");

    public static Diagnostic JoinOnMissing(TextSpan span) =>
        Make(MissingExpression, span, "The join has no 'on' clause; expected 'on Column' or 'on $left.A == $right.B' after the right side.");

    public static Diagnostic ParseColumnsAdjacent(TextSpan span, string column) =>
        Make(ParseColumnAfterColumn, span, $"The parse column '{column}' follows another column; expected a string literal between them (or '*').");

    public static Diagnostic OperatorExpected(TextSpan span, string found) =>
        Make(QueryOperatorExpected, span, $"Expected a query operator (where, extend, project, summarize, …) after '|' but found {Describe(found)}.");

    public static Diagnostic Unexpected(TextSpan span, string found) =>
        Make(UnexpectedText, span, $"Unexpected {Describe(found)}; expected a statement ('let', 'set', a query) or ';'.");

    public static Diagnostic Nesting(TextSpan span, int limit) =>
        Make(TooDeeplyNested, span, $"The expression is nested more than {limit} levels deep; expected a flatter expression.");

    public static Diagnostic NameExpected(TextSpan span, string found) =>
        Make(ExpectedName, span, $"Expected a name but found {Describe(found)}.");

    public static Diagnostic NameUnknown(TextSpan span, string name) =>
        Make(UnknownName, span, $"The name '{name}' does not refer to any column, variable or function in scope; expected one of the input columns or a let name.");

    public static Diagnostic TableUnknown(TextSpan span, string name) =>
        Make(UnknownTable, span, $"The name '{name}' does not refer to any known table, tabular variable or function; expected a table of the schemas or a let name.");

    public static Diagnostic FunctionUnknown(TextSpan span, string name) =>
        Make(UnknownFunction, span, $"The name '{name}' does not refer to any known function; expected a builtin or a let-defined function.");

    public static Diagnostic ArgumentCount(TextSpan span, string function, string expected, int found) =>
        Make(WrongArgumentCount, span, $"The function '{function}' expects {expected} but was given {found}.");

    public static Diagnostic OperatorTypes(TextSpan span, string op, string left, string right) =>
        Make(OperatorNotDefined, span, $"The operator '{op}' is not defined for the operand types {left} and {right}; expected comparable types (add an explicit cast).");

    public static Diagnostic ArgumentType(TextSpan span, string expected, string found) =>
        Make(ArgumentTypeExpected, span, $"Expected a value of type {expected} but found {found}.");

    public static Diagnostic ExpressionType(TextSpan span, string expected, string found) =>
        Make(ExpressionTypeExpected, span, $"The expression must have the type {expected} but has {found}.");

    public static Diagnostic DynamicArray(TextSpan span, string found) =>
        Make(DynamicArrayExpected, span, $"Expected a dynamic array but found a value of type {found}.");

    public static Diagnostic ColumnExpected(TextSpan span, string found) =>
        Make(ColumnNameExpected, span, $"Expected the name of an input column but found '{found}'.");

    public static Diagnostic Tabular(TextSpan span, string found) =>
        Make(TabularExpected, span, $"Expected a tabular expression but found a scalar of type {found}.");

    public static Diagnostic Scalar(TextSpan span) =>
        Make(ScalarExpected, span, "Expected a scalar expression but found a tabular one.");

    public static Diagnostic Star(TextSpan span, string function) =>
        Make(StarNotAllowed, span, $"'*' is not allowed as an argument of '{function}'; expected an expression (only arg_max, arg_min, take_any and any take '*').");

    public static Diagnostic TypeUnknown(TextSpan span, string name) =>
        Make(UnknownType, span, $"'{name}' is not a type name; expected one of bool, int, long, real, decimal, string, datetime, timespan, guid, dynamic.");

    public static Diagnostic Aggregate(TextSpan span, string function) =>
        Make(AggregateNotAllowed, span, $"The aggregate function '{function}' is not allowed here; expected it inside summarize or make-series.");

    public static Diagnostic UnaryOperatorType(TextSpan span, string op, string operand) =>
        Make(OperatorNotDefined, span, $"The operator '{op}' is not defined for the operand type {operand}; expected a number or a timespan.");

    public static Diagnostic DynamicKey(TextSpan span, string op) =>
        Make(DynamicNotAllowed, span, $"A dynamic value cannot be a key of '{op}'; expected a scalar of another type (wrap it in tostring()).");

    public static Diagnostic Aggregation(TextSpan span, string name) =>
        Make(NotAnAggregate, span, $"'{name}' is a column, not an aggregate; expected an aggregate such as count(), max({name}) or take_any({name}).");

    public static Diagnostic Index(TextSpan span, string found) =>
        Make(IndexNotAllowed, span, $"[] cannot be applied to a value of type {found}; expected a dynamic array or bag.");

    public static Diagnostic ArgumentList(TextSpan span, string function) =>
        Make(ArgumentListRequired, span, $"'{function}' is a function; expected a call such as {function}(…), or the name of a column.");

    public static Diagnostic NoInput(TextSpan span, string op) =>
        Make(OperatorWithoutInput, span, $"'{op}' cannot start a query; expected a table or a let name before it, then '|'.");

    public static Diagnostic FuzzyLeg(TextSpan span, string name) =>
        Make(FuzzyLegUnresolved, span, $"The union leg '{name}' does not name a known table; isfuzzy=true skips it.");

    public static Diagnostic SentinelFunction(TextSpan span, string name) =>
        Make(SentinelFunctionWithoutData, span, $"'{name}' is a Sentinel workspace function whose columns this validator does not know; columns read from it are not checked (add its shape with --schemas).");

    public static Diagnostic Ignored(TextSpan span, string op) =>
        Make(IgnoredOperator, span, $"'{op}' is accepted and ignored (it only affects how a client displays results).");

    public static Diagnostic NotChecked(TextSpan span, string what) =>
        Make(OutputNotChecked, span, $"not supported yet: {what}; the columns it produces are not checked.");

    private static string Describe(string found) => found.Length == 0 ? "the end of the query" : $"'{found}'";
}
