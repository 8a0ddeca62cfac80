namespace Detection.Ingestion.Export;

internal enum RecordKind
{
    SignIn,
    Audit,
    Activity,
    NsgFlow,
    VnetFlow,
}

internal readonly record struct Route(string Table, RecordKind Kind);

/// <summary>Which table an export record's <c>category</c> goes to (case-insensitive). Data, not logic.</summary>
internal static class Categories
{
    private static readonly Dictionary<string, Route> ByCategory = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SignInLogs"] = new("SigninLogs", RecordKind.SignIn),
        ["NonInteractiveUserSignInLogs"] = new("AADNonInteractiveUserSignInLogs", RecordKind.SignIn),
        ["ServicePrincipalSignInLogs"] = new("AADServicePrincipalSignInLogs", RecordKind.SignIn),
        ["ManagedIdentitySignInLogs"] = new("AADManagedIdentitySignInLogs", RecordKind.SignIn),
        ["AuditLogs"] = new("AuditLogs", RecordKind.Audit),
        ["NetworkSecurityGroupFlowEvent"] = new("NTANetAnalytics", RecordKind.NsgFlow),
        ["FlowLogFlowEvent"] = new("NTANetAnalytics", RecordKind.VnetFlow),
    };

    /// <summary>The Activity log's event categories (ALS, "category" of the REST schema).</summary>
    public static readonly HashSet<string> ActivityCategories = new(StringComparer.OrdinalIgnoreCase)
    {
        "Administrative", "Security", "ServiceHealth", "Alert", "Recommendation", "Policy", "Autoscale", "ResourceHealth",
    };

    /// <summary>
    /// What ALS's own example puts in <c>category</c> of an Activity record (the kind of operation), accepted for records
    /// on a <c>/subscriptions/…</c> resource only, so that resource logs of other services stay unknown.
    /// </summary>
    private static readonly HashSet<string> ActivityOperationKinds = new(StringComparer.OrdinalIgnoreCase) { "Write", "Delete", "Action" };

    private static readonly (byte[] Name, Route Route)[] ByCategoryUtf8 =
        [.. ByCategory.Select(e => (System.Text.Encoding.UTF8.GetBytes(e.Key), e.Value))];

    private static readonly byte[][] ActivityCategoriesUtf8 = [.. ActivityCategories.Select(System.Text.Encoding.UTF8.GetBytes)];

    /// <summary>The route of a category given as UTF-8, without allocating; false for anything but the direct categories.</summary>
    public static bool TryRoute(ReadOnlySpan<byte> category, out Route route)
    {
        foreach (var (name, r) in ByCategoryUtf8)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(category, name))
            {
                route = r;
                return true;
            }
        }
        if (IsActivityCategory(category))
        {
            route = new Route("AzureActivity", RecordKind.Activity);
            return true;
        }
        route = default;
        return false;
    }

    public static bool IsActivityCategory(ReadOnlySpan<byte> category)
    {
        foreach (var name in ActivityCategoriesUtf8)
            if (System.Text.Ascii.EqualsIgnoreCase(category, name)) return true;
        return false;
    }

    public static bool TryResolve(string category, string? resourceId, Func<bool> hasEventCategory, out Route route)
    {
        if (ByCategory.TryGetValue(category, out route)) return true;
        route = new Route("AzureActivity", RecordKind.Activity);
        if (ActivityCategories.Contains(category)) return true;
        var onSubscription = resourceId is not null && resourceId.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase);
        return onSubscription && (ActivityOperationKinds.Contains(category) || hasEventCategory());
    }
}
