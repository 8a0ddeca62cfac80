namespace Detection.Evaluation.Tests.Golden;

/// <summary>Examples of the tabular operator pages (mv-expand, join kinds, summarize), with their documented outputs.</summary>
public class OperatorExamples
{
    private const string X = "let X = datatable(Key:string, Value1:long) ['a',1, 'b',2, 'b',3, 'c',4];";
    private const string Y = "let Y = datatable(Key:string, Value2:long) ['b',10, 'c',20, 'c',30, 'd',40];";

    [Fact] // mv-expand-operator: single column, array expansion
    public void Mv_expand_arrays() => Golden.Check("mv-expand-operator", """
        a | b
        1 | 10
        1 | 20
        2 | "a"
        2 | "b"
        """, "datatable (a: int, b: dynamic) [1, dynamic([10, 20]), 2, dynamic(['a', 'b'])] | mv-expand b");

    [Fact] // mv-expand-operator: single column, bag expansion
    public void Mv_expand_bags() => Golden.Check("mv-expand-operator", """
        a | b
        1 | {"prop1":"a1"}
        1 | {"prop2":"b1"}
        2 | {"prop1":"a2"}
        2 | {"prop2":"b2"}
        """, """datatable (a: int, b: dynamic) [1, dynamic({"prop1": "a1", "prop2": "b1"}), 2, dynamic({"prop1": "a2", "prop2": "b2"})] | mv-expand b""");

    [Fact] // mv-expand-operator: bag expansion to key-value pairs
    public void Mv_expand_bags_to_pairs() => Golden.Check("mv-expand-operator", """
        a | b | key | val
        1 | ["prop1","a1"] | "prop1" | "a1"
        1 | ["prop2","b1"] | "prop2" | "b1"
        2 | ["prop1","a2"] | "prop1" | "a2"
        2 | ["prop2","b2"] | "prop2" | "b2"
        """, """
        datatable (a: int, b: dynamic) [1, dynamic({"prop1": "a1", "prop2": "b1"}), 2, dynamic({"prop1": "a2", "prop2": "b2"})]
        | mv-expand kind=array b
        | extend key = b[0], val = b[1]
        """);

    [Fact] // mv-expand-operator: two columns are zipped, the shorter padded with null
    public void Mv_expand_zips_columns() => Golden.Check("mv-expand-operator", """
        a | b | c
        1 | {"prop1":"a"} | 5
        1 | {"prop2":"b"} | 4
        1 | null | 3
        """, """datatable (a: int, b: dynamic, c: dynamic) [1, dynamic({"prop1": "a", "prop2": "b"}), dynamic([5, 4, 3])] | mv-expand b, c""");

    [Fact] // mv-expand-operator: the Cartesian product by chaining
    public void Mv_expand_twice_is_a_cartesian_product() => Golden.Check("mv-expand-operator", """
        a | b | c
        1 | {"prop1":"a"} | 5
        1 | {"prop1":"a"} | 6
        1 | {"prop2":"b"} | 5
        1 | {"prop2":"b"} | 6
        """, """datatable (a: int, b: dynamic, c: dynamic) [1, dynamic({"prop1": "a", "prop2": "b"}), dynamic([5, 6])] | mv-expand b | mv-expand c""");

    [Fact] // mv-expand-operator: to typeof applies to the column it follows (the page's DataType column is left out)
    public void Mv_expand_to_typeof() => Golden.Check("mv-expand-operator", """
        ColumnName | ColumnType
        a | string
        b | dynamic
        c | int
        """, """
        datatable (a: string, b: dynamic, c: dynamic) ["Constant", dynamic([1, 2, 3, 4]), dynamic([6, 7, 8, 9])]
        | mv-expand b, c to typeof(int)
        | getschema
        | project ColumnName, ColumnType
        """);

    [Fact] // mv-expand-operator: with_itemindex
    public void Mv_expand_with_itemindex() => Golden.Check("mv-expand-operator", """
        x | Index
        1 | 0
        2 | 1
        3 | 2
        4 | 3
        """, "range x from 1 to 4 step 1 | summarize x = make_list(x) | mv-expand with_itemindex=Index x");

    [Fact] // join-innerunique: the left side is deduplicated on the key
    public void Join_innerunique() => Golden.Check("join-innerunique", """
        Key | Value1 | Key1 | Value2
        b | 2 | b | 10
        c | 4 | c | 20
        c | 4 | c | 30
        """, X + Y + "X | join Y on Key");

    [Fact] // join-innerunique: either left row may be kept, both outputs are correct; we keep the first
    public void Join_innerunique_keeps_one_left_row() => Golden.Check("join-innerunique", """
        key | value | key1 | value1
        1 | val1.1 | 1 | val1.3
        1 | val1.1 | 1 | val1.4
        """, """
        let t1 = datatable(key: long, value: string) [1, "val1.1", 1, "val1.2"];
        let t2 = datatable(key: long, value: string) [1, "val1.3", 1, "val1.4"];
        t1 | join kind = innerunique t2 on key
        """);

