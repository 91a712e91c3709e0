using System.Text.Json;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Portal;

/// <summary>A process the current user may start from the portal: the latest deployed version of its key.</summary>
public sealed record PortalProcess(string Key, string DefinitionId, string Name, string? Description, int Version, DateTimeOffset DeployedAt);

/// <param name="Variables">The start form's values (checked against the start event's form, docs/forms.md), or variables.</param>
/// <param name="Outcome">The label of the start form's outcome button, when the form has outcomes.</param>
public sealed record StartRequestInput(string? BusinessKey, Dictionary<string, JsonElement>? Variables, string? Outcome = null);

public sealed record RequestStarted(string Id, string BusinessKey, string Status);

public sealed record MyRequestQuery(string? Status = null, int Page = 1, int PageSize = 25);

/// <summary>Where a request stands: a step (an open task, or an element holding a token) and who holds it.</summary>
public sealed record RequestStep(string Name, string? Assignee, IReadOnlyList<string> CandidateUsers, IReadOnlyList<string> CandidateGroups);

public sealed record MyRequest(string Id, string DefinitionKey, string ProcessName, int Version, string? BusinessKey, string Status,
    IReadOnlyList<RequestStep> CurrentSteps, DateTimeOffset StartedAt, DateTimeOffset? EndedAt);

/// <param name="WithdrawBlockedReason">Why Withdraw is not offered (null when it is).</param>
public sealed record MyRequestDetails(MyRequest Request, IReadOnlyList<HistoryItem> Timeline, bool CanWithdraw, string? WithdrawBlockedReason);
