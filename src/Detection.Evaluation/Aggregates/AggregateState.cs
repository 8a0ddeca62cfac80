using Detection.Kql.Symbols;

namespace Detection.Evaluation.Aggregates;

/// <summary>
/// The running state of one aggregate for one group. <see cref="Add"/> receives the row's argument values (boxed, see
/// Values.Kv); <see cref="Results"/> appends the aggregate's output values (one per output column). Not thread-safe.
/// </summary>
internal abstract class AggregateState
{
    public abstract void Add(object?[] args);

    public abstract void Results(List<object?> into);
}

/// <summary>An aggregate with one output column.</summary>
internal abstract class SingleState : AggregateState
{
    public abstract object? Result();

    public override void Results(List<object?> into) => into.Add(Result());
}

/// <summary>A state from two lambdas (most aggregates are a fold and a finish).</summary>
internal sealed class FoldState<T>(T seed, Func<T, object?[], T> add, Func<T, object?> result) : SingleState
{
    private T _value = seed;

    public override void Add(object?[] args) => _value = add(_value, args);

    public override object? Result() => result(_value);
}

/// <summary>One builtin aggregate: its result type given the argument types, and a factory of per-group states.</summary>
internal sealed record AggregateFunction(
    string Name,
    Func<IReadOnlyList<KqlType>, KqlType> ResultType,
    Func<IReadOnlyList<KqlType>, AggregateState> Create);

/// <summary>The registry of implemented aggregates, grouped by family.</summary>
internal static partial class AggregateFunctions
{
    private static readonly Lazy<Dictionary<string, AggregateFunction>> All = new(() =>
        Counting().Concat(Numeric()).Concat(Collections()).Concat(Picking()).ToDictionary(a => a.Name, StringComparer.Ordinal));

    public static AggregateFunction? Find(string name) => All.Value.GetValueOrDefault(name);

    public static IReadOnlyCollection<string> Names => All.Value.Keys;

    /// <summary>Handled by summarize itself (several output columns).</summary>
    public static readonly IReadOnlySet<string> SpecialForms = new HashSet<string>(StringComparer.Ordinal)
    {
        "arg_max", "arg_min", "take_any", "percentiles",
    };

    private static AggregateFunction A(string name, KqlType type, Func<AggregateState> create) => new(name, _ => type, _ => create());

    private static AggregateFunction A(string name, Func<IReadOnlyList<KqlType>, KqlType> type, Func<IReadOnlyList<KqlType>, AggregateState> create) =>
        new(name, type, create);

    private static object? Arg(object?[] a, int i) => i < a.Length ? a[i] : null;
}
