using Detection.Kql.Diagnostics;

namespace Detection.Kql.Binding;

/// <summary>What binding produced: its diagnostics and the output columns of the query's last tabular statement (null when it has none or it is unknown).</summary>
public sealed record BindingResult(IReadOnlyList<Diagnostic> Diagnostics, TableShape? ResultShape);
