using Detection.Evaluation.Tests.Support;

namespace Detection.Evaluation.Tests.Operators;

public class SummarizeTests
{
    private static readonly Detection.Tables.Table Signins = Data.Table("Signins", "(User: string, Ip: string, Result: long, At: datetime, Score: real)",
    [
        ["alice", "1.1.1.1", 0L, "2026-11-02T08:10:00Z", 1.0],
        ["alice", "2.2.2.2", 50126L, "2026-11-02T08:40:00Z", 3.0],
        ["bob", "1.1.1.1", 50126L, "2026-11-02T09:05:00Z", null],
        ["bob", "1.1.1.1", 50126L, "2026-11-02T09:20:00Z", 5.0],
        ["carol", "3.3.3.3", 0L, "2026-11-02T10:00:00Z", 5.0],
    ]);

    [Fact]
    public void Default_names_are_Kustos() => Data.Check("""
        User:string | count_:long | dcount_Ip:long | countif_:long | sum_Result:long | avg_Score:real | min_At:datetime | max_Score:real
        alice | 2 | 2 | 1 | 50126 | 2 | 2026-11-02T08:10:00Z | 3
        bob | 2 | 1 | 2 | 100252 | 5 | 2026-11-02T09:05:00Z | 5
        carol | 1 | 1 | 0 | 0 | 5 | 2026-11-02T10:00:00Z | 5
        """, "Signins | summarize count(), dcount(Ip), countif(Result != 0), sum(Result), avg(Score), min(At), max(Score) by User", Signins);

    [Fact]
    public void By_bin_names_the_key_after_the_column() => Data.Check("""
        At:datetime | Failures:long
        2026-11-02T08:00:00Z | 1
        2026-11-02T09:00:00Z | 2
        """, "Signins | where Result == 50126 | summarize Failures = count() by bin(At, 1h)", Signins);

    [Fact]
    public void Sets_lists_and_bags() => Data.Check("""
        User:string | set_Ip:dynamic | list_Result:dynamic | bag:dynamic
        alice | ["1.1.1.1","2.2.2.2"] | [0,50126] | {"alice":"1.1.1.1"}
        bob | ["1.1.1.1"] | [50126,50126] | {"bob":"1.1.1.1"}
        """, "Signins | where User != 'carol' | summarize make_set(Ip), make_list(Result), bag = make_bag(bag_pack(User, Ip)) by User", Signins);

    [Fact]
    public void Arg_max_with_star_returns_the_whole_row() => Data.Check("""
        User:string | At:datetime | Ip:string | Result:long | Score:real
        alice | 2026-11-02T08:40:00Z | 2.2.2.2 | 50126 | 3
        bob | 2026-11-02T09:20:00Z | 1.1.1.1 | 50126 | 5
        carol | 2026-11-02T10:00:00Z | 3.3.3.3 | 0 | 5
        """, "Signins | summarize arg_max(At, *) by User", Signins);

    [Fact]
    public void Arg_min_with_a_column_list() => Data.Check("""
        Ip:string | First:datetime | User:string
        1.1.1.1 | 2026-11-02T08:10:00Z | alice
        2.2.2.2 | 2026-11-02T08:40:00Z | alice
        3.3.3.3 | 2026-11-02T10:00:00Z | carol
        """, "Signins | summarize First = arg_min(At, User) by Ip", Signins);

    [Fact] // summarize-operator.md, default values of aggregations: sum over nothing is 0
    public void Without_by_there_is_one_row_even_over_nothing() => Data.Check("""
        count_:long | set_Ip:dynamic | sum_Result:long
        0 | [] | 0
        """, "Signins | where User == 'nobody' | summarize count(), make_set(Ip), sum(Result)", Signins);

    [Fact]
    public void With_by_over_nothing_there_are_no_rows() =>
        Assert.Equal(0, Data.Run("Signins | where User == 'nobody' | summarize count() by User", Signins).RowCount);

    [Fact]
    public void Duplicate_names_get_a_numeric_suffix() => Data.Check("""
        set_Ip:dynamic | set_Ip1:dynamic
        ["3.3.3.3"] | ["3.3.3.3"]
        """, "Signins | where User == 'carol' | summarize make_set(Ip), make_set(Ip)", Signins);

    [Fact]
    public void Percentiles_stdev_variance_and_take_any() => Data.Check("""
        percentile_Result_50:long | stdev_Score:real | variance_Score:real | User:string
        50126 | 1.9148542155126762 | 3.6666666666666665 | alice
        """, "Signins | summarize percentile(Result, 50), stdev(Score), variance(Score), take_any(User)", Signins);

    [Fact]
    public void Dcountif_sumif_and_make_set_if() => Data.Check("""
        dcountif_Ip:long | sumif_Score:real | set_User:dynamic
        2 | 11 | ["alice","bob"]
        """, "Signins | summarize dcountif(Ip, Result != 0), sumif(Score, Result == 0 or User == 'bob'), make_set_if(User, Result != 0)", Signins);

    [Fact]
    public void Aggregates_ignore_nulls_doc_example()
    {
        // summarize-operator.md: with y = null, 5, 5, 5 → sum_y = 15, avg_y = 5, and count(y) counts rows.
        var t = Data.Table("T", "(y: long)", [[null], [5L], [5L], [5L]]);
        Data.Check("""
            sum_y:long | avg_y:real | count_y:long | set_y:dynamic
            15 | 5 | 4 | [5]
            """, "T | summarize sum(y), avg(y), count(y), make_set(y)", t);
    }

    [Fact]
    public void Percentiles_give_one_column_each() => Data.Check("""
        percentile_Score_50:real | percentile_Score_95:real
        3 | 5
        """, "Signins | summarize percentiles(Score, 50, 95)", Signins);

    [Fact]
    public void Expressions_over_aggregates() => Data.Check("""
        User:string | FailureRate:real | round_:real | Spread:long
        alice | 0.5 | 2 | 50126
        bob | 1 | 5 | 0
        carol | 0 | 5 | 0
        """, "Signins | summarize FailureRate = countif(Result != 0) * 1.0 / count(), round(avg(Score), 1), Spread = max(Result) - min(Result) by User", Signins);
}
