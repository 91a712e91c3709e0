namespace Wbpm.Domain.Security;

/// <summary>
/// The entity does not exist for the current user. An entity of another tenant is reported the same way,
/// so ids of other tenants cannot be probed.
/// </summary>
public sealed class NotFoundException(string entity, string id)
    : Exception($"{entity} '{id}' was not found.")
{
    public string Entity { get; } = entity;
    public string Id { get; } = id;
}
