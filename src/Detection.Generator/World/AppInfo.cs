namespace Detection.Generator.World;

/// <summary>A client application and the resource it asks a token for.</summary>
internal sealed record AppInfo(string Name, string AppId, string ResourceName, string ResourceId, string ClientAppUsed);

/// <summary>An Entra directory role (name and well-known template id).</summary>
internal sealed record DirectoryRole(string Name, string TemplateId, bool Privileged);
