using Detection.Evaluation.Tests.Support;

namespace Detection.Evaluation.Tests.Operators;

/// <summary>parse-operator.md examples and KQL-SEMANTICS §9.</summary>
public class ParseTests
{
    private static readonly Detection.Tables.Table Traces = Data.Table("Traces", "(EventText: string)",
    [
        ["Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=23, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)"],
        ["not an event"],
    ]);

    [Fact]
    public void Simple_parse_extracts_typed_columns_and_keeps_unmatched_rows() => Data.Check("""
        resourceName:string | totalSlices:long | sliceNumber:long
        PipelineScheduler | 27 | 23
        "" | null | null
        """, """
        Traces
        | parse EventText with * "resourceName=" resourceName ", totalSlices=" totalSlices:long * "sliceNumber=" sliceNumber:long *
        | project resourceName, totalSlices, sliceNumber
        """, Traces);

    [Fact]
    public void Parse_where_drops_unmatched_rows() => Data.Check("""
        resourceName:string
        PipelineScheduler
        """, """Traces | parse-where EventText with * "resourceName=" resourceName "," * | project resourceName""", Traces);

    [Fact]
    public void A_last_column_takes_the_rest_of_the_text() => Data.Check("""
        k:string | v:string
        key | a=b c
        """, """print s = "key=a=b c" | parse s with k "=" v | project k, v""");

    [Fact]
    public void Regex_parse_uses_the_constants_as_regex() => Data.Check("""
        n:long
        42
        """, """print s = "id: 42 end" | parse kind=regex s with @"id:\s+" n:long " end" | project n""");

    [Fact]
    public void Relaxed_parse_gives_null_for_a_typed_column_that_does_not_convert() => Data.Check("""
        a:string | n:long
        x | null
        """, """print s = "x;y" | parse kind=relaxed s with a ";" n:long | project a, n""");
}
