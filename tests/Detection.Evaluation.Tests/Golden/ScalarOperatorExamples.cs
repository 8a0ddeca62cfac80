namespace Detection.Evaluation.Tests.Golden;

/// <summary>Examples of the scalar operator pages (strings, nulls, numbers, datetimes), with their documented outputs.</summary>
public class ScalarOperatorExamples
{
    [Theory] // datatypes-string-operators: the example column of the operator table, each true
    [InlineData("\"aBc\" == \"aBc\"")]
    [InlineData("\"abc\" =~ \"ABC\"")]
    [InlineData("\"North America\" has \"america\"")]
    [InlineData("\"North America\" !has \"amer\"")]
    [InlineData("\"North America\" has_cs \"America\"")]
    [InlineData("\"North America\" hasprefix \"ame\"")]
    [InlineData("\"North America\" hassuffix \"ica\"")]
    [InlineData("\"FabriKam\" contains \"BRik\"")]
    [InlineData("\"FabriKam\" contains_cs \"Kam\"")]
    [InlineData("\"Fabrikam\" startswith \"fab\"")]
    [InlineData("\"Fabrikam\" endswith \"Kam\"")]
    [InlineData("\"Fabrikam\" matches regex \"b.*k\"")]
    [InlineData("\"abc\" in (\"123\", \"345\", \"abc\")")]
    [InlineData("\"abc\" in~ (\"123\", \"345\", \"ABC\")")]
    [InlineData("\"abc\" !in (\"123\", \"345\", \"abcd\")")]
    [InlineData("\"bca\" !in~ (\"123\", \"345\", \"ABC\")")]
    [InlineData("\"North America\" has_any(\"south\", \"north\")")]
    [InlineData("\"North America\" has_all(\"south\", \"north\") == false")]
    public void String_operators(string predicate) => Golden.Check("datatypes-string-operators", """
        print_0
        true
        """, $"print {predicate}");

    [Fact] // scalar-data-types/null-values
    public void Null_comparisons() => Golden.Check("scalar-data-types/null-values", """
        val | IsBiggerThan3 | IsBiggerThan3OrNull | IsEqualToNull | IsNotEqualToNull
        5 | true | true | false | true
        null | null | true | null | null
        """, """
        datatable(val:int)[5, int(null)]
        | extend IsBiggerThan3 = val > 3
        | extend IsBiggerThan3OrNull = val > 3 or isnull(val)
        | extend IsEqualToNull = val == int(null)
        | extend IsNotEqualToNull = val != int(null)
        """);

    [Fact] // scalar-data-types/null-values: where keeps a row whose != is true because one side is null
    public void Null_not_equal_keeps_the_row() => Golden.Check("scalar-data-types/null-values", """
        ival | sval
        null | b
        """, """datatable(ival:int, sval:string)[5, "a", int(null), "b"] | where ival != 5""");

    [Fact] // numerical-operators: the modulo is never negative
    public void Modulo() => Golden.Check("numerical-operators", """
        plusPlus | minusPlus | plusMinus | minusMinus
        2 | 10 | 2 | 10
        """, "print plusPlus = 14 % 12, minusPlus = -14 % 12, plusMinus = 14 % -12, minusMinus = -14 % -12");

    [Fact] // numerical-operators: the division table
    public void Division_types() => Golden.Check("numerical-operators", """
        a | b | c | d
        0.5 | 0.5 | 0 | 0.5
        """, "print a = 1.0 / 2, b = 1 / 2.0, c = 1 / 2, d = real(1) / 2");

    [Fact] // datetime-timespan-arithmetic: timespan / timespan is a real
    public void Timespan_division() => Golden.Check("datetime-timespan-arithmetic", """
        a | b
        4.8 | 3600
        """, "print a = 1d / 5h, b = 1h / 1s");

    [Fact] // between-operator: both ends included, a timespan as the right end
    public void Between() => Golden.Check("between-operator", """
        a | b | c
        true | true | false
        """, "print a = 5 between (1 .. 5), b = datetime(2007-07-28) between (datetime(2007-07-27) .. 3d), c = 6 between (1 .. 5)");

    [Fact] // iff-function
    public void Iff() => Golden.Check("iff-function", """
        x | y
        1 | small
        2 | small
        3 | large
        """, "range x from 1 to 3 step 1 | extend y = iff(x < 3, 'small', 'large')");
}
