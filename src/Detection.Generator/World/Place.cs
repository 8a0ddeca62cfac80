namespace Detection.Generator.World;

/// <summary>A city as Entra reports it in <c>properties.location</c>, with the fixed UTC offset the generator uses for it (no daylight saving).</summary>
internal sealed record Place(string City, string State, string Country, double Latitude, double Longitude, TimeSpan UtcOffset)
{
    /// <summary>Great-circle distance in kilometres.</summary>
    public double DistanceKm(Place other)
    {
        const double R = 6371.0;
        double Rad(double d) => d * Math.PI / 180.0;
        var dLat = Rad(other.Latitude - Latitude);
        var dLon = Rad(other.Longitude - Longitude);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(Rad(Latitude)) * Math.Cos(Rad(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Sqrt(a));
    }
}
