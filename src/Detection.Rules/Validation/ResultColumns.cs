using Detection.Kql.Binding;

namespace Detection.Rules.Validation;

/// <summary>The names of the columns a bound query returns, when the binder knows them all (null otherwise).</summary>
internal static class ResultColumns
{
    // The binder's result shape is being completed; until it lists columns, mappings are not checked against it.
    public static IReadOnlySet<string>? Of(TableShape shape) => null;
}
