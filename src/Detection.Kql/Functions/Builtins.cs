namespace Detection.Kql.Functions;

/// <summary>
/// The explicit list of every builtin the binder knows, declared as data (see <see cref="SignatureReader"/> for the
/// format and <see cref="FunctionSignature"/> for return rules). Functions the binder treats specially
/// (<c>column_ifexists</c>, <c>table</c>, <c>toscalar</c>, <c>materialize</c>, <c>arg_max</c>…) are declared here too,
/// so the arity check and the README list stay complete.
/// </summary>
public static partial class Builtins
{
    private static readonly Lazy<Dictionary<string, FunctionSignature>> ScalarTable = new(() => Load(ScalarDeclarations, FunctionKind.Scalar));
    private static readonly Lazy<Dictionary<string, FunctionSignature>> AggregateTable = new(() => Load(AggregateDeclarations, FunctionKind.Aggregate));

    public static IReadOnlyDictionary<string, FunctionSignature> Scalars => ScalarTable.Value;

    public static IReadOnlyDictionary<string, FunctionSignature> Aggregates => AggregateTable.Value;

    public static FunctionSignature? Scalar(string name) => ScalarTable.Value.GetValueOrDefault(name);

    public static FunctionSignature? Aggregate(string name) => AggregateTable.Value.GetValueOrDefault(name);

    /// <summary>Sentinel workspace functions with no data here (ASIM parsers and friends): recognised by name, reported as a warning.</summary>
    public static bool IsSentinelFunction(string name) =>
        name.StartsWith("_Im_", StringComparison.Ordinal) || name.StartsWith("_ASim_", StringComparison.Ordinal)
        || name.StartsWith("_ASIM_", StringComparison.Ordinal)
        || (name.Length > 2 && name.StartsWith("im", StringComparison.Ordinal) && char.IsUpper(name[2]))
        || (name.Length > 4 && name.StartsWith("ASim", StringComparison.Ordinal) && char.IsUpper(name[4]));

    private static Dictionary<string, FunctionSignature> Load(string declarations, FunctionKind kind)
    {
        var table = new Dictionary<string, FunctionSignature>(StringComparer.Ordinal);
        foreach (var raw in declarations.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal)) continue;
            var signature = SignatureReader.Read(line, kind);
            table.Add(signature.Name, signature);
        }
        return table;
    }
}
