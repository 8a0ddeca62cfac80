using Detection.Kql.Functions;

namespace Detection.Kql.Tests.Functions;

public class BuiltinsTests
{
    [Fact]
    public void Every_declaration_reads_and_names_are_unique()
    {
        Assert.True(Builtins.Scalars.Count > 200);
        Assert.True(Builtins.Aggregates.Count > 40);
        Assert.All(Builtins.Scalars.Values, s => Assert.Equal(FunctionKind.Scalar, s.Kind));
    }

    [Theory]
    [InlineData("tostring", 1, 1)]
    [InlineData("substring", 2, 3)]
    [InlineData("strcat", 1, 64)]
    [InlineData("iff", 3, 3)]
    [InlineData("now", 0, 1)]
    public void Arity_comes_from_the_declared_parameters(string name, int min, int max)
    {
        var signature = Builtins.Scalar(name)!;

        Assert.Equal((min, max), (signature.MinArguments, signature.MaxArguments));
    }

    [Theory]
    [InlineData("make_set", "set")]
    [InlineData("makelist", "list")]
    [InlineData("count", "count")]
    [InlineData("dcountif", "dcountif")]
    public void Aggregates_declare_the_prefix_of_their_generated_column_name(string name, string prefix)
    {
        Assert.Equal(prefix, Builtins.Aggregate(name)!.ResultPrefix);
    }

    [Theory]
    [InlineData("imAuthentication", true)]
    [InlineData("_Im_NetworkSession", true)]
    [InlineData("_ASim_Dns", true)]
    [InlineData("image", false)]
    [InlineData("SigninLogs", false)]
    public void Sentinel_workspace_functions_are_recognised_by_name(string name, bool expected)
    {
        Assert.Equal(expected, Builtins.IsSentinelFunction(name));
    }
}
