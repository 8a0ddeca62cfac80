using System.Globalization;
using Detection.Evaluation.Tests.Support;

namespace Detection.Evaluation.Tests.Golden;

/// <summary>
/// The trigonometric functions (great-circle distances in rules). The pages print reals with 15 significant digits,
/// so each value is compared with the documented one to that precision.
/// </summary>
public class TrigonometryExamples
{
    [Fact] // atan2-function.md
    public void Atan2_of_the_page() => CheckReals("atan2-function",
        "print atan2_0 = atan2(1,1) | extend atan2_1 = atan2(0,-1) | extend atan2_2 = atan2(-1,0)",
        ("atan2_0", 0.785398163397448), ("atan2_1", 3.14159265358979), ("atan2_2", -1.5707963267949));

    [Fact] // radians-function.md
    public void Radians_of_the_page() => CheckReals("radians-function",
        "print radians0 = radians(90), radians1 = radians(180), radians2 = radians(360)",
        ("radians0", 1.5707963267949), ("radians1", 3.14159265358979), ("radians2", 6.28318530717959));

    [Fact] // degrees-function.md
    public void Degrees_of_the_page() => CheckReals("degrees-function",
        "print degrees0 = degrees(pi()/4), degrees1 = degrees(pi()*1.5), degrees2 = degrees(0)",
        ("degrees0", 45), ("degrees1", 270), ("degrees2", 0));

    [Fact]
    public void Sine_cosine_and_tangent_of_known_angles() => CheckReals("sin-function",
        "print s = sin(pi()/6), c = cos(pi()/3), t = tan(pi()/4), z = cos(0)",
        ("s", 0.5), ("c", 0.5), ("t", 1), ("z", 1));

    [Fact]
    public void Inverse_functions_of_known_values() => CheckReals("acos-function",
        "print a = acos(-1), b = asin(1), c = atan(1)",
        ("a", Math.PI), ("b", Math.PI / 2), ("c", Math.PI / 4));

    [Fact] // acos-function.md, asin-function.md: null outside [-1, 1]; nulls propagate
    public void Inverse_sine_and_cosine_outside_their_domain_are_null() => Golden.Check("acos-function", """
        a | b | c
        null | null | null
        """, "print a = acos(2), b = asin(-1.5), c = sin(real(null))");

    [Fact]
    public void Great_circle_distance_of_a_rule() => CheckReals("radians-function",
        // haversine between Paris (2.35, 48.86) and London (-0.13, 51.51) on a 6,371 km sphere: ~343.5 km
        """
        print lat1 = 48.86, lon1 = 2.35, lat2 = 51.51, lon2 = -0.13
        | extend a = pow(sin(radians(lat2 - lat1) / 2), 2) + cos(radians(lat1)) * cos(radians(lat2)) * pow(sin(radians(lon2 - lon1) / 2), 2)
        | project km = round(2 * 6371 * atan2(sqrt(a), sqrt(1 - a)), 1)
        """,
        ("km", 343.5));

    private static void CheckReals(string page, string query, params (string Name, double Value)[] expected)
    {
        var table = Data.Run(query);
        Assert.Equal(expected.Select(e => e.Name), table.Schema.Columns.Select(c => c.Name));
        Assert.All(table.Schema.Columns, c => Assert.Equal(Kql.Symbols.KqlType.Real, c.Type));
        for (var i = 0; i < expected.Length; i++)
        {
            var actual = (double)table.GetValue(0, i)!;
            Assert.True(double.Parse(actual.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) == expected[i].Value
                        || Math.Abs(actual - expected[i].Value) < 1e-12,
                $"{Golden.Reference}{page}: {expected[i].Name} = {actual:R}, documented {expected[i].Value:R}");
        }
    }
}

/// <summary>int op int is an int, as Kusto.Language and our binder type it, so result columns match validation.</summary>
public class IntegerArithmeticTypes
{
    [Fact]
    public void Int_plus_int_is_an_int_and_int_plus_long_a_long()
    {
        var table = Data.Run("print a = toint(2) + toint(3), b = toint(2) + 3, c = toint(7) / toint(2), d = toint(7) * 1.5");
        Assert.Equal([Kql.Symbols.KqlType.Int, Kql.Symbols.KqlType.Long, Kql.Symbols.KqlType.Int, Kql.Symbols.KqlType.Real],
            table.Schema.Columns.Select(c => c.Type));
        Assert.Equal([5, 5L, 3, 10.5], Enumerable.Range(0, 4).Select(i => table.GetValue(0, i)));
    }
}
