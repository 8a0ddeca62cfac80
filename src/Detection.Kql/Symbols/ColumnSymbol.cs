namespace Detection.Kql.Symbols;

/// <summary>A column: a name and a KQL type.</summary>
public sealed record ColumnSymbol(string Name, KqlType Type)
{
    public override string ToString() => $"{Name}: {Type.Name()}";
}
