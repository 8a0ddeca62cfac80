using Detection.Evaluation.Tests.Support;

namespace Detection.Evaluation.Tests.Operators;

public class UnionAndExpandTests
{
    private static readonly Detection.Tables.Table A = Data.Table("A", "(x: long, name: string)", [[1L, "one"]]);
    private static readonly Detection.Tables.Table B = Data.Table("B", "(x: string, extra: bool)", [["two", true]]);

    [Fact]
    public void Union_with_differing_schemas_splits_a_name_by_type_and_fills_nulls() => Data.Check("""
        Source:string | x_long:long | x_string:string | name:string | extra:bool
        A | 1 | "" | one | null
        B | null | two | "" | true
        """, "union withsource=Source A, B", A, B);

    [Fact]
    public void Union_kind_inner_keeps_common_columns() => Data.Check("""
        x:long
        1
        1
        """, "A | union kind=inner (A | project x)", A);

    [Fact]
    public void Mv_expand_arrays_in_parallel_with_an_index() {
        var t = Data.Table("T", "(k: string, a: dynamic, b: dynamic)", [["r", "[1,2,3]", """{"p":"x","q":"y"}"""], ["e", "[]", "[]"], ["n", null, null]]);
        Data.Check("""
            k:string | a:long | b:dynamic | i:long
            r | 1 | {"p":"x"} | 0
            r | 2 | {"q":"y"} | 1
            r | 3 | null | 2
            n | null | null | 0
            """, "T | mv-expand with_itemindex=i a to typeof(long), b", t);
    }

    [Fact]
    public void Mv_expand_bagexpansion_array_and_limit() {
        var t = Data.Table("T", "(b: dynamic)", [["""{"p":1,"q":2}"""]]);
        Data.Check("""
            b:dynamic
            ["p",1]
            """, "T | mv-expand bagexpansion=array b limit 1", t);
    }

    [Fact]
    public void To_typeof_casts_and_does_not_convert() => Data.Check("""
        v:long
        1
        null
        null
        """, """print a = dynamic([1, "2", 2.5]) | mv-expand v = a to typeof(long) | project v""");
}
