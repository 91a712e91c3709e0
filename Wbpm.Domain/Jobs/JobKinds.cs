namespace Wbpm.Domain.Jobs;

/// <summary>The job kinds the engine schedules. A handler is registered per kind; other modules may add their own.</summary>
public static class JobKinds
{
    public const string AsyncBefore = "async-before";
    public const string AsyncAfter = "async-after";
    public const string Timer = "timer";
    public const string Script = "script";
    public const string ExternalRetry = "external-retry";
}
