using Detection.Ingestion.Coercion;
using Detection.Ingestion.Json;
using Detection.Ingestion.Output;
using Detection.Kql.Symbols;

namespace Detection.Ingestion.Export;

internal enum FieldKind : byte
{
    Ignore,
    Columns,
    Properties,
    EntraResourceId,
    ActivityCategory,
    ActivityResourceId,
    ActivityIdentity,
    ActivityProperties,
    ActivityClaims,
}

internal readonly record struct FieldTarget(int Column, byte Priority);

internal sealed record FieldAction(FieldKind Kind, FieldTarget[] Targets)
{
    public static readonly FieldAction Ignore = new(FieldKind.Ignore, []);

    /// <summary>The one string column a plain field feeds, or -1: most fields are such, and have a shorter path.</summary>
    public int StringColumn { get; init; } = -1;

    /// <summary>The field's last object or array, read by the scanner's walk (null until it holds one).</summary>
    public RecentContainer? Recent { get; set; }
}

internal enum Scope
{
    Top,
    Properties,
    Identity,
}

/// <summary>
/// The mapping of one record kind onto one table, resolved lazily: each (scope, field name) is looked up once and its
/// column ordinals cached, so the hot path is a span lookup without allocation.
/// </summary>
internal sealed class FieldMap
{
    private const int MaxCachedNames = 4096;

    private readonly TableSymbol _table;
    private readonly ExportMappings.ScopeMap[] _scopes;
    private readonly Utf8NameCache<FieldAction>[] _caches;

    private FieldMap(TableSymbol table, ExportMappings.KindMap map)
    {
        _table = table;
        Map = map;
        _scopes = [map.Top, map.Properties, map.Identity];
        _caches = [.. Enum.GetValues<Scope>().Select(scope => new Utf8NameCache<FieldAction>(name => Resolve(scope, name), MaxCachedNames))];
        SourceSystem = table.IndexOf("SourceSystem");
        SourceSystemUtf8 = System.Text.Encoding.UTF8.GetBytes(map.SourceSystem);
        CategoryValue = table.IndexOf("CategoryValue");
        Category = table.IndexOf("Category");
        Caller = table.IndexOf("Caller");
        Resource = table.IndexOf("Resource");
        ResourceGroup = table.IndexOf("ResourceGroup");
        SubscriptionId = table.IndexOf("SubscriptionId");
        ResourceProvider = table.IndexOf("ResourceProvider");
        ResourceProviderValue = table.IndexOf("ResourceProviderValue");
    }

    public int Resource { get; }

    public int ResourceGroup { get; }

    public int SubscriptionId { get; }

    public int ResourceProvider { get; }

    public int ResourceProviderValue { get; }

    public ExportMappings.KindMap Map { get; }

    public byte[] SourceSystemUtf8 { get; }

    public int SourceSystem { get; }

    public int CategoryValue { get; }

    public int Category { get; }

    public int Caller { get; }

    public static FieldMap For(TableSink sink, RecordKind kind)
    {
        if (sink.KindSlots[(int)kind] is FieldMap cached) return cached;
        var map = new FieldMap(sink.Schema, ExportMappings.For(kind));
        sink.KindSlots[(int)kind] = map;
        return map;
    }

    public int Column(string name) => _table.IndexOfIgnoreCase(name);

    /// <summary>The action for a field name given as UTF-8 (unescaped).</summary>
    public FieldAction Lookup(Scope scope, ReadOnlySpan<byte> utf8Name) => _caches[(int)scope].Get(utf8Name);

    /// <summary>The actions by field name of <paramref name="scope"/>, for a walk that also matches predicted names.</summary>
    public Utf8NameCache<FieldAction> Names(Scope scope) => _caches[(int)scope];

    private FieldAction Resolve(Scope scope, string name)
    {
        var map = _scopes[(int)scope];
        var defaultPriority = (byte)(scope == Scope.Top ? 2 : 3);
        if (map.Explicit.TryGetValue(name, out var spec))
        {
            if (spec.Length == 0) return FieldAction.Ignore;
            if (spec[0] == '@')
            {
                var kind = Enum.Parse<FieldKind>(spec[1..]);
                return new FieldAction(kind, SpecialTargets(kind));
            }
            var targets = spec.Split(',')
                .Select(part =>
                {
                    var colon = part.IndexOf(':');
                    var column = Column(colon < 0 ? part : part[..colon]);
                    var priority = colon < 0 ? defaultPriority : byte.Parse(part[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                    return new FieldTarget(column, priority);
                })
                .Where(t => t.Column >= 0)
                .ToArray();
            return targets.Length == 0 ? FieldAction.Ignore : Columns(targets);
        }
        if (!map.SameNameFallback) return FieldAction.Ignore;
        var same = Column(name);
        return same < 0 ? FieldAction.Ignore : Columns([new FieldTarget(same, defaultPriority)]);
    }

    private FieldAction Columns(FieldTarget[] targets) => new(FieldKind.Columns, targets)
    {
        StringColumn = targets is [var only] && _table.Columns[only.Column].Type == KqlType.String ? only.Column : -1,
    };

    private FieldTarget[] SpecialTargets(FieldKind kind)
    {
        string[] names = kind switch
        {
            FieldKind.EntraResourceId => ["ResourceId"],
            FieldKind.ActivityCategory => ["CategoryValue", "Category"],
            FieldKind.ActivityResourceId => ["ResourceId", "_ResourceId"],
            FieldKind.ActivityProperties => ["Properties", "Properties_d"],
            FieldKind.ActivityClaims => ["Claims", "Claims_d"],
            _ => [],
        };
        return [.. names.Select(Column).Where(c => c >= 0).Select(c => new FieldTarget(c, 2))];
    }
}
