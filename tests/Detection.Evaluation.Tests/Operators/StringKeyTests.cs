using Detection.Evaluation.Tests.Support;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Tests.Operators;

/// <summary>
/// String keys compared as string ids (in, join, distinct, summarize) and arg_max / arg_min over a stored time or long:
/// chunks of 3 rows, so each chunk has its own dictionary and one user's rows lie in several of them.
/// </summary>
public class StringKeyTests
{
    private static readonly Table Signins = Data.Table("Signins", "(User: string, Ip: string, At: datetime, Seq: long)",
    [
        ["alice", "1.1.1.1", At(8, 0), 0L],
        ["bob", "2.2.2.2", At(8, 5), 1L],
        ["alice", "3.3.3.3", At(9, 0), 2L],
        ["carol", "1.1.1.1", At(9, 0), 3L],
        ["alice", "4.4.4.4", At(9, 0), 4L],
        ["bob", "9.9.9.9", null, 5L],
        ["bob", "5.5.5.5", At(8, 5), 6L],
        ["carol", "6.6.6.6", At(7, 0), 7L],
        ["carol", "7.7.7.7", At(7, 0), 8L],
    ], chunkRows: 3);

    private static readonly Table Watched = Data.Table("Watched", "(Name: string, Ip: string)",
        [["dave", "1.1.1.1"], ["carol", "1.1.1.1"], ["bob", "5.5.5.5"], ["bob", "2.2.2.2"]], chunkRows: 1);

    private static DateTime At(int hour, int minute) => new(2026, 11, 2, hour, minute, 0, DateTimeKind.Utc);

    private static List<string> Rows(string query) => Data.Text(query, Signins, Watched).Split('\n').Skip(1).ToList();

    [Fact]
    public void Arg_max_by_time_takes_the_first_of_equal_rows_across_chunks_and_skips_null_times() => Assert.Equal(
        ["alice | 2026-11-02T09:00:00Z | 3.3.3.3 | 2", "bob | 2026-11-02T08:05:00Z | 2.2.2.2 | 1", "carol | 2026-11-02T09:00:00Z | 1.1.1.1 | 3"],
        Rows("Signins | summarize arg_max(At, Ip, Seq) by User"));

    [Fact]
    public void Arg_min_by_time_takes_the_first_of_equal_rows_within_and_across_chunks() => Assert.Equal(
        ["alice | 2026-11-02T08:00:00Z | 1.1.1.1 | 0", "bob | 2026-11-02T08:05:00Z | 2.2.2.2 | 1", "carol | 2026-11-02T07:00:00Z | 6.6.6.6 | 7"],
        Rows("Signins | summarize arg_min(At, Ip, Seq) by User"));

    [Fact]
    public void Arg_max_keeps_the_first_of_equal_rows_when_later_chunks_compute_the_time() => Assert.Equal(
        Rows("Signins | summarize arg_max(At, Seq) by User"),
        Rows("union (Signins | project User, At, Seq), (Signins | project User, At = todatetime(tostring(At)), Seq = Seq + 100) | summarize arg_max(At, Seq) by User"));

    [Fact]
    public void Count_and_countif_per_string_key_add_up_over_chunks_and_count_a_null_predicate_as_false() => Assert.Equal(
        ["alice | 3 | 2 | 3", "bob | 3 | 0 | 2", "carol | 3 | 3 | 3"],
        Rows("Signins | summarize Rows = count(), Late = countif(At >= datetime(2026-11-02 08:30) or Seq > 6), Timed = countif(isnotnull(At)) by User"));

    [Fact]
    public void Take_any_per_string_key_keeps_each_groups_first_row_across_chunks() => Assert.Equal(
        ["bob | 2.2.2.2 | 1", "alice | 3.3.3.3 | 2", "carol | 1.1.1.1 | 3"],
        Rows("Signins | where Seq > 0 | summarize take_any(Ip, Seq) by User"));