    [Fact] // join-innerunique: a where on a left column after the join is pushed into the left side before the dedup
    public void Join_innerunique_with_a_pushed_filter() => Golden.Check("join-innerunique", """
        key | value | key1 | value1
        1 | val1.2 | 1 | val1.3
        1 | val1.2 | 1 | val1.4
        """, """
        let t1 = datatable(key: long, value: string) [1, "val1.1", 1, "val1.2"];
        let t2 = datatable(key: long, value: string) [1, "val1.3", 1, "val1.4"];
        t1 | join kind = innerunique t2 on key | where value == "val1.2"
        """);

    [Theory] // join-inner, join-leftouter, join-rightouter, join-fullouter, join-leftanti, join-rightanti, join-leftsemi, join-rightsemi: X and Y of the join pages
    [InlineData("inner", "Key | Value1 | Key1 | Value2\nb | 2 | b | 10\nb | 3 | b | 10\nc | 4 | c | 20\nc | 4 | c | 30")]
    [InlineData("leftouter", "Key | Value1 | Key1 | Value2\na | 1 | \"\" | null\nb | 2 | b | 10\nb | 3 | b | 10\nc | 4 | c | 20\nc | 4 | c | 30")]
    [InlineData("rightouter", "Key | Value1 | Key1 | Value2\nb | 2 | b | 10\nb | 3 | b | 10\nc | 4 | c | 20\nc | 4 | c | 30\n\"\" | null | d | 40")]
    [InlineData("fullouter", "Key | Value1 | Key1 | Value2\na | 1 | \"\" | null\nb | 2 | b | 10\nb | 3 | b | 10\nc | 4 | c | 20\nc | 4 | c | 30\n\"\" | null | d | 40")]
    [InlineData("leftanti", "Key | Value1\na | 1")]
    [InlineData("rightanti", "Key | Value2\nd | 40")]
    [InlineData("leftsemi", "Key | Value1\nb | 2\nb | 3\nc | 4")]
    [InlineData("rightsemi", "Key | Value2\nb | 10\nc | 20\nc | 30")]
    public void Join_kinds(string kind, string expected) => Golden.Check($"join-{kind}", expected, X + Y + $"X | join kind={kind} Y on Key");

    [Fact] // summarize-operator: default values of aggregates over an empty table (the page shows nulls as empty cells)
    public void Summarize_defaults_over_no_rows() => Golden.Check("summarize-operator", """
        any_x | arg_max_x | arg_min_x | avg_x | max_x | min_x | percentile_x_55 | stdev_x | sum_x | sumif_x | variance_x
        null | null | null | NaN | null | null | null | 0 | 0 | 0 | 0
        """, """
        datatable(x:long)[]
        | summarize any_x=take_any(x), arg_max_x=arg_max(x, *), arg_min_x=arg_min(x, *), avg(x), max(x), min(x), percentile(x, 55), stdev(x), sum(x), sumif(x, x > 0), variance(x)
        """);

    [Fact] // summarize-operator: counts over an empty table
    public void Summarize_counts_over_no_rows() => Golden.Check("summarize-operator", """
        count_x | countif_ | dcount_x | dcountif_x
        0 | 0 | 0 | 0
        """, "datatable(x:long)[] | summarize count(x), countif(x > 0), dcount(x), dcountif(x, x > 0)");

    [Fact] // summarize-operator: make_set and make_list over an empty table
    public void Summarize_lists_over_no_rows() => Golden.Check("summarize-operator", """
        set_x | list_x
        [] | []
        """, "datatable(x:long)[] | summarize make_set(x), make_list(x)");

    [Fact] // summarize-operator: sum and avg ignore nulls
    public void Summarize_ignores_nulls() => Golden.Check("summarize-operator", """
        sum_y | avg_y
        15 | 5
        """, "range x from 1 to 4 step 1 | extend y = iff(x == 1, real(null), real(5)) | summarize sum(y), avg(y)");

    [Fact] // summarize-operator: count(y) counts rows, nulls included
    public void Summarize_count_of_a_column() => Golden.Check("summarize-operator", """
        count_y
        2
        """, "range x from 1 to 2 step 1 | extend y = iff(x == 1, real(null), real(5)) | summarize count(y)");

    [Fact] // summarize-operator: duplicate default names get a suffix
    public void Summarize_duplicate_names() => Golden.Check("summarize-operator", """
        set_y | set_y1
        [5] | [5]
        """, "range x from 1 to 2 step 1 | extend y = iff(x == 1, real(null), real(5)) | summarize make_set(y), make_set(y)");
}
