using Detection.Evaluation.Tests.Support;

namespace Detection.Evaluation.Tests.Functions;

/// <summary>Scalar builtins, one value each; examples from the KQL reference pages cited.</summary>
public class FunctionTests
{
    private static string Print(string expression) => Data.Text($"print r = {expression}").Split('\n')[1];

    [Theory]
    // split-function.md
    [InlineData("split('aa_bb', '_')", "[\"aa\",\"bb\"]")]
    [InlineData("split('aaa_bbb_ccc', '_', 1)", "[\"bbb\"]")]
    [InlineData("split('', '_')", "[\"\"]")]
    [InlineData("split('a__b', '_')", "[\"a\",\"\",\"b\"]")]
    [InlineData("split('aabbcc', 'bb')", "[\"aa\",\"cc\"]")]
    [InlineData("split('a_b', '_', 5)", "[]")]
    // extract-function.md
    [InlineData("extract('x=([0-9.]+)', 1, 'hello x=45.6|wo')", "45.6")]
    [InlineData("extract('x=([0-9.]+)', 1, 'hello x=45.6|wo', typeof(real))", "45.6")]
    [InlineData("extract('nope(\\\\d)', 1, 'abc')", "\"\"")]
    [InlineData("extract_all('(\\\\d+)', 'a1b22c333')", "[\"1\",\"22\",\"333\"]")]
    [InlineData("extract_all('(\\\\w)(\\\\d)', 'a1b2')", "[[\"a\",\"1\"],[\"b\",\"2\"]]")]
    [InlineData("extract_all('(\\\\d)', 'abc')", "null")]
    // strcat-function.md: non-strings are converted
    [InlineData("strcat('a', 1, true)", "a1true")]
    [InlineData("strcat_delim('-', 'a', 'b')", "a-b")]
    [InlineData("strlen('hello')", "5")]
    [InlineData("substring('123456', 1, 3)", "234")]
    [InlineData("substring('123456', 2)", "3456")]
    [InlineData("substring('ABCD', 0, 10)", "ABCD")]
    [InlineData("tolower('AbC')", "abc")]
    [InlineData("toupper('AbC')", "ABC")]
    [InlineData("indexof('abcdefg', 'cde')", "2")]
    [InlineData("indexof('abcdefg', 'xyz')", "-1")]
    [InlineData("replace_string('A magic trick', 'magic', 'cool')", "A cool trick")]
    [InlineData("replace_regex('abc123', '([a-z]+)(\\\\d+)', '\\\\2-\\\\1')", "123-abc")]
    [InlineData("trim('--', '--abc--')", "abc")]
    [InlineData("trim_start('x', 'xxabcx')", "abcx")]
    [InlineData("reverse('abc')", "cba")]
    [InlineData("countof('aaa', 'a')", "3")]
    [InlineData("countof('aaa', 'aa')", "1")]
    [InlineData("url_decode('https%3a%2f%2fwww.bing.com%2f')", "https://www.bing.com/")]
    [InlineData("base64_encode_tostring('Kusto1')", "S3VzdG8x")]
    [InlineData("base64_decode_tostring('S3VzdG8x')", "Kusto1")]
    [InlineData("hash_sha256('World')", "78ae647dc5544d227130a0682a51e30bc7777fbb6d8a8f17007463a3ecd1d524")]
    public void Strings(string expression, string expected) => Assert.Equal(expected, Print(expression));

    [Theory]
    [InlineData("tostring(123)", "123")]
    [InlineData("tostring(datetime(2017-01-29 09:00:05))", "2017-01-29T09:00:05.0000000Z")]
    [InlineData("tostring(1d)", "1.00:00:00")]
    [InlineData("toint(2.3)", "2")]
    [InlineData("toint('123')", "123")]
    [InlineData("toint('abc')", "null")]
    [InlineData("tolong('  42 ')", "42")]
    [InlineData("toreal('1.5')", "1.5")]
    [InlineData("todouble('x')", "null")]
    [InlineData("tobool('true')", "true")]
    [InlineData("todatetime('2015-12-24')", "2015-12-24T00:00:00Z")]
    [InlineData("todatetime('Sat, 8 Nov 14 15:05:02 GMT')", "2014-11-08T15:05:02Z")]
    [InlineData("todatetime('not a date')", "null")]
    [InlineData("totimespan('0.00:01:00')", "00:01:00")]
    [InlineData("totimespan('5m')", "00:05:00")]
    [InlineData("toguid('0231f922-93fa-4005-bb11-b344eca03c01')", "0231f922-93fa-4005-bb11-b344eca03c01")]
    // parse-json-function.md: invalid JSON gives a dynamic holding the original string
    [InlineData("parse_json('{\"a\": 1}').a", "1")]
    [InlineData("parse_json('not json')", "\"not json\"")]
    [InlineData("gettype(parse_json('[1]'))", "array")]
    [InlineData("todynamic('[1,2]')[1]", "2")]
    // coalesce-function.md
    [InlineData("coalesce(tolong('not a number'), tolong('42'), 33)", "42")]
    [InlineData("coalesce('', 'x')", "x")]
    [InlineData("iff(1 > 2, 'a', 'b')", "b")]
    [InlineData("iff(bool(null), 'a', 'b')", "b")]
    [InlineData("case(1 > 2, 'a', 2 > 1, 'b', 'c')", "b")]
    [InlineData("case(false, 1, 2)", "2")]
    public void Conversions_and_choices(string expression, string expected) => Assert.Equal(expected, Print(expression));

