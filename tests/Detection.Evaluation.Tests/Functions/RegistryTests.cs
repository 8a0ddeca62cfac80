using Detection.Evaluation.Aggregates;
using Detection.Evaluation.Functions;
using Detection.Kql.Functions;

namespace Detection.Evaluation.Tests.Functions;

/// <summary>Every builtin the front end declares is implemented by the evaluator or listed as not supported with a reason.</summary>
public class RegistryTests
{
    public static TheoryData<string> DeclaredScalars => new(Builtins.Scalars.Keys.Order(StringComparer.Ordinal));

    public static TheoryData<string> DeclaredAggregates => new(Builtins.Aggregates.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(DeclaredScalars))]
    public void Every_declared_scalar_is_implemented_or_listed(string name)
    {
        var implemented = ScalarFunctions.Find(name) is not null || ScalarFunctions.SpecialForms.Contains(name) || TupleFunctions.IsTuple(name) || WindowFunctions.Names.Contains(name);
        var listed = NotSupported.Reasons.ContainsKey(name);
        Assert.True(implemented ^ listed, implemented ? $"{name} is implemented and still listed as not supported" : $"{name} is neither implemented nor listed");
    }

    [Theory]
    [MemberData(nameof(DeclaredAggregates))]
    public void Every_declared_aggregate_is_implemented_or_listed(string name)
    {
        var implemented = AggregateFunctions.Find(name) is not null || AggregateFunctions.SpecialForms.Contains(name);
        var listed = NotSupported.Reasons.ContainsKey(name);
        Assert.True(implemented ^ listed, implemented ? $"{name} is implemented and still listed as not supported" : $"{name} is neither implemented nor listed");
    }

    [Fact]
    public void Every_implementation_is_declared_so_the_binder_accepts_it()
    {
        Assert.Equal("", string.Join(", ", ScalarFunctions.Names.Where(n => Builtins.Scalar(n) is null)));
        Assert.Equal("", string.Join(", ", AggregateFunctions.Names.Where(n => Builtins.Aggregate(n) is null)));
    }
}
