namespace Wbpm.Domain.Jobs;

public enum IncidentStatus
{
    Open,
    Resolved,
}