    [Theory]
    // bin-function.md
    [InlineData("bin(4.5, 1)", "4")]
    [InlineData("bin(time(16d), 7d)", "14.00:00:00")]
    [InlineData("bin(datetime(1970-05-11 13:45:07), 1d)", "1970-05-11T00:00:00Z")]
    [InlineData("bin(-7, 5)", "-10")]
    [InlineData("floor(7, 5)", "5")]
    [InlineData("bin_at(datetime(2017-05-15 10:20:00.0), 1d, datetime(1970-01-01 12:00:00.0))", "2017-05-14T12:00:00Z")]
    [InlineData("ago(1h)", "2026-11-02T11:00:00Z")]
    [InlineData("now()", "2026-11-02T12:00:00Z")]
    [InlineData("now(-2d)", "2026-10-31T12:00:00Z")]
    [InlineData("startofday(datetime(2017-01-01 10:10:17))", "2017-01-01T00:00:00Z")]
    [InlineData("startofday(datetime(2017-01-01 10:10:17), -1)", "2016-12-31T00:00:00Z")]
    [InlineData("endofday(datetime(2017-01-01 10:10:17))", "2017-01-01T23:59:59.9999999Z")]
    // startofweek-function.md: weeks start on Sunday
    [InlineData("startofweek(datetime(2017-01-01 10:10:17))", "2017-01-01T00:00:00Z")]
    [InlineData("startofweek(datetime(2017-01-01 10:10:17), -1)", "2016-12-25T00:00:00Z")]
    [InlineData("startofmonth(datetime(2017-01-15))", "2017-01-01T00:00:00Z")]
    [InlineData("dayofweek(datetime(1947-11-30))", "00:00:00")]
    [InlineData("dayofweek(datetime(1970-05-11))", "1.00:00:00")]
    [InlineData("hourofday(datetime(2015-12-14 18:54))", "18")]
    // datetime-part-function.md
    [InlineData("datetime_part('year', datetime(2017-10-30 01:02:03.7654321))", "2017")]
    [InlineData("datetime_part('quarter', datetime(2017-10-30 01:02:03.7654321))", "4")]
    [InlineData("datetime_part('week_of_year', datetime(2017-10-30 01:02:03.7654321))", "44")]
    [InlineData("datetime_part('dayOfYear', datetime(2017-10-30 01:02:03.7654321))", "303")]
    [InlineData("datetime_part('millisecond', datetime(2017-10-30 01:02:03.7654321))", "765")]
    [InlineData("datetime_part('nanosecond', datetime(2017-10-30 01:02:03.7654321))", "765432100")]
    // datetime-diff-function.md
    [InlineData("datetime_diff('year', datetime(2017-01-01), datetime(2000-12-31))", "17")]
    [InlineData("datetime_diff('month', datetime(2017-07-31), datetime(2017-01-01))", "6")]
    [InlineData("datetime_diff('day', datetime(2017-10-29 00:00), datetime(2017-09-30 23:59))", "29")]
    [InlineData("datetime_diff('hour', datetime(2017-10-31 01:00), datetime(2017-10-30 23:59))", "2")]
    [InlineData("datetime_diff('minute', datetime(2017-10-30 23:05:01), datetime(2017-10-30 23:00:59))", "5")]
    [InlineData("datetime_add('month', 1, datetime(2017-01-31))", "2017-02-28T00:00:00Z")]
    // format-datetime-function.md
    [InlineData("format_datetime(datetime(2017-01-29 09:00:05), 'yy-MM-dd [HH:mm:ss]')", "17-01-29 [09:00:05]")]
    [InlineData("format_datetime(datetime(2017-01-29 09:00:05), 'yyyy-M-dd [H:mm:ss]')", "2017-1-29 [9:00:05]")]
    [InlineData("format_datetime(datetime(2017-01-29 09:00:05), 'yy-MM-dd [hh:mm:ss tt]')", "17-01-29 [09:00:05 AM]")]
    [InlineData("format_timespan(time(1.14:25:55.123), 'dd.hh:mm:ss.fff')", "01.14:25:55.123")]
    public void Dates_and_times(string expression, string expected) => Assert.Equal(expected, Print(expression));

