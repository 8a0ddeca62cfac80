using Detection.Generator.Randomness;
using Detection.Generator.Records;
using Detection.Generator.World;

namespace Detection.Generator.Events;

/// <summary>
/// Builds the Activity log records of one ARM operation: Start, then Accept for long-running writes, then Success,
/// all sharing one correlation id (ALS: "records of both the start and success").
/// </summary>
internal sealed class ActivityFactory(Prng random)
{
    public static Caller Caller(Person p, NetworkOrigin from) =>
        new(p.DisplayName, Wire.Guid(p.Id), Catalog.AzurePortal.AppId, p.UserPrincipalName, from.Ip, "User");

    public static Caller Caller(ServicePrincipal sp) =>
        new(sp.Name, Wire.Guid(sp.ObjectId), Wire.Guid(sp.AppId), null, sp.Origin.Ip, "ServicePrincipal");

    public List<ActivityEvent> Operation(DateTime start, Caller caller, string operation, string resourceId,
        string? requestBody = null, string? responseBody = null, bool longRunning = false, string successCode = "OK")
    {
        var correlation = random.NextGuid();
        var operationId = random.NextGuid();
        var role = caller.PrincipalType == "User" ? "Owner" : "Contributor";
        var assignment = random.NextGuid();
        ActivityEvent Step(DateTime t, string status, string subStatus, string? code, string? request, string? response) => new()
        {
            Time = t,
            Operation = operation,
            ResourceId = resourceId,
            Status = status,
            SubStatus = subStatus,
            Caller = caller,
            CorrelationId = correlation,
            EventDataId = random.NextGuid(),
            OperationId = operationId,
            RoleDefinitionName = role,
            RoleAssignmentId = assignment,
            StatusCode = code,
            RequestBody = request,
            ResponseBody = response,
        };

        var events = new List<ActivityEvent> { Step(start, "Start", "Started.", null, requestBody, null) };
        var t = start.AddMilliseconds(random.Between(300, 2500));
        if (longRunning)
        {
            events.Add(Step(t, "Accept", "Accepted.Created", "Created", null, null));
            t = t.AddSeconds(random.Between(20, 150));
        }
        events.Add(Step(t, "Success", $"Succeeded.{successCode}", successCode, null, responseBody));
        return events;
    }
}
