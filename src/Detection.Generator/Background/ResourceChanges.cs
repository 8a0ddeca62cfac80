using Detection.Generator.Events;
using Detection.Generator.Randomness;
using Detection.Generator.World;

namespace Detection.Generator.Background;

/// <summary>
/// Routine Azure Resource Manager operations on weekdays: admins resizing and restarting VMs and changing storage
/// accounts from the portal, and the Terraform pipeline deploying. None of them is a CIS 5.2 operation: those are
/// only in the labelled scenarios.
/// </summary>
internal sealed class ResourceChanges : IBackgroundActivity
{
    public void Generate(DayContext day)
    {
        if (day.DayStart.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return;
        var random = day.Random("resources");
        var activity = new ActivityFactory(random);
        var world = day.World;
        var sub = world.Estate.SubscriptionId;
        var admins = world.Admins.ToList();

        for (var i = random.Between(4, 8); i > 0; i--)
        {
            var admin = random.Pick(admins);
            var caller = ActivityFactory.Caller(admin, admin.Office);
            var t = day.DayStart.AddHours(random.Between(9.0, 17.0)) - admin.Home.UtcOffset;
            var vm = random.Pick(world.Estate.VirtualMachines);
            var storage = random.Pick(world.Estate.StorageAccountIds);
            var events = random.Next(5) switch
            {
                0 => activity.Operation(t, caller, "Microsoft.Compute/virtualMachines/write", vm.ResourceId(sub),
                    """{"properties":{"hardwareProfile":{"vmSize":"Standard_D4s_v5"}}}""", longRunning: true),
                1 => activity.Operation(t, caller, "Microsoft.Compute/virtualMachines/restart/action", vm.ResourceId(sub), longRunning: true),
                2 => activity.Operation(t, caller, "Microsoft.Storage/storageAccounts/write", storage,
                    """{"properties":{"minimumTlsVersion":"TLS1_2","allowBlobPublicAccess":false}}"""),
                3 => activity.Operation(t, caller, "Microsoft.Storage/storageAccounts/blobServices/containers/write",
                    $"{storage}/blobServices/default/containers/exports", """{"properties":{"publicAccess":"None"}}""", successCode: "Created"),
                _ => activity.Operation(t, caller, "Microsoft.Resources/tags/write", $"{vm.ResourceId(sub)}/providers/Microsoft.Resources/tags/default",
                    """{"properties":{"tags":{"CostCenter":"4711","Owner":"platform"}}}"""),
            };
            foreach (var e in events) day.Emit(e);
        }

        var terraform = world.ServicePrincipals.First(sp => sp.Name == "Terraform-Deploy");
        for (var i = random.Between(1, 3); i > 0; i--)
        {
            var t = day.DayStart.AddHours(random.Between(8.0, 18.0));
            var name = $"deploy-app-{random.Between(1000, 9999)}";
            foreach (var e in activity.Operation(t, ActivityFactory.Caller(terraform), "Microsoft.Resources/deployments/write",
                         AzureEstate.Id(sub, "rg-app-prod", "Microsoft.Resources/deployments", name), longRunning: true, successCode: "Created"))
                day.Emit(e);
        }
    }
}
