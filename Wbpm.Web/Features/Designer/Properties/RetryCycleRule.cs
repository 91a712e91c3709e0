using Wbpm.Domain.Jobs;

namespace Wbpm.Web.Features.Designer.Properties;

/// <summary>wbpm:retryTimeCycle is parsed by <see cref="RetryCycle"/> when a job fails: the panel refuses what it would refuse.</summary>
public static class RetryCycleRule
{
    public static string? Problem(string? value) =>
        string.IsNullOrWhiteSpace(value) || RetryCycle.TryParse(value, out _)
            ? null
            : $"Use R<attempts>/<ISO 8601 duration>, 1 to {RetryCycle.MaxAttempts} attempts, for example R5/PT1M.";
}
