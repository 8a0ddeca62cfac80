using Detection.Evaluation.Tests.Support;

namespace Detection.Evaluation.Tests.Operators;

/// <summary>
/// join-innerunique.md: a where after an innerunique join that reads left columns runs on the left side before the
/// dedup, so the rows it keeps are the ones that survive; other wheres run on the joined rows.
/// </summary>
public class JoinWherePushdownTests
{
    // The page's t1 and t2, with a second key so that the dedup keeps rows of several keys.
    private static readonly Detection.Tables.Table T1 = Data.Table("T1", "(key: long, value: string)",
        [[1L, "val1.1"], [1L, "val1.2"], [2L, "val2.1"]]);

    private static readonly Detection.Tables.Table T2 = Data.Table("T2", "(key: long, value: string)",
        [[1L, "val1.3"], [1L, "val1.4"], [2L, "val2.2"]]);

    [Fact]
    public void A_where_on_a_left_column_chooses_the_left_row_that_survives_the_dedup() => Data.Check("""
        key:long | value:string | key1:long | value1:string
        1 | val1.2 | 1 | val1.3
        1 | val1.2 | 1 | val1.4
        """, "T1 | join T2 on key | where value == \"val1.2\"", T1, T2);

    [Fact]
    public void The_default_kind_and_innerunique_push_alike() => Assert.Equal(
        Data.Text("T1 | join T2 on key | where value != \"val1.1\"", T1, T2),
        Data.Text("T1 | join kind=innerunique T2 on key | where value != \"val1.1\"", T1, T2));

    [Fact]
    public void A_where_on_a_renamed_right_column_runs_after_the_dedup() => Data.Check("""
        key:long | value:string | key1:long | value1:string
        1 | val1.1 | 1 | val1.4
        """, "T1 | join T2 on key | where value1 == \"val1.4\"", T1, T2);

    [Fact]
    public void A_where_on_a_right_column_that_kept_its_name_runs_after_the_dedup() => Data.Check("""
        key:long | value:string | key1:long | other:string
        1 | val1.1 | 1 | val1.4
        """, "T1 | join (T2 | project key, other = value) on key | where other == \"val1.4\"", T1, T2);

    [Fact]
    public void A_where_mixing_both_sides_runs_after_the_dedup() => Data.Check("""
        key:long | value:string | key1:long | value1:string
        """, "T1 | join T2 on key | where value == \"val1.2\" and value1 == \"val1.4\"", T1, T2);

    [Fact]
    public void A_left_column_named_like_a_renamed_right_column_is_the_left_one() => Data.Check("""
        key:long | value:string | value1:string | key1:long | value2:string
        1 | val1.2 | L1.2 | 1 | val1.3
        1 | val1.2 | L1.2 | 1 | val1.4
        """, "T1 | extend value1 = replace_string(value, \"val\", \"L\") | join T2 on key | where value1 == \"L1.2\"", T1, T2);

    [Fact]
    public void Chained_wheres_are_pushed_until_one_reads_the_right_side() => Data.Check("""
        key:long | value:string | key1:long | value1:string
        1 | val1.2 | 1 | val1.4
        """, "T1 | join T2 on key | where key == 1 | where value != \"val1.1\" | where value1 == \"val1.4\"", T1, T2);

    [Fact]
    public void Left_and_right_keys_of_different_names_push_the_same_way() => Data.Check("""
        k:long | value:string | key:long | value1:string
        1 | val1.2 | 1 | val1.3
        1 | val1.2 | 1 | val1.4
        """, "T1 | project k = key, value | join (T2) on $left.k == $right.key | where value == \"val1.2\"", T1, T2);

    [Fact]
    public void Parentheses_around_the_join_change_nothing() => Data.Check("""
        key:long | value:string | key1:long | value1:string
        1 | val1.2 | 1 | val1.3
        1 | val1.2 | 1 | val1.4
        """, "(T1 | join T2 on key) | where value == \"val1.2\"", T1, T2);

    [Fact]
    public void A_where_reading_a_scalar_let_is_pushed() => Data.Check("""
        key:long | value:string | key1:long | value1:string
        1 | val1.2 | 1 | val1.3
        1 | val1.2 | 1 | val1.4
        """, "let wanted = \"val1.2\"; T1 | join T2 on key | where value == wanted", T1, T2);

    [Fact]
    public void Other_kinds_filter_the_joined_rows() => Data.Check("""
        key:long | value:string | key1:long | value1:string
        1 | val1.2 | 1 | val1.3
        1 | val1.2 | 1 | val1.4
        """, "T1 | join kind=inner T2 on key | where value == \"val1.2\"", T1, T2);
}
