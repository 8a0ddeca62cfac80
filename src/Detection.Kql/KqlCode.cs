using Detection.Kql.Binding;
using Detection.Kql.Diagnostics;
using Detection.Kql.Parsing;
using Detection.Kql.Schemas;
using Detection.Kql.Syntax;

namespace Detection.Kql;

/// <summary>
/// The entry point of the KQL front end: parse a query, or parse and bind it against a <see cref="SchemaSet"/>.
/// Never throws on any input text; every problem is a <see cref="Diagnostic"/>. Instances are immutable and thread-safe.
/// </summary>
public sealed class KqlCode
{
    private KqlCode(string text, SyntaxNode syntax, IReadOnlyList<Diagnostic> diagnostics, BindingResult? binding)
    {
        Text = text;
        Syntax = syntax;
        Diagnostics = diagnostics;
        Binding = binding;
    }

    public string Text { get; }

    /// <summary>The lossless syntax tree (<see cref="SyntaxKind.Query"/>); <c>Syntax.ToFullString() == Text</c>.</summary>
    public SyntaxNode Syntax { get; }

    /// <summary>Syntax diagnostics, then binding diagnostics, each with line and column; ordered by position within each group.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>What the binder computed (types, output schema); null when only parsed.</summary>
    public BindingResult? Binding { get; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Parses without checking names or types.</summary>
    public static KqlCode Parse(string text)
    {
        var diagnostics = new List<Diagnostic>();
        var tree = Parser.ParseQuery(text, diagnostics);
        return new KqlCode(text, tree, Locate(text, diagnostics), null);
    }

    /// <summary>Parses, then resolves tables, columns and functions against <paramref name="schemas"/> and checks types.</summary>
    public static KqlCode ParseAndBind(string text, SchemaSet schemas)
    {
        var diagnostics = new List<Diagnostic>();
        var tree = Parser.ParseQuery(text, diagnostics);
        var binding = Binder.Bind(tree, schemas);
        diagnostics.AddRange(binding.Diagnostics);
        return new KqlCode(text, tree, Locate(text, diagnostics), binding);
    }

    private static IReadOnlyList<Diagnostic> Locate(string text, List<Diagnostic> diagnostics)
    {
        var map = new LineMap(text);
        return diagnostics.Select(map.Locate).ToList();
    }
}
