namespace Detection.Evaluation.Tests.Golden;

/// <summary>Examples of the dynamic, array and bag function pages, with their documented outputs.</summary>
public class DynamicExamples
{
    [Fact] // split-function
    public void Split() => Golden.Check("split-function", """
        print_0 | print_1 | print_2 | print_3 | print_4
        ["aa","bb"] | ["bbb"] | [""] | ["a","","b"] | ["aa","cc"]
        """, """print split("aa_bb", "_"), split("aaa_bbb_ccc", "_", 1), split("", "_"), split("a__b", "_"), split("aabbcc", "bb")""");

    [Fact] // bag-keys-function; the page shows an empty cell (null) for a non-bag
    public void Bag_keys() => Golden.Check("bag-keys-function", """
        index | d | keys
        1 | {"a":"b","c":123} | ["a","c"]
        2 | {"a":"b","c":{"d":123}} | ["a","c"]
        3 | {"a":"b","c":[{"d":123}]} | ["a","c"]
        4 | null | null
        5 | {} | []
        6 | "a" | null
        7 | [] | null
        """, """
        datatable(index:long, d:dynamic) [
            1, dynamic({'a':'b', 'c':123}),
            2, dynamic({'a':'b', 'c':{'d':123}}),
            3, dynamic({'a':'b', 'c':[{'d':123}]}),
            4, dynamic(null),
            5, dynamic({}),
            6, dynamic('a'),
            7, dynamic([])
        ]
        | extend keys = bag_keys(d)
        """);

    [Fact] // set-union-function
    public void Set_union_of_several_arrays() => Golden.Check("set-union-function", """
        a1 | a2 | a3 | Out
        [1,2,1,4] | [1,2] | [8] | [1,2,4,8]
        [2,4,2,8] | [2,4] | [16] | [2,4,8,16]
        [3,6,3,12] | [3,6] | [24] | [3,6,12,24]
        """, """
        range x from 1 to 3 step 1
        | extend y = x * 2
        | extend z = y * 2
        | extend w = z * 2
        | extend a1 = pack_array(x,y,x,z), a2 = pack_array(x, y), a3 = pack_array(w)
        | project a1, a2, a3, Out = set_union(a1, a2, a3)
        """);

    [Fact] // set-union-function
    public void Set_union_of_one_array_dedups() => Golden.Check("set-union-function", """
        Arr1 | Out
        ["A4","A2","A7","A2"] | ["A4","A2","A7"]
        ["C4","C7","C1","C4"] | ["C4","C7","C1"]
        """, """
        datatable (Arr1: dynamic) [dynamic(['A4', 'A2', 'A7', 'A2']), dynamic(['C4', 'C7', 'C1', 'C4'])]
        | extend Out = set_union(Arr1, Arr1)
        """);

    [Theory] // array-slice-function
    [InlineData("[1,2,3]", "1, 2", "[2,3]")]
    [InlineData("[1,2,3,4,5]", "2, -1", "[3,4,5]")]
    [InlineData("[1,2,3,4,5]", "-3, -2", "[3,4]")]
    public void Array_slice(string array, string range, string expected) => Golden.Check("array-slice-function", $"""
        arr | sliced
        {array} | {expected}
        """, $"print arr = dynamic({array}) | extend sliced = array_slice(arr, {range})");

    [Fact] // zip-function
    public void Zip_pairs_elements() => Golden.Check("zip-function", """
        print_0
        [[1,2],[3,4],[5,6]]
        """, "print zip(dynamic([1,3,5]), dynamic([2,4,6]))");

    [Fact] // zip-function: the shorter array is padded with null
    public void Zip_pads_with_null() => Golden.Check("zip-function", """
        print_0
        [["A",{}],[1,"B"],[1.5,null]]
        """, """print zip(dynamic(["A", 1, 1.5]), dynamic([{}, "B"]))""");

    [Fact] // zip-function; the page titles the column print_0, but project of an unnamed call names it after the function's first argument: Column1 (see the report)
    public void Zip_of_made_lists() => Golden.Check("zip-function", """
        Column1
        [[1,"one"],[2,"two"],[3,"three"]]
        """, """
        datatable(a:int, b:string) [1,"one",2,"two",3,"three"]
        | summarize a = make_list(a), b = make_list(b)
        | project zip(a, b)
        """);

    [Fact] // pack-function (bag_pack)
    public void Bag_pack_nests_bags() => Golden.Check("pack-function", """
        print_0
        {"Level":"Information","ProcessID":1234,"Data":{"url":"www.bing.com"}}
        """, """print bag_pack("Level", "Information", "ProcessID", 1234, "Data", bag_pack("url", "www.bing.com"))""");

    [Fact] // pack-function (bag_pack): values read back with '.'
    public void Bag_pack_members() => Golden.Check("pack-function", """
        MyBag | MyBag_Dest | MyBag_Text
        {"Dest":100,"Text":"Hi"} | 100 | "Hi"
        {"Dest":200,"Text":"Hello"} | 200 | "Hello"
        {"Dest":300,"Text":"Hey"} | 300 | "Hey"
        """, """
        datatable (Source: int, Destination: int, Message: string) [1234, 100, "Hi", 4567, 200, "Hello", 1212, 300, "Hey"]
        | extend MyBag = bag_pack("Dest", Destination, "Text", Message)
        | project-away Source, Destination, Message
        | extend MyBag_Dest = MyBag.Dest, MyBag_Text = MyBag.Text
        """);

    [Fact] // pack-function (bag_pack): the page lists the rows in another order (Kusto promises none)
    public void Bag_pack_of_joined_columns() => Golden.Check("pack-function", """
        SourceNumber | TargetNumber | Packed
        555-555-1234 | 555-555-1212 | {"CharsCount":"46","FileSize":"250","FileType":"jpeg","FileName":"Pic2"}
        555-555-1234 | 555-555-1212 | {"CharsCount":"46","FileSize":"300","FileType":"png","FileName":"Pic3"}
        555-555-1234 | 555-555-1213 | {"CharsCount":"50","FileSize":"250","FileType":"jpeg","FileName":"Pic2"}
        555-555-1234 | 555-555-1213 | {"CharsCount":"50","FileSize":"300","FileType":"png","FileName":"Pic3"}
        """, """
        let SmsMessages = datatable (SourceNumber: string, TargetNumber: string, CharsCount: string) [
            "555-555-1234", "555-555-1212", "46", "555-555-1234", "555-555-1213", "50", "555-555-1212", "555-555-1234", "32"];
        let MmsMessages = datatable (SourceNumber: string, TargetNumber: string, FileSize: string, FileType: string, FileName: string) [
            "555-555-1212", "555-555-1213", "200", "jpeg", "Pic1", "555-555-1234", "555-555-1212", "250", "jpeg", "Pic2",
            "555-555-1234", "555-555-1213", "300", "png", "Pic3"];
        SmsMessages
        | join kind=inner MmsMessages on SourceNumber
        | extend Packed = bag_pack("CharsCount", CharsCount, "FileSize", FileSize, "FileType", FileType, "FileName", FileName)
        | where SourceNumber == "555-555-1234"
        | project SourceNumber, TargetNumber, Packed
        | sort by TargetNumber asc, tostring(Packed) asc
        """);
}
