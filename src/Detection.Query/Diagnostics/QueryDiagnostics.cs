namespace Detection.Query.Diagnostics;

/// <summary>The one place diagnostics are made, each with its stable code (listed in the README).</summary>
internal static class QueryDiagnostics
{
    public const string UnexpectedCharacterCode = "QRY001";
    public const string UnterminatedStringCode = "QRY002";
    public const string ExpectedCode = "QRY003";
    public const string InvalidLiteralCode = "QRY004";
    public const string UnknownTableCode = "QRY010";
    public const string UnknownColumnCode = "QRY011";
    public const string TypeMismatchCode = "QRY012";
    public const string DuplicateColumnCode = "QRY013";

    public static QueryException UnexpectedCharacter(string text, int offset) =>
        Make(UnexpectedCharacterCode, $"unexpected character '{text[offset]}'", text, offset);

    public static QueryException UnterminatedString(string text, int offset) =>
        Make(UnterminatedStringCode, "unterminated string literal", text, offset);

    /// <summary><paramref name="what"/> reads like "a column name after 'project'".</summary>
    public static QueryException Expected(string text, int offset, string what, string found) =>
        Make(ExpectedCode, $"expected {what}, found {found}", text, offset);

    public static QueryException InvalidLiteral(string text, int offset, string message) =>
        Make(InvalidLiteralCode, message, text, offset);

    /// <summary><paramref name="hint"/> names close or known tables, e.g. "did you mean SigninLogs?".</summary>
    public static QueryException UnknownTable(string text, int offset, string name, string hint) =>
        Make(UnknownTableCode, $"unknown table '{name}' ({hint})", text, offset);

    public static QueryException UnknownColumn(string text, int offset, string name, string table, string hint) =>
        Make(UnknownColumnCode, $"unknown column '{name}' in {table} ({hint})", text, offset);

    public static QueryException TypeMismatch(string text, int offset, string message) =>
        Make(TypeMismatchCode, message, text, offset);

    public static QueryException DuplicateColumn(string text, int offset, string name) =>
        Make(DuplicateColumnCode, $"column '{name}' is projected twice", text, offset);

    private static QueryException Make(string code, string message, string text, int offset) =>
        new(new QueryDiagnostic(code, message, offset, SourcePosition.FromOffset(text, offset)));
}
