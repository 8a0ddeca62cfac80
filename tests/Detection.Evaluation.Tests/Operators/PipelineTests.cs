using Detection.Evaluation.Tests.Support;

namespace Detection.Evaluation.Tests.Operators;

public class PipelineTests
{
    private static readonly Detection.Tables.Table T = Data.Table("T", "(Name: string, N: long, At: datetime)",
    [
        ["a", 1L, "2026-11-02T08:00:00Z"],
        ["b", null, "2026-11-02T09:30:00Z"],
        ["c", 3L, "2026-11-02T10:15:00Z"],
        ["a", 4L, null],
        ["d", 5L, "2026-11-01T23:00:00Z"],
    ]);

    [Fact]
    public void Where_keeps_rows_where_the_predicate_is_true_across_chunks() => Data.Check("""
        Name:string | N:long | At:datetime
        c | 3 | 2026-11-02T10:15:00Z
        a | 4 | null
        d | 5 | 2026-11-01T23:00:00Z
        """, "T | where N > 2", T);

    [Fact]
    public void Extend_adds_and_replaces_columns_and_names_unnamed_expressions() => Data.Check("""
        Name:string | N:long | At:datetime | Double:long | Column1:long
        a | 1 | 2026-11-02T08:00:00Z | 2 | 3
        """, "T | take 1 | extend Double = N * 2, N + 2 | extend N = N", T);

    [Fact]
    public void Project_selects_renames_and_computes() => Data.Check("""
        Who:string | N:long | Hour:int
        a | 1 | 8
        b | null | 9
        """, "T | project Who = Name, N, Hour = hourofday(At) | take 2", T);

    [Fact]
    public void Project_away_rename_reorder_and_keep() => Data.Check("""
        When:datetime | Name:string
        2026-11-02T08:00:00Z | a
        """, "T | take 1 | project-away N | project-rename When = At | project-reorder When", T);

    [Fact]
    public void Project_away_takes_wildcards() => Data.Check("""
        N:long
        1
        """, "T | take 1 | project-away Na*, A*", T);

    [Fact]
    public void Count_is_one_long_column_named_Count() => Data.Check("""
        Count:long
        5
        """, "T | count", T);

    [Fact]
    public void Count_of_nothing_is_zero() => Data.Check("""
        Count:long
        0
        """, "T | where Name == 'zzz' | count", T);

    [Fact]
    public void Sort_is_descending_by_default_with_nulls_last() => Data.Check("""
        Name:string | N:long
        d | 5
        a | 4
        c | 3
        a | 1
        b | null
        """, "T | sort by N | project Name, N", T);

    [Fact]
    public void Sort_ascending_puts_nulls_first_and_is_stable() => Data.Check("""
        Name:string | N:long
        a | 1
        a | 4
        b | null
        c | 3
        d | 5
        """, "T | order by Name asc | project Name, N", T);

    [Fact]
    public void Sort_ascending_puts_nulls_first() => Data.Check("""
        Name:string
        b
        a
        """, "T | sort by N asc | take 2 | project Name", T);

    [Fact]
    public void Top_takes_the_first_rows_in_order() => Data.Check("""
        Name:string | N:long
        a | 1
        c | 3
        """, "T | top 2 by N asc nulls last | project Name, N", T);

    [Fact]
    public void Distinct_keeps_first_appearance_order() => Data.Check("""
        Name:string
        a
        b
        c
        d
        """, "T | distinct Name", T);

    [Fact]
    public void Take_stops_at_n_rows_across_chunks() => Assert.Equal(3, Data.Run("T | take 3", T).RowCount);

    [Fact]
    public void Let_binds_scalars_tables_and_functions() => Data.Check("""
        Name:string | N:long
        d | 5
        """, """
        let threshold = 4;
        let big = (t: (N: long)) { t | where N > threshold };
        let source = T | project Name, N;
        big(source)
        """, T);

    [Fact]
    public void A_scalar_user_function_is_applied_per_row() => Data.Check("""
        Name:string | Twice:long
        a | 2
        """, "let twice = (x: long) { x * 2 }; T | take 1 | project Name, Twice = twice(N)", T);

    [Fact]
    public void Print_names_unnamed_columns_by_position() => Data.Check("""
        print_0:long | x:string | print_2:real
        1 | a | 0.5
        """, "print 1, x = 'a', 1.0 / 2");

    [Fact]
    public void Datatable_and_range_are_sources() => Data.Check("""
        x:long
        1
        3
        5
        """, "range x from 1 to 5 step 2 | join kind=leftsemi (datatable(x: long) [1, 3, 5, 7]) on x");

    [Fact]
    public void Getschema_lists_the_columns() => Data.Check("""
        ColumnName:string | ColumnOrdinal:long | DataType:string | ColumnType:string
        Name | 0 | System.String | string
        N | 1 | System.Int64 | long
        At | 2 | System.DateTime | datetime
        """, "T | getschema", T);

    [Fact]
    public void An_unsupported_operator_is_an_error_not_a_wrong_answer()
    {
        var error = Assert.Throws<EvaluationException>(() => Data.Run("T | sample 2", T));
        Assert.StartsWith("not supported yet: operator sample", error.Message);
    }

    [Fact]
    public void A_query_with_binding_errors_is_refused() =>
        Assert.Throws<EvaluationException>(() => Data.Run("T | where Nope == 1", T));

    [Fact]
    public void Window_functions_read_neighbouring_rows_across_chunks() => Data.Check("""
        Name:string | N:long | Row:long | Prev:long | Next:long | Sum:long | Rank:long
        a | 1 | 1 | null | 4 | 1 | 1
        a | 4 | 2 | 1 | 3 | 5 | 1
        c | 3 | 3 | 4 | 5 | 8 | 2
        d | 5 | 4 | 3 | 0 | 13 | 3
        """, """
        T | where isnotnull(N) | sort by Name asc, N asc
        | extend Row = row_number(), Prev = prev(N), Next = next(N, 1, 0), Sum = row_cumsum(N)
        | serialize Rank = row_rank_dense(Name)
        | project Name, N, Row, Prev, Next, Sum, Rank
        """, T);

    [Fact]
    public void Row_cumsum_restarts_doc_example() => Data.Check("""
        name:string | salary:long | cs:long
        a | 1 | 1
        a | 2 | 3
        b | 5 | 5
        """, """
        datatable(name: string, salary: long) ["a", 1, "a", 2, "b", 5]
        | serialize cs = row_cumsum(salary, name != prev(name))
        """);

    [Fact]
    public void Row_window_session_groups_close_rows() => Data.Check("""
        t:datetime | s:datetime
        2026-11-02T08:00:00Z | 2026-11-02T08:00:00Z
        2026-11-02T08:04:00Z | 2026-11-02T08:00:00Z
        2026-11-02T08:20:00Z | 2026-11-02T08:20:00Z
        2026-11-02T08:29:00Z | 2026-11-02T08:20:00Z
        2026-11-02T09:30:00Z | 2026-11-02T09:30:00Z
        """, """
        datatable(t: datetime) [datetime(2026-11-02 08:00), datetime(2026-11-02 08:04), datetime(2026-11-02 08:20), datetime(2026-11-02 08:29), datetime(2026-11-02 09:30)]
        | sort by t asc
        | extend s = row_window_session(t, 1h, 10m)
        """);
}
