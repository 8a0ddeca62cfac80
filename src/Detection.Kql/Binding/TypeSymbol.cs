using Detection.Kql.Symbols;

namespace Detection.Kql.Binding;

/// <summary>
/// The type of a bound expression: a scalar (<see cref="KqlType"/>), a dynamic array or bag with what is known of its
/// elements, a table (<see cref="TableShape"/>), or <see cref="Error"/> — unknown after an error, which silences
/// follow-on diagnostics. Immutable.
/// </summary>
public sealed class TypeSymbol
{
    private static readonly Dictionary<KqlType, TypeSymbol> Scalars =
        Enum.GetValues<KqlType>().ToDictionary(t => t, t => new TypeSymbol(t, TypeForm.Scalar, null, null));

    private TypeSymbol(KqlType scalar, TypeForm form, TypeSymbol? element, TableShape? table)
    {
        ScalarType = scalar;
        Form = form;
        Element = element;
        Table = table;
    }

    public enum TypeForm
    {
        Scalar,
        Array,
        Bag,
        Table,
        Error,
    }

    public TypeForm Form { get; }

    /// <summary>The scalar type; <see cref="KqlType.Dynamic"/> for arrays and bags; meaningless for tables.</summary>
    public KqlType ScalarType { get; }

    /// <summary>For an array: the type of its elements when known.</summary>
    public TypeSymbol? Element { get; }

    public TableShape? Table { get; }

    public static TypeSymbol Error { get; } = new(KqlType.Dynamic, TypeForm.Error, null, null);

    public static TypeSymbol Bag { get; } = new(KqlType.Dynamic, TypeForm.Bag, null, null);

    public static TypeSymbol Dynamic => Scalars[KqlType.Dynamic];

    public static TypeSymbol String => Scalars[KqlType.String];

    public static TypeSymbol Long => Scalars[KqlType.Long];

    public static TypeSymbol Bool => Scalars[KqlType.Bool];

    public static TypeSymbol Of(KqlType type) => Scalars[type];

    public static TypeSymbol ArrayOf(TypeSymbol? element) => new(KqlType.Dynamic, TypeForm.Array, element, null);

    public static TypeSymbol TableOf(TableShape shape) => new(KqlType.Dynamic, TypeForm.Table, null, shape);

    public bool IsError => Form == TypeForm.Error;

    public bool IsTabular => Form == TypeForm.Table;

    public bool IsScalar => Form is TypeForm.Scalar or TypeForm.Array or TypeForm.Bag;

    /// <summary>Dynamic of any form (plain, array, bag).</summary>
    public bool IsDynamic => IsScalar && ScalarType == KqlType.Dynamic;

    /// <summary>A scalar of a known, non-dynamic type (the only kind the binder reports type errors about).</summary>
    public bool IsKnownScalar => Form == TypeForm.Scalar && ScalarType != KqlType.Dynamic;

    public string Display => Form switch
    {
        TypeForm.Table => "table",
        TypeForm.Error => "unknown",
        _ => ScalarType.Name(),
    };

    public override string ToString() => Form == TypeForm.Array ? $"dynamic[{Element?.Display}]" : Display;
}