    [Theory]
    [InlineData("pack_array(1, 'a', dynamic(null))", "[1,\"a\",null]")]
    [InlineData("bag_pack('a', 1, 'b', 'x')", "{\"a\":1,\"b\":\"x\"}")]
    [InlineData("bag_keys(dynamic({\"a\": 1, \"b\": 2}))", "[\"a\",\"b\"]")]
    [InlineData("bag_merge(dynamic({\"a\": 1}), dynamic({\"a\": 2, \"b\": 3}))", "{\"a\":1,\"b\":3}")]
    [InlineData("set_union(dynamic([1, 2]), dynamic([2, 3]))", "[1,2,3]")]
    [InlineData("set_intersect(dynamic([1, 2, 3]), dynamic([2, 3, 4]))", "[2,3]")]
    [InlineData("set_difference(dynamic([1, 2, 3]), dynamic([2]))", "[1,3]")]
    [InlineData("set_has_element(dynamic(['a', 'b']), 'b')", "true")]
    [InlineData("array_concat(dynamic([1]), dynamic([2, 3]))", "[1,2,3]")]
    [InlineData("array_slice(dynamic([1, 2, 3, 4]), 1, 2)", "[2,3]")]
    [InlineData("array_slice(dynamic([1, 2, 3, 4]), -2, -1)", "[3,4]")]
    [InlineData("array_index_of(dynamic(['a', 'b']), 'b')", "1")]
    [InlineData("zip(dynamic([1, 2]), dynamic(['a', 'b']))", "[[1,\"a\"],[2,\"b\"]]")]
    [InlineData("strcat_array(dynamic([1, 2, 3]), '-')", "1-2-3")]
    [InlineData("range(1, 4, 2)", "[1,3]")]
    [InlineData("array_rotate_left(dynamic([1, 2, 3, 4, 5]), 2)", "[3,4,5,1,2]")]
    [InlineData("array_rotate_right(dynamic([1, 2, 3, 4, 5]), 2)", "[4,5,1,2,3]")]
    [InlineData("array_shift_left(dynamic([1, 2, 3, 4, 5]), 2)", "[3,4,5,null,null]")]
    [InlineData("array_shift_right(dynamic([1, 2, 3, 4, 5]), 2, -1)", "[-1,-1,1,2,3]")]
    [InlineData("array_split(dynamic([1, 2, 3, 4, 5]), dynamic([1, 3]))", "[[1],[2,3],[4,5]]")]
    [InlineData("array_iff(dynamic([true, false, true]), 1, 0)", "[1,0,1]")]
    [InlineData("bag_zip(dynamic(['a', 'b']), dynamic([1, 2]))", "{\"a\":1,\"b\":2}")]
    // parse-url-function.md
    [InlineData("parse_url('scheme://username:password@host:1234/this/is/a/path?k1=v1&k2=v2#fragment')",
        "{\"Scheme\":\"scheme\",\"Host\":\"host\",\"Port\":\"1234\",\"Path\":\"/this/is/a/path\",\"Username\":\"username\",\"Password\":\"password\",\"Query Parameters\":{\"k1\":\"v1\",\"k2\":\"v2\"},\"Fragment\":\"fragment\"}")]
    // parse-path-function.md
    [InlineData("parse_path(@'C:\\temp\\file.txt')",
        "{\"Scheme\":\"\",\"RootPath\":\"C:\",\"DirectoryPath\":\"C:\\\\temp\",\"DirectoryName\":\"temp\",\"Filename\":\"file.txt\",\"Extension\":\"txt\",\"AlternateDataStreamName\":\"\"}")]
    [InlineData("tohex(256)", "100")]
    [InlineData("translate('abc', 'x', 'abc')", "xxx")]
    [InlineData("parse_version('1.2.3.4') > parse_version('1.2.3')", "true")]
    [InlineData("parse_csv('a,\"b,c\",d')", "[\"a\",\"b,c\",\"d\"]")]
    public void Dynamic_values(string expression, string expected) => Assert.Equal(expected, Print(expression));

