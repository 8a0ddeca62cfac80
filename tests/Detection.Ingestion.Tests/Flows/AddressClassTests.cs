using System.Net;
using Detection.Ingestion.Flows;

namespace Detection.Ingestion.Tests.Flows;

public sealed class AddressClassTests
{
    [Theory]
    [InlineData("10.5.16.4", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("100.128.0.1", false)]
    [InlineData("169.254.169.254", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("203.0.113.118", false)]
    [InlineData("fd00::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("2001:db8::1", false)]
    public void PrivateAddresses(string address, bool isPrivate) => Assert.Equal(isPrivate, AddressClass.IsPrivate(IPAddress.Parse(address)));

    [Fact]
    public void FlowTypeFollowsTheEnds()
    {
        Assert.Equal("IntraVNet", AddressClass.FlowType(IPAddress.Parse("10.0.0.4"), IPAddress.Parse("10.0.1.5")));
        Assert.Equal("ExternalPublic", AddressClass.FlowType(IPAddress.Parse("10.0.0.4"), IPAddress.Parse("52.239.184.180")));
        Assert.Equal("Unknown", AddressClass.FlowType(null, IPAddress.Parse("10.0.0.4")));
    }
}