    [Fact]
    public void Take_any_takes_a_later_chunks_row_for_a_group_first_seen_there() => Assert.Equal(
        ["alice | 9.9.9.9 | 105", "bob | 2.2.2.2 | 1", "carol | 1.1.1.1 | 3"],
        Rows("union (Signins | where User != 'alice'), (Signins | where Seq == 5 | extend User = 'alice', Seq = Seq + 100) | summarize take_any(Ip, Seq) by User | sort by User asc"));

    [Theory]
    [InlineData("")]
    [InlineData("| where Seq == 5")] // bob's only row has no time: no winner, its columns are null (empty for a string)
    public void Winners_gathered_from_stored_columns_equal_winners_computed_row_by_row(string filter) => Assert.Equal(
        Rows($"Signins {filter} | summarize arg_max(At, Ip = strcat(Ip, ''), Seq = Seq + 0), arg_min(At, Ip = strcat(Ip, '')) by User"),
        Rows($"Signins {filter} | summarize arg_max(At, Ip, Seq), arg_min(At, Ip) by User"));

    [Fact]
    public void Arg_max_by_a_long_returns_the_winning_rows_other_columns() => Assert.Equal(
        ["alice | 4 | 4.4.4.4", "bob | 6 | 5.5.5.5", "carol | 8 | 7.7.7.7"],
        Rows("Signins | summarize arg_max(Seq, Ip) by User"));

    [Fact]
    public void Arg_max_of_the_whole_row_equals_the_row_found_by_sorting() => Assert.Equal(
        Rows("Signins | where isnotnull(At) | sort by User asc, At desc, Seq asc | extend First = row_number(1, prev(User) != User) | where First == 1 | project-away First"),
        Rows("Signins | summarize arg_max(At, *) by User | project User, Ip, At, Seq"));

    [Fact]
    public void In_a_tabular_set_compares_values_of_other_dictionaries() => Assert.Equal(
        ["1", "3", "5", "6", "7", "8"], Rows("Signins | where User in (Watched | distinct Name) | project Seq"));

    [Fact]
    public void Not_in_a_tabular_set_keeps_the_others() => Assert.Equal(
        ["0", "2", "4"], Rows("Signins | where User !in (Watched | project Name) | project Seq"));

    [Fact]
    public void Joins_on_two_string_keys_of_different_dictionaries() => Assert.Equal(
        ["1 | bob | 2.2.2.2", "3 | carol | 1.1.1.1", "6 | bob | 5.5.5.5"],
        Rows("Signins | join kind=inner (Watched) on $left.User == $right.Name, Ip | project Seq, User, Ip | sort by Seq asc"));

    [Fact]
    public void Distinct_of_two_string_columns_keeps_first_appearances_across_chunks() => Assert.Equal(
        ["carol | 1.1.1.1", "alice | 1.1.1.1", "alice | 3.3.3.3", "alice | 4.4.4.4", "carol | 6.6.6.6", "carol | 7.7.7.7"],
        Rows("Signins | union (Watched | project User = Name, Ip) | where User in ('alice', 'carol') | project User, Ip | sort by Ip asc, User desc | distinct User, Ip"));

    [Fact]
    public void Min_and_max_of_a_stored_time_or_long_per_string_key_skip_nulls() => Assert.Equal(
        ["alice | 2026-11-02T08:00:00Z | 2026-11-02T09:00:00Z | 0 | 4", "bob | 2026-11-02T08:05:00Z | 2026-11-02T08:05:00Z | 1 | 6",
         "carol | 2026-11-02T07:00:00Z | 2026-11-02T09:00:00Z | 3 | 8"],
        Rows("Signins | summarize First = min(At), Last = max(At), Low = min(Seq), High = max(Seq) by User"));

    [Fact]
    public void Min_of_a_group_whose_times_are_all_null_is_null() => Assert.Equal(
        ["bob | null | 5"], Rows("Signins | where Seq == 5 | summarize First = min(At), High = max(Seq) by User"));