    [Theory]
    // ipv4-is-private-function.md, ipv4-is-in-range-function.md
    [InlineData("ipv4_is_private('192.168.1.1/24')", "true")]
    [InlineData("ipv4_is_private('10.1.2.3')", "true")]
    [InlineData("ipv4_is_private('172.31.255.255')", "true")]
    [InlineData("ipv4_is_private('127.0.0.1')", "false")]
    [InlineData("ipv4_is_private('not an ip')", "null")]
    [InlineData("ipv4_is_in_range('192.168.1.6', '192.168.1.1/24')", "true")]
    [InlineData("ipv4_is_in_range('192.168.2.6', '192.168.1.1/24')", "false")]
    [InlineData("ipv4_is_match('192.168.1.1', '192.168.1.255', 24)", "true")]
    [InlineData("parse_ipv4('127.0.0.1')", "2130706433")]
    [InlineData("ipv4_netmask_suffix('192.168.1.1/24')", "24")]
    [InlineData("format_ipv4('192.168.1.255', 24)", "192.168.1.0")]
    [InlineData("format_ipv4_mask('192.168.1.255', 24)", "192.168.1.0/24")]
    [InlineData("has_ipv4('log: 10.1.2.3 accepted', '10.1.2.3')", "true")]
    [InlineData("has_ipv4('log: 110.1.2.3 accepted', '10.1.2.3')", "false")]
    [InlineData("has_ipv4_prefix('from 10.1.2.3', '10.1.')", "true")]
    [InlineData("has_any_ipv4('from 10.1.2.3', dynamic(['1.1.1.1', '10.1.2.3']))", "true")]
    [InlineData("ipv6_compare('::ffff:7f00:1', '127.0.0.1')", "0")]
    [InlineData("ipv6_is_match('fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7995', 127)", "true")]
    [InlineData("ipv6_is_in_range('2001:db8::1', '2001:db8::/32')", "true")]
    [InlineData("parse_ipv6('127.0.0.1')", "0000:0000:0000:0000:0000:ffff:7f00:0001")]
    // extractjson-function.md
    [InlineData("extract_json('$.hosts[1].AvailableMB', '{\"hosts\": [{\"AvailableMB\": 5646}, {\"AvailableMB\": 5666}]}', typeof(int))", "5666")]
    [InlineData("extractjson(\"$.a['b c']\", '{\"a\": {\"b c\": \"x\"}}')", "x")]
    [InlineData("round(2.567, 2)", "2.57")]
    [InlineData("abs(-5)", "5")]
    [InlineData("pow(2, 10)", "1024")]
    [InlineData("sqrt(16)", "4")]
    [InlineData("max_of(1, 5, 3)", "5")]
    [InlineData("binary_and(6, 3)", "2")]
    public void Numbers_and_addresses(string expression, string expected) => Assert.Equal(expected, Print(expression));

    [Fact] // ipv4-is-in-any-range-function.md; the ranges per row, or one constant list (parsed once), side by side
    public void Ipv4_is_in_any_range_reads_each_rows_ranges() => Assert.Equal("""
        ip:string | ranges:dynamic | perRow:bool | constant:bool | listed:bool
        10.1.2.3 | ["10.0.0.0/8"] | true | true | true
        10.1.2.3 | ["192.168.0.0/16"] | false | true | true
        192.168.1.1 | ["10.0.0.0/8","192.168.0.0/16"] | true | false | true
        192.168.1.1 | ["10.0.0.0/8"] | false | false | true
        8.8.8.8 | [] | false | false | false
        """.Replace("\r\n", "\n").Trim(), Data.Text("""
        datatable(ip:string, ranges:dynamic) ['10.1.2.3', dynamic(['10.0.0.0/8']), '10.1.2.3', dynamic(['192.168.0.0/16']),
            '192.168.1.1', dynamic(['10.0.0.0/8', '192.168.0.0/16']), '192.168.1.1', dynamic(['10.0.0.0/8']), '8.8.8.8', dynamic([])]
        | extend perRow = ipv4_is_in_any_range(ip, ranges), constant = ipv4_is_in_any_range(ip, dynamic(['10.0.0.0/8'])),
                 listed = ipv4_is_in_any_range(ip, '10.0.0.0/8', '192.168.0.0/16')
        """));

    [Fact]
    public void An_unknown_to_the_evaluator_function_is_a_clear_error()
    {
        var error = Assert.Throws<EvaluationException>(() => Data.Run("print series_iir(dynamic([1,2]), dynamic([1]), dynamic([1]))"));
        Assert.Equal("not supported yet: function series_iir() (not implemented yet)", error.Message);
    }
}
