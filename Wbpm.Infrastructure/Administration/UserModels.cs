namespace Wbpm.Infrastructure.Administration;

public sealed record UserSummary(
    string Id, string UserName, string DisplayName, string? Email, bool IsDisabled, bool IsLockedOut,
    IReadOnlyList<string> Roles, IReadOnlyList<string> Groups, DateTimeOffset CreatedAt)
{
    /// <summary>Ids of <see cref="Groups"/> (names need not be unique; editing memberships needs ids).</summary>
    public IReadOnlyList<string> GroupIds { get; init; } = [];
}

public sealed record NewUser(
    string UserName, string DisplayName, string? Email, string Password,
    IReadOnlyCollection<string> Roles, IReadOnlyCollection<string> GroupIds);

public sealed record UserChanges(string DisplayName, string? Email);

public sealed record UserQuery(string? Search = null, int Skip = 0, int Take = 25, string? OrderBy = null, bool Descending = false);
