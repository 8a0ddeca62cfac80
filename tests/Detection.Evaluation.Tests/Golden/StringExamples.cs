namespace Detection.Evaluation.Tests.Golden;

/// <summary>Examples of the string, regex and encoding pages, with their documented outputs.</summary>
public class StringExamples
{
    [Fact] // extract-function
    public void Extract_with_a_type() => Golden.Check("extract-function", """
        DateString | Month
        15-12-2024 | 12
        21-07-2023 | 7
        10-03-2022 | 3
        """, """
        let Dates = datatable(DateString: string) ["15-12-2024", "21-07-2023", "10-03-2022"];
        Dates
        | extend Month = extract(@"-(\d{2})-", 1, DateString, typeof(int))
        | project DateString, Month
        """);

    [Fact] // extract-function
    public void Extract_a_group() => Golden.Check("extract-function", """
        UserName
        JohnDoe
        """, """let Text = "User: JohnDoe, Email: johndoe@example.com, Age: 29"; print UserName = extract("User: ([^,]+)", 1, Text)""");

    [Fact] // extract-all-function: the page's opening example
    public void Extract_all_numbers() => Golden.Check("extract-all-function", """
        print_0
        ["123","567","789"]
        """, """print extract_all(@"(\d+)", "a set of numbers: 123, 567 and 789")""");

    [Fact] // extract-all-function; the page's header says ID for the column Id
    public void Extract_all_one_group() => Golden.Check("extract-all-function", """
        Id | guid_bytes
        82b8be2d-dfa7-4bd1-8f63-24ad26d31449 | ["82","b8","be","2d","df","a7","4b","d1","8f","63","24","ad","26","d3","14","49"]
        """, """print Id="82b8be2d-dfa7-4bd1-8f63-24ad26d31449" | extend guid_bytes = extract_all(@"([\da-f]{2})", Id)""");

    [Fact] // extract-all-function
    public void Extract_all_several_groups() => Golden.Check("extract-all-function", """
        Id | guid_bytes
        82b8be2d-dfa7-4bd1-8f63-24ad26d31449 | [["8","2b8be2","d"],["d","fa","7"],["4","bd","1"],["8","f6","3"],["2","4ad26d3144","9"]]
        """, """print Id="82b8be2d-dfa7-4bd1-8f63-24ad26d31449" | extend guid_bytes = extract_all(@"(\w)(\w+)(\w)", Id)""");

    [Fact] // extract-all-function
    public void Extract_all_a_subset_of_groups() => Golden.Check("extract-all-function", """
        Id | guid_bytes
        82b8be2d-dfa7-4bd1-8f63-24ad26d31449 | [["8","d"],["d","7"],["4","1"],["8","3"],["2","9"]]
        """, """print Id="82b8be2d-dfa7-4bd1-8f63-24ad26d31449" | extend guid_bytes = extract_all(@"(\w)(\w+)(\w)", dynamic([1,3]), Id)""");

    [Fact] // extract-all-function
    public void Extract_all_named_groups() => Golden.Check("extract-all-function", """
        Id | guid_bytes
        82b8be2d-dfa7-4bd1-8f63-24ad26d31449 | [["8","2b8be2","d"],["d","fa","7"],["4","bd","1"],["8","f6","3"],["2","4ad26d3144","9"]]
        """, """print Id="82b8be2d-dfa7-4bd1-8f63-24ad26d31449" | extend guid_bytes = extract_all(@"(?P<first>\w)(?P<middle>\w+)(?P<last>\w)", dynamic(['first',2,'last']), Id)""");

    [Fact] // parse-url-function; the page prints the nested query parameters as quoted text, they are a bag
    public void Parse_url() => Golden.Check("parse-url-function", """
        Result
        {"Scheme":"scheme","Host":"host","Port":"1234","Path":"/this/is/a/path","Username":"username","Password":"password","Query Parameters":{"k1":"v1","k2":"v2"},"Fragment":"fragment"}
        """, """print Result=parse_url("scheme://username:password@host:1234/this/is/a/path?k1=v1&k2=v2#fragment")""");

    [Fact] // replace-regex-function; the page shows tostring(x) of a long as 1.000000, which tostring-function.md contradicts
    public void Replace_regex_with_a_group() => Golden.Check("replace-regex-function", """
        x | str | replaced
        1 | Number is 1 | Number was: 1
        2 | Number is 2 | Number was: 2
        3 | Number is 3 | Number was: 3
        4 | Number is 4 | Number was: 4
        5 | Number is 5 | Number was: 5
        """, """
        range x from 1 to 5 step 1
        | extend str = strcat('Number is ', tostring(x))
        | extend replaced = replace_regex(str, @'is (\d+)', @'was: \1')
        """);

    [Fact] // strcat-function
    public void Strcat() => Golden.Check("strcat-function", """
        str
        hello world
        """, """print str = strcat("hello", " ", "world")""");

    [Fact] // strcat-function
    public void Strcat_multi_line() => Assert.Equal("Line 1\nLine 2\nLine 3",
        Support.Data.Run("""print MultiLineString = strcat("Line 1\n", "Line 2\n", "Line 3")""").GetValue(0, 0));

    [Fact] // base64-encode-tostring-function
    public void Base64_encode() => Golden.Check("base64-encode-tostring-function", """
        Quine
        S3VzdG8=
        """, """print Quine=base64_encode_tostring("Kusto")""");

    [Fact] // base64-decode-tostring-function
    public void Base64_decode() => Golden.Check("base64-decode-tostring-function", """
        Quine
        Kusto
        """, """print Quine=base64_decode_tostring("S3VzdG8=")""");

    [Fact] // case-function
    public void Case_buckets() => Golden.Check("case-function", """
        Size | bucket
        1 | Small
        3 | Small
        5 | Medium
        7 | Medium
        9 | Medium
        11 | Large
        13 | Large
        15 | Large
        """, """range Size from 1 to 15 step 2 | extend bucket = case(Size <= 3, "Small", Size <= 10, "Medium", "Large")""");

    [Fact] // coalesce-function
    public void Coalesce_skips_nulls() => Golden.Check("coalesce-function", """
        result
        42
        """, """print result=coalesce(tolong("not a number"), tolong("42"), 33)""");

    [Fact] // isempty-function: the page's table of x and isempty(x)
    public void Isempty() => Golden.Check("isempty-function", """
        a | b | c | d | e
        true | false | true | false | false
        """, """print a = isempty(""), b = isempty("x"), c = isempty(parse_json("")), d = isempty(parse_json("[]")), e = isempty(parse_json("{}"))""");
}