    [Fact]
    public void Min_skips_a_null_beside_a_value_of_the_same_key_in_one_chunk() => Assert.Equal(
        ["x | 2026-11-02T08:00:00Z"],
        Data.Text("datatable(User: string, At: datetime)['x', datetime(2026-11-02 08:00), 'x', datetime(null)] | summarize min(At) by User", []).Split('\n').Skip(1));

    [Fact]
    public void Sort_by_a_string_then_a_time_keeps_equal_rows_in_input_order() => Assert.Equal(
        ["0", "2", "4", "1", "6", "5", "7", "8", "3"],
        Rows("Signins | sort by User asc, At asc nulls last | project Seq"));

    [Fact]
    public void Sort_by_a_string_descending_then_a_long() => Assert.Equal(
        ["carol | 3", "carol | 7", "carol | 8", "bob | 1", "bob | 5", "bob | 6", "alice | 0", "alice | 2", "alice | 4"],
        Rows("Signins | sort by User desc, Seq asc | project User, Seq"));

    [Fact]
    public void Sort_by_a_string_alone_is_stable_and_orders_ordinally() => Assert.Equal(
        ["B | 1", "B | 3", "a | 0", "a | 2", "b | 4"],
        Data.Text("datatable(Name: string, Seq: long)['a', 0, 'B', 1, 'a', 2, 'B', 3, 'b', 4] | sort by Name asc", []).Split('\n').Skip(1));

    [Theory]
    [InlineData("aAbBzZ09é日ß-", "")] // below U+E000: ranked by UTF-8 bytes
    [InlineData("aAbZé日\uE000\uFFFD😀𝄞", "")] // private use, U+FFFD and surrogate pairs, where UTF-8 and UTF-16 orders differ
    [InlineData("ab\0", "")] // a text and the same text followed by NUL characters: equal first eight bytes
    [InlineData("aAbé\0", "user.name")] // all longer than the first eight bytes, which they share
    [InlineData("aAbé", "abcdef")] // some shorter than eight bytes, some longer
    [InlineData("日😀é\0", "")] // many longer than eight bytes, in many groups that share their first eight
    [InlineData("abcdefgh", "", 5000)] // thousands of distinct texts (radix-sorted digits), groups of hundreds sharing eight bytes
    [InlineData("ab\0é", "user.name", 5000)]
    public void Sort_by_a_string_orders_as_ordinal_comparison_of_the_texts_across_chunks(string alphabet, string prefix, int count = 600)
    {
        var letters = System.Globalization.StringInfo.GetTextElementEnumerator(alphabet);
        var elements = new List<string>();
        while (letters.MoveNext()) elements.Add((string)letters.Current);
        var random = new Random(11);
        var rows = Enumerable.Range(0, count)
            .Select(i => new object?[] { prefix + string.Concat(Enumerable.Range(0, random.Next(0, count > 600 ? 12 : 7)).Select(_ => elements[random.Next(elements.Count)])), (long)i })
            .ToList();
        var table = Data.Table("Texts", "(Name: string, Seq: long)", rows, chunkRows: 250);
        var expected = rows.OrderBy(r => (string)r[0]!, StringComparer.Ordinal).ThenBy(r => (long)r[1]!).Select(r => r[1]!.ToString()).ToList();
        Assert.Equal(expected, Data.Text("Texts | sort by Name asc | project Seq", [table]).Split('\n').Skip(1));
    }

