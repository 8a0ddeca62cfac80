using Detection.Evaluation.Tests.Support;

namespace Detection.Evaluation.Tests.Operators;

public class MvApplyAndEvaluateTests
{
    [Fact]
    public void Mv_apply_runs_the_subquery_per_row_doc_example() => Data.Check("""
        xMod2:long | l:dynamic | element:long
        1 | [1,3,5,7] | 7
        0 | [2,4,6,8] | 8
        """, """
        let _data = range x from 1 to 8 step 1 | summarize l = make_list(x) by xMod2 = x % 2;
        _data | mv-apply element = l to typeof(long) on (top 1 by element)
        """);

    [Fact] // the sum over no value is 0 (summarize-operator.md, default values of aggregations)
    public void Mv_apply_adds_the_other_columns_back_after_a_summarize() => Data.Check("""
        id:string | items:dynamic | total:long
        a | [1,2,3] | 6
        b | [] | 0
        """, """
        datatable(id: string, items: dynamic) ["a", dynamic([1, 2, 3]), "b", dynamic([])]
        | mv-apply v = items to typeof(long) on (summarize total = sum(v))
        """);

    [Fact] // each row's subquery sees only its own elements, rows that expand to nothing included, wherever they are
    public void Mv_apply_runs_the_subquery_over_each_rows_own_elements() => Data.Check("""
        id:string | items:dynamic | total:long | n:long | last:long
        a | [] | 0 | 0 | null
        b | [1,2] | 3 | 2 | 1
        c | [] | 0 | 0 | null
        d | [1,2] | 3 | 2 | 1
        e | [5] | 5 | 1 | 0
        """, """
        datatable(id: string, items: dynamic) ["a", dynamic([]), "b", dynamic([1, 2]), "c", dynamic([]), "d", dynamic([1, 2]), "e", dynamic([5])]
        | mv-apply with_itemindex=i v = items to typeof(long) on (summarize total = sum(v), n = count(), last = max(i))
        """);

    [Fact]
    public void Mv_apply_drops_rows_whose_subquery_returns_nothing() => Data.Check("""
        UserAgent:string
        curl/8
        """, """
        datatable(AdditionalDetails: dynamic) [dynamic([{"key": "User-Agent", "value": "curl/8"}]), dynamic([{"key": "x", "value": 1}])]
        | mv-apply Detail = AdditionalDetails on (where Detail.key =~ "user-agent" | extend UserAgent = tostring(Detail.value))
        | project UserAgent
        """);

    [Fact]
    public void As_names_the_rows_for_later_in_the_query() => Data.Check("""
        x:long
        3
        """, "range x from 1 to 3 step 1 | as T | where x == toscalar(T | summarize max(x))");

    [Fact]
    public void Bag_unpack_makes_a_column_per_key() => Data.Check("""
        id:long | a:dynamic | b:dynamic
        1 | 1 | null
        2 | null | "x"
        """, """
        datatable(id: long, d: dynamic) [1, dynamic({"a": 1}), 2, dynamic({"b": "x"})]
        | evaluate bag_unpack(d)
        """);

    [Fact]
    public void Other_plugins_are_not_supported_yet() =>
        Assert.StartsWith("not supported yet: plugin",
            Assert.Throws<EvaluationException>(() => Data.Run("print x = 1 | evaluate narrow()")).Message);
}
