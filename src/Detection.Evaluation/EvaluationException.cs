using Detection.Kql.Syntax;

namespace Detection.Evaluation;

/// <summary>
/// A query that cannot be evaluated: an operator or function that is not supported yet, or a value error the binder
/// cannot see. <see cref="Span"/> points at the query text when known. The evaluator never returns a partial answer.
/// </summary>
public sealed class EvaluationException(string message, TextSpan? span = null) : Exception(message)
{
    public TextSpan? Span { get; } = span;

    public static EvaluationException NotSupported(string name, SyntaxElement? at = null) =>
        new($"not supported yet: {name}", at?.Span);
}