    [Theory]
    [InlineData(20, 7)] // few distinct pairs: counted in a table indexed by the pair
    [InlineData(300, 16)] // too many possible pairs for a table: counted in a hash table, whose probes meet other pairs
    public void Summarize_by_two_string_keys_counts_each_pair_in_order_of_first_appearance(int users, int addresses)
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 2000)
            .Select(i => new object?[] { $"user{random.Next(users)}", $"10.0.{random.Next(addresses)}.1", (long)i }).ToList();
        var table = Data.Table("Pairs", "(User: string, Ip: string, Seq: long)", rows, chunkRows: 1000);
        var expected = rows.GroupBy(r => ((string)r[0]!, (string)r[1]!))
            .Select(g => $"{g.Key.Item1} | {g.Key.Item2} | {g.Count()} | {g.Max(r => (long)r[2]!)}").ToList();
        Assert.Equal(expected, Data.Text("Pairs | summarize count(), max(Seq) by User, Ip", table).Split('\n').Skip(1));
    }

    [Fact]
    public void Equal_compares_texts_when_a_mostly_unique_column_holds_one_text_under_two_codes()
    {
        // Past its probation the builder appends every value: the repeated "u1098" gets a second code.
        var rows = Enumerable.Range(0, 1100).Select(i => new object?[] { $"u{i}" }).Append(["u1098"]).ToList();
        var table = Data.Table("Users", "(User: string)", rows, chunkRows: 2000);
        var column = (StringColumn)table.Chunks[0][0];
        Assert.False(column.Dictionary.HasDistinctValues);
        Assert.NotEqual(column.Codes[1098], column.Codes[1100]);
        Assert.Equal(["Same:long", "1"], Data.Text("Users | extend Before = prev(User, 2) | where User == Before | count | project Same = Count", table).Split('\n'));
        Assert.True(((StringColumn)Signins.Chunks[0][0]).Dictionary.HasDistinctValues);
    }

    [Fact]
    public void Equal_strings_of_different_dictionaries_share_an_id_and_a_dictionary_is_translated_once()
    {
        var ids = new StringIds();
        var first = (StringColumn)Signins.Chunks[0][0];
        var second = (StringColumn)Signins.Chunks[1][0];
        Assert.NotSame(first.Dictionary, second.Dictionary);
        var firstIds = ids.Of(first.Dictionary);
        var secondIds = ids.Of(second.Dictionary);
        Assert.Same(firstIds, ids.Of(first.Dictionary));
        Assert.Equal(firstIds[first.Codes[0]], secondIds[second.Codes[1]]); // alice, rows 0 and 4
        Assert.NotEqual(firstIds[first.Codes[0]], firstIds[first.Codes[1]]); // alice, bob
        Assert.Equal(ids.Of("alice"), firstIds[first.Codes[0]]);
        Assert.Equal(0, ids.Of(string.Empty));
    }

    [Fact]
    public void A_few_rows_of_a_large_dictionary_get_the_ids_of_their_own_values_and_the_dictionary_is_not_remembered()
    {
        var ids = new StringIds();
        var users = Enumerable.Range(0, 400).Select(i => $"u{i}").ToList();
        var wide = (StringColumn)ColumnFactory.String(users);
        var few = (StringColumn)ColumnFactory.Gather(wide, [399, 17, 399]);
        var partial = ids.Of(few.Dictionary, few.Codes);
        Assert.Equal([ids.Of("u399"), ids.Of("u17"), ids.Of("u399")], Enumerable.Range(0, 3).Select(r => partial[few.Codes[r]]));
        Assert.NotSame(partial, ids.Of(few.Dictionary)); // then translated whole, once
        Assert.Same(ids.Of(few.Dictionary), ids.Of(few.Dictionary, few.Codes));
        Assert.Equal(Enumerable.Range(0, 400).Select(i => ids.Of($"u{i}")), Enumerable.Range(0, 400).Select(r => ids.Of(wide.Dictionary)[wide.Codes[r]]));
        // The rows a filter keeps (3 of 401) keep their table's dictionary: distinct translates just their codes.
        var table = Data.Table("Users", "(User: string)", users.Append("u17").Select(u => new object?[] { u }).ToList(), chunkRows: 500);
        Assert.Equal(["User:string", "u17", "u399"], Data.Text("Users | where User in ('u399', 'u17') | distinct User", table).Split('\n'));
    }

    [Fact]
    public void Two_string_columns_with_their_own_dictionaries_compare_by_value()
    {
        var table = Data.Table("Places", "(Home: string, Seen: string)",
        [
            ["Zürich", "Zürich"], ["Zürich", "zürich"], ["", ""], ["", "Oslo"], ["Oslo", "Oslo "], ["Oslo", "Oslo"],
        ], chunkRows: 4);
        Assert.NotSame(((StringColumn)table.Chunks[0][0]).Dictionary, ((StringColumn)table.Chunks[0][1]).Dictionary);
        Assert.Equal(["Same:bool", "true", "false", "true", "false", "false", "true"],
            Data.Text("Places | project Same = Home == Seen", table).Split('\n'));
        Assert.Equal(["Home:string | Seen:string", "Zürich | zürich", "\"\" | Oslo", "Oslo | Oslo "],
            Data.Text("Places | where Home != Seen", table).Split('\n'));
    }

    [Fact]
    public void Dictionaries_translated_on_several_threads_at_once_give_one_id_per_text()
    {
        // 64 dictionaries over overlapping ranges of 32,750 users, translated by eight threads at once, twice each.
        var ids = new StringIds();
        var columns = Enumerable.Range(0, 64)
            .Select(k => (StringColumn)ColumnFactory.String(Enumerable.Range(k * 500, 1250).Select(i => $"user{i}").ToList())).ToList();
        var translations = new int[columns.Count][];
        Parallel.For(0, columns.Count * 2, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => translations[i % columns.Count] = ids.Of(columns[i % columns.Count].Dictionary));
        var idOfText = new Dictionary<string, int>();
        for (var k = 0; k < columns.Count; k++)
        {
            Assert.Same(translations[k], ids.Of(columns[k].Dictionary));
            for (var row = 0; row < columns[k].Length; row++)
            {
                var id = translations[k][columns[k].Codes[row]];
                Assert.Equal(id, idOfText.TryGetValue(columns[k].GetString(row), out var seen) ? seen : idOfText[columns[k].GetString(row)] = id);
            }
        }
        Assert.Equal(32750, idOfText.Values.Distinct().Count());
        Assert.Equal(32751, ids.Count); // and the empty string
    }

    [Fact]
    public void Strings_that_utf8_cannot_hold_and_bytes_that_are_not_utf8_get_the_ids_their_texts_deserve()
    {
        var ids = new StringIds();
        // Unpaired surrogates (the halves of one pair): each equals only itself, not the other half nor the replacement
        // character; put together they are the pair's character.
        var (high, low, replacement) = ("a\uD83D", "a\uDE00", "a\uFFFD");
        Assert.Equal(3, new[] { ids.Of(high), ids.Of(low), ids.Of(replacement) }.Distinct().Count());
        Assert.Equal(ids.Of(high), ids.Of(string.Concat("a", "\uD83D")));
        Assert.Equal(ids.Of("a😀"), ids.Of(high + "\uDE00"));
        // A stored value that is not valid UTF-8 is the string it reads as (the invalid byte replaced).
        var builder = new Detection.Tables.Building.TableBuilder(Detection.Kql.Symbols.TableSymbol.FromTerse("T", "(S: string)"));
        builder.SetStringUtf8(0, [(byte)'a', 0xFF]);
        builder.CommitRow();
        builder.SetString(0, "ok");
        builder.CommitRow();
        var column = (StringColumn)builder.Build().Chunks[0][0];
        Assert.Equal(replacement, column.GetString(0));
        var translated = ids.Of(column.Dictionary);
        Assert.Equal(ids.Of(replacement), translated[column.Codes[0]]);
        Assert.Equal(ids.Of("ok"), translated[column.Codes[1]]);
    }
}
