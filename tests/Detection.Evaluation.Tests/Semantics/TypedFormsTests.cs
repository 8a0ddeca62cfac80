using Detection.Evaluation.Tests.Support;

namespace Detection.Evaluation.Tests.Semantics;

/// <summary>
/// Arithmetic, comparisons, iff and math functions over columns run as typed loops; over constants they run value by
/// value. Both forms must agree on every value pair, nulls, NaN, infinities, zero divisors and range edges included.
/// </summary>
public class TypedFormsTests
{
    private static readonly Dictionary<string, string[]> Values = new()
    {
        ["int"] = ["int(0)", "int(3)", "int(-7)", "int(2147483647)", "int(-2147483648)", "int(null)"],
        ["long"] = ["long(0)", "long(5)", "long(-12)", "long(9223372036854775807)", "long(null)"],
        ["real"] = ["real(0)", "real(1.5)", "real(-2.25)", "real(nan)", "real(+inf)", "real(null)"],
        ["datetime"] = ["datetime(2026-11-02 10:00:00)", "datetime(0001-01-01)", "datetime(9999-12-31 23:00)", "datetime(null)"],
        ["timespan"] = ["1h", "(-30m)", "0s", "timespan(null)"],
    };

    public static TheoryData<string, string, string> Pairs()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var op in new[] { "+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=" })
        foreach (var left in Values.Keys)
        foreach (var right in Values.Keys)
            data.Add(op, left, right);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Binary_operators_over_columns_equal_the_one_value_form(string op, string left, string right) =>
        AssertSameAsConstants((a, b) => $"{a} {op} {b}", left, right);

    [Theory]
    [InlineData("int", "long")]
    [InlineData("long", "real")]
    [InlineData("real", "real")]
    [InlineData("datetime", "datetime")]
    [InlineData("timespan", "timespan")]
    public void Iff_over_columns_equals_the_one_value_form(string left, string right)
    {
        foreach (var condition in new[] { "true", "false", "bool(null)" })
            AssertSameAsConstants((a, b) => $"iff({condition}, {a}, {b})", left, right);
    }

    [Theory]
    [InlineData("pow({0}, {1})", "real", "long")]
    [InlineData("pow({0}, {1})", "int", "real")]
    [InlineData("round({0}, 1) + {1}", "real", "real")]
    [InlineData("sqrt({0}) * {1}", "long", "real")]
    [InlineData("round({0}) - {1}", "real", "int")]
    public void Math_functions_over_columns_equal_the_one_value_form(string template, string left, string right) =>
        AssertSameAsConstants((a, b) => string.Format(template, a, b), left, right);

    /// <summary>
    /// Every (a, b) pair as a two-column table whose expression is typed, against <c>print</c> of the same literals;
    /// a combination the language rejects must be rejected by both.
    /// </summary>
    private static void AssertSameAsConstants(Func<string, string, string> expression, string left, string right)
    {
        var pairs = Values[left].SelectMany(a => Values[right].Select(b => (a, b))).ToList();
        var rows = string.Join(", ", pairs.Select(p => $"{p.a}, {p.b}"));
        var overColumns = Outcome(() => Data.Text($"datatable(a:{left}, b:{right})[{rows}] | project r = {expression("a", "b")}"));
        var expected = pairs.Select(p => Outcome(() => Data.Text($"print r = {expression(p.a, p.b)}"))).ToList();
        if (expected.All(e => e.StartsWith("error", StringComparison.Ordinal)))
        {
            Assert.StartsWith("error", overColumns);
            return;
        }
        var lines = overColumns.Split('\n');
        Assert.Equal(expected[0].Split('\n')[0], lines[0]);
        for (var i = 0; i < pairs.Count; i++)
            Assert.True(expected[i].Split('\n')[1] == lines[i + 1],
                $"{expression(pairs[i].a, pairs[i].b)}: over columns {lines[i + 1]}, value by value {expected[i].Split('\n')[1]}");
    }

    private static string Outcome(Func<string> run)
    {
        try { return run(); }
        catch (Exception e) when (e is EvaluationException or OverflowException or ArgumentException) { return "error " + e.GetType().Name; }
    }
}
