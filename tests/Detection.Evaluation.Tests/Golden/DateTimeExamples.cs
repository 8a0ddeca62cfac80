namespace Detection.Evaluation.Tests.Golden;

/// <summary>Examples of the datetime and timespan function pages, with their documented outputs.</summary>
public class DateTimeExamples
{
    [Fact] // bin-function
    public void Bin_rounds_a_real_down() => Golden.Check("bin-function", """
        print_0
        4
        """, "print bin(4.5, 1)");

    [Fact] // bin-function; the page prints the timespan as 14:00:00:00
    public void Bin_rounds_a_timespan_down() => Golden.Check("bin-function", """
        print_0
        14.00:00:00
        """, "print bin(time(16d), 7d)");

    [Fact] // bin-function
    public void Bin_rounds_a_datetime_down() => Golden.Check("bin-function", """
        print_0
        1970-05-11T00:00:00Z
        """, "print bin(datetime(1970-05-11 13:45:07), 1d)");

    [Fact] // startofweek-function: weeks start on Sunday
    public void Startofweek_with_offsets() => Golden.Check("startofweek-function", """
        weekStart
        2016-12-25T00:00:00Z
        2017-01-01T00:00:00Z
        2017-01-08T00:00:00Z
        """, "range offset from -1 to 1 step 1 | project weekStart = startofweek(datetime(2017-01-01 10:10:17), offset)");

    [Fact] // startofweek-function: a week starting on Monday
    public void Startofweek_from_monday() => Golden.Check("startofweek-function", """
        Date | day | MondayWeek
        2025-06-14T00:00:00Z | Saturday | 2025-06-09T00:00:00Z
        2025-06-15T00:00:00Z | Sunday | 2025-06-09T00:00:00Z
        2025-06-16T00:00:00Z | Monday | 2025-06-16T00:00:00Z
        2025-06-17T00:00:00Z | Tuesday | 2025-06-16T00:00:00Z
        """, """
        let startofweekFromMonday = (dateArg: datetime) { datetime_add('day', 1, startofweek(datetime_add('day', -1, dateArg))) };
        let data = datatable(Date: datetime, day: string)
        [datetime(2025-06-14), "Saturday", datetime(2025-06-15), "Sunday", datetime(2025-06-16), "Monday", datetime(2025-06-17), "Tuesday"];
        data | extend MondayWeek = startofweekFromMonday(Date)
        """);

    [Fact] // datetime-part-function
    public void Datetime_part_of_every_part() => Golden.Check("datetime-part-function", """
        year | quarter | month | weekOfYear | day | dayOfYear | hour | minute | second | millisecond | microsecond | nanosecond
        2017 | 4 | 10 | 44 | 30 | 303 | 1 | 2 | 3 | 765 | 765432 | 765432100
        """, """
        let dt = datetime(2017-10-30 01:02:03.7654321);
        print year = datetime_part("year", dt), quarter = datetime_part("quarter", dt), month = datetime_part("month", dt),
            weekOfYear = datetime_part("week_of_year", dt), day = datetime_part("day", dt), dayOfYear = datetime_part("dayOfYear", dt),
            hour = datetime_part("hour", dt), minute = datetime_part("minute", dt), second = datetime_part("second", dt),
            millisecond = datetime_part("millisecond", dt), microsecond = datetime_part("microsecond", dt), nanosecond = datetime_part("nanosecond", dt)
        """);

    [Theory] // format-datetime-function: the page's three examples
    [InlineData("yy-MM-dd [HH:mm:ss]", "17-01-29 [09:00:05]")]
    [InlineData("yyyy-M-dd [H:mm:ss]", "2017-1-29 [9:00:05]")]
    [InlineData("yy-MM-dd [hh:mm:ss tt]", "17-01-29 [09:00:05 AM]")]
    public void Format_datetime(string format, string expected) => Golden.Check("format-datetime-function", $"""
        v1
        {expected}
        """, $"let dt = datetime(2017-01-29 09:00:05); print v1 = format_datetime(dt, '{format}')");

    [Fact] // format-timespan-function
    public void Format_timespan() => Golden.Check("format-timespan-function", """
        v1 | v2
        29.09:00:05:12 | 029.9:00:05 [1234500]
        """, "let t = time(29.09:00:05.12345); print v1 = format_timespan(t, 'dd.hh:mm:ss:FF'), v2 = format_timespan(t, 'ddd.h:mm:ss [fffffff]')");

    [Fact] // datetime-diff-function
    public void Datetime_diff_of_every_period() => Golden.Check("datetime-diff-function", """
        year | quarter | month | week | day | hour | minute | second | millisecond | microsecond | nanosecond
        17 | 2 | 13 | 5 | 29 | 2 | 5 | 10 | 100 | 100 | -700
        """, """
        print
        year = datetime_diff('year', datetime(2017-01-01), datetime(2000-12-31)),
        quarter = datetime_diff('quarter', datetime(2017-07-01), datetime(2017-03-30)),
        month = datetime_diff('month', datetime(2017-01-01), datetime(2015-12-30)),
        week = datetime_diff('week', datetime(2017-10-29 00:00), datetime(2017-09-30 23:59)),
        day = datetime_diff('day', datetime(2017-10-29 00:00), datetime(2017-09-30 23:59)),
        hour = datetime_diff('hour', datetime(2017-10-31 01:00), datetime(2017-10-30 23:59)),
        minute = datetime_diff('minute', datetime(2017-10-30 23:05:01), datetime(2017-10-30 23:00:59)),
        second = datetime_diff('second', datetime(2017-10-30 23:00:10.100), datetime(2017-10-30 23:00:00.900)),
        millisecond = datetime_diff('millisecond', datetime(2017-10-30 23:00:00.200100), datetime(2017-10-30 23:00:00.100900)),
        microsecond = datetime_diff('microsecond', datetime(2017-10-30 23:00:00.1009001), datetime(2017-10-30 23:00:00.1008009)),
        nanosecond = datetime_diff('nanosecond', datetime(2017-10-30 23:00:00.0000000), datetime(2017-10-30 23:00:00.0000007))
        """);
}
