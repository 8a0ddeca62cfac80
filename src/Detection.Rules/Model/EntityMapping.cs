using System.Collections.Immutable;

namespace Detection.Rules.Model;

/// <summary>One entity mapping: an entity type and its identifiers, each read from a result column.</summary>
public sealed record EntityMapping(string EntityType, ImmutableArray<FieldMapping> FieldMappings, FilePosition Position);

public sealed record FieldMapping(string Identifier, string ColumnName, FilePosition Position, FilePosition ColumnPosition);
