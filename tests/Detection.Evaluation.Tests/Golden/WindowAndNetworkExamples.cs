namespace Detection.Evaluation.Tests.Golden;

/// <summary>Examples of the window function and IPv4 pages, with their documented outputs.</summary>
public class WindowAndNetworkExamples
{
    [Fact] // row-cumsum-function
    public void Row_cumsum() => Golden.Check("row-cumsum-function", """
        a | cs
        2 | 2
        4 | 6
        6 | 12
        8 | 20
        10 | 30
        """, "datatable (a:long) [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] | where a%2==0 | serialize cs=row_cumsum(a)");

    [Fact] // row-cumsum-function: restarted per partition
    public void Row_cumsum_restarts() => Golden.Check("row-cumsum-function", """
        name | month | salary | total
        Alice | 1 | 1000 | 1000
        Alice | 2 | 2000 | 3000
        Alice | 3 | 1400 | 4400
        Bob | 1 | 1000 | 1000
        Bob | 2 | 1950 | 2950
        Bob | 3 | 1450 | 4400
        """, """
        datatable (name:string, month:int, salary:long)
        ["Alice", 1, 1000, "Bob", 1, 1000, "Alice", 2, 2000, "Bob", 2, 1950, "Alice", 3, 1400, "Bob", 3, 1450]
        | order by name asc, month asc
        | extend total=row_cumsum(salary, name != prev(name))
        """);

    [Fact] // row-number-function: the page describes the result (a from 10 down, rn from 1 up)
    public void Row_number() => Golden.Check("row-number-function", """
        a | rn
        10 | 1
        9 | 2
        8 | 3
        7 | 4
        6 | 5
        5 | 6
        4 | 7
        3 | 8
        2 | 9
        1 | 10
        """, "range a from 1 to 10 step 1 | sort by a desc | extend rn=row_number()");

    [Fact] // row-number-function: starting at 7
    public void Row_number_from_seven() => Assert.Equal("7,8,9,10,11,12,13,14,15,16",
        string.Join(",", Support.Data.Text("range a from 1 to 10 step 1 | sort by a desc | extend rn=row_number(7) | project rn").Split('\n').Skip(1)));

    [Fact] // row-number-function: numbered per partition
    public void Row_number_restarts() => Golden.Check("row-number-function", """
        Airport | Airline | Departures | Rank
        SEA | BA | 2 | 1
        SEA | LH | 1 | 2
        SEA | LY | 0 | 3
        TLV | LY | 100 | 1
        TLV | LH | 1 | 2
        """, """
        datatable (Airport:string, Airline:string, Departures:long)
        ["TLV", "LH", 1, "TLV", "LY", 100, "SEA", "LH", 1, "SEA", "BA", 2, "SEA", "LY", 0]
        | sort by Airport asc, Departures desc
        | extend Rank=row_number(1, prev(Airport) != Airport)
        """);

    [Fact] // ipv4-is-private-function
    public void Ipv4_is_private() => Golden.Check("ipv4-is-private-function", """
        ip_string | result
        10.1.2.3 | true
        192.168.1.1/24 | true
        127.0.0.1 | false
        """, "datatable(ip_string:string) ['10.1.2.3', '192.168.1.1/24', '127.0.0.1'] | extend result = ipv4_is_private(ip_string)");

    [Fact] // ipv4-is-private-function: the page's opening examples
    public void Ipv4_is_private_of_literals() => Golden.Check("ipv4-is-private-function", """
        a | b | c | d
        true | true | false | false
        """, """print a = ipv4_is_private('192.168.1.1/24'), b = ipv4_is_private('10.1.2.3/24'), c = ipv4_is_private('202.1.2.3'), d = ipv4_is_private("127.0.0.1")""");

    [Fact] // ipv4-is-in-range-function
    public void Ipv4_is_in_range() => Golden.Check("ipv4-is-in-range-function", """
        ip_address | ip_range | result
        192.168.1.1 | 192.168.1.1 | true
        192.168.1.1 | 192.168.1.255/24 | true
        """, "datatable(ip_address:string, ip_range:string) ['192.168.1.1', '192.168.1.1', '192.168.1.1', '192.168.1.255/24'] | extend result = ipv4_is_in_range(ip_address, ip_range)");
}
