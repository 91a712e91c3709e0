namespace Wbpm.Domain.Jobs;

/// <summary>What a failed attempt led to: another attempt at <see cref="NextDue"/>, or an <see cref="Incident"/>.</summary>
public sealed record JobFailureOutcome(DateTimeOffset? NextDue, Incident? Incident)
{
    public bool RaisedIncident => Incident is not null;
}
