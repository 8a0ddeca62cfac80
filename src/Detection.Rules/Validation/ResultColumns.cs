using Detection.Kql.Binding;

namespace Detection.Rules.Validation;

/// <summary>The names of the columns a bound query returns, when the binder knows them all (null for an open shape).</summary>
internal static class ResultColumns
{
    public static IReadOnlySet<string>? Of(TableShape shape) =>
        shape.IsOpen ? null : shape.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
}
